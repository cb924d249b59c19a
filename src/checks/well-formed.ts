/**
 * Every feed, sitemap and search file of a built site, read with a strict
 * parser: XML by saxes (well-formedness and XML 1.0's characters, which a
 * browser's and a feed reader's parsers enforce: one forbidden character and
 * the whole feed is dropped), JSON by `JSON.parse`. A file that would not
 * parse is named with its line and column.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

/** The first well-formedness error of an XML text, or `undefined`. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let first: string | undefined;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    first ??= error instanceof Error ? error.message : String(error);
  }
  return first;
}

/** Files of a site that must parse, by the parser that reads them. */
const patterns = { xml: ['**/*.xml'], json: ['search/*.json', 'pagefind/*/pagefind-entry.json'] } as const;

/** One line per file of `site` that does not parse. */
export async function wellFormedProblems(site: string): Promise<string[]> {
  const problems: string[] = [];
  for (const pattern of patterns.xml)
    for await (const name of glob(pattern, { cwd: site })) {
      const error = xmlError(await readFile(join(site, name), 'utf8'));
      if (error !== undefined)
        problems.push(`${name} is not well-formed XML (${error}): feed readers and search engines drop it`);
    }
  for (const pattern of patterns.json)
    for await (const name of glob(pattern, { cwd: site })) {
      try {
        JSON.parse(await readFile(join(site, name), 'utf8'));
      } catch (error) {
        problems.push(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  return problems;
}
