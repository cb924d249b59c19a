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
  /**
   * Pages relative to the site, each with the text length its article body
   * must have, if it is an article, and the `writtenDigest` of what passed
   * as Astro wrote it, if it did.
   */
  pages: [name: string, expectedBodyLength: number | undefined, passedAsWritten?: string][];
  context: PageCheckContext;
  /** What the checks' verdict depends on besides the page: the checks' code and `context` (`checkedPageKey`). */
  contextKey: string;
}

export interface BatchResult {
  problems: string[];
  /** Each page's `checkedPageKey`, in the batch's order. */
  keys: string[];
  /** Pages not checked again: they are the bytes that passed as Astro wrote them. */
  passedAsWritten: number;
}

/** What a page's check result depends on: the checks' code and facts, the length its body must have, and its bytes. */
export function checkedPageKey(contextKey: string, expectedLength: number | undefined, page: Buffer): string {
  return createHash('sha256')
    .update(contextKey)
    .update(`\u0000${expectedLength ?? ''}\u0000`)
    .update(page)
    .digest('base64url');
}

/**
 * What a page checked as Astro wrote it passed with (`during-render.ts`):
 * the length its body had to have, and its bytes. Those checks ran with the
 * texts fixed until then, fewer than the build's in the end, and a fixed
 * text only lets stand what the guards would refuse: a page that passed
 * then passes now, if these are its bytes.
 */
export function writtenDigest(expectedLength: number | undefined, page: Uint8Array): string {
  return createHash('sha256')
    .update(`${expectedLength ?? ''}\u0000`)
    .update(page)
    .digest('base64url');
}

export default async function checkBatch({ site, pages, context, contextKey }: PageBatch): Promise<BatchResult> {
  const problems: string[] = [];
  const keys: string[] = [];
  let passedAsWritten = 0;
  for (const [name, expected, passed] of pages) {
    const bytes = await readFile(join(site, name));
    keys.push(checkedPageKey(contextKey, expected, bytes));
    if (passed !== undefined && passed === writtenDigest(expected, bytes)) {
      passedAsWritten += 1;
      continue;
    }
    for (const problem of checkPage(name, bytes.toString('utf8'), expected, context)) problems.push(problem);
  }
  return { problems, keys, passedAsWritten };
}
