/**
 * Every feed, sitemap and search file of a built site, read with a strict
 * parser: XML by saxes (well-formedness and XML 1.0's characters, which a
 * browser's and a feed reader's parsers enforce: one forbidden character and
 * the whole feed is dropped), JSON by `JSON.parse`. A file that would not
 * parse is named with its line and column.
 */
import { readFile } from 'node:fs/promises';
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

/** Whether a file of a site (its `/`-separated name under the site) must parse as XML, as JSON, or need not. */
function parserOf(name: string): 'xml' | 'json' | undefined {
  if (name.endsWith('.xml')) return 'xml';
  if (/^search\/[^/]+\.json$/.test(name) || /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(name)) return 'json';
  return undefined;
}

/**
 * One line per file of `site` that does not parse. `files` lists the site's
 * files (`/`-separated names under it), as the checks read its folder once.
 */
export async function wellFormedProblems(site: string, files: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const name of files) {
    const parser = parserOf(name);
    if (parser === undefined) continue;
    const text = await readFile(join(site, name), 'utf8');
    if (parser === 'xml') {
      const error = xmlError(text);
      if (error !== undefined)
        problems.push(`${name} is not well-formed XML (${error}): feed readers and search engines drop it`);
      continue;
    }
    try {
      JSON.parse(text);
    } catch (error) {
      problems.push(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return problems;
}
