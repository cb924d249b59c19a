/**
 * A worker thread of the publish checks (tinypool): reads a batch of built
 * pages and checks each (`checkPage`). Run as plain Node, outside Astro.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPage, type PageCheckContext } from './page-checks.ts';

export interface PageBatch {
  site: string;
  /** Pages relative to the site, each with the text length its article body must have, if it is an article. */
  pages: [name: string, expectedBodyLength: number | undefined][];
  context: PageCheckContext;
}

export default async function checkBatch({ site, pages, context }: PageBatch): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, expected] of pages)
    for (const problem of checkPage(name, await readFile(join(site, name), 'utf8'), expected, context)) problems.push(problem);
  return problems;
}
