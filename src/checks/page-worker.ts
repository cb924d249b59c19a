/**
 * A worker thread of the publish checks (tinypool): reads a batch of built
 * pages, checks each (`checkPage`) and gives back each page's key in
 * `.checked-pages` (`checkedPageKey`), from the bytes it checked. Run as
 * plain Node, outside Astro.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPage, type PageCheckContext } from './page-checks.ts';

export interface PageBatch {
  site: string;
  /** Pages relative to the site, each with the text length its article body must have, if it is an article. */
  pages: [name: string, expectedBodyLength: number | undefined][];
  context: PageCheckContext;
  /** What the checks' verdict depends on besides the page: the checks' code and `context` (`checkedPageKey`). */
  contextKey: string;
}

export interface BatchResult {
  problems: string[];
  /** Each page's `checkedPageKey`, in the batch's order. */
  keys: string[];
}

/** What a page's check result depends on: the checks' code and facts, the length its body must have, and its bytes. */
export function checkedPageKey(contextKey: string, expectedLength: number | undefined, page: Buffer): string {
  return createHash('sha256')
    .update(contextKey)
    .update(`\u0000${expectedLength ?? ''}\u0000`)
    .update(page)
    .digest('base64url');
}

export default async function checkBatch({ site, pages, context, contextKey }: PageBatch): Promise<BatchResult> {
  const problems: string[] = [];
  const keys: string[] = [];
  for (const [name, expected] of pages) {
    const bytes = await readFile(join(site, name));
    keys.push(checkedPageKey(contextKey, expected, bytes));
    for (const problem of checkPage(name, bytes.toString('utf8'), expected, context)) problems.push(problem);
  }
  return { problems, keys };
}
