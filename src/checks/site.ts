/**
 * Site-wide checks over a built `dist/`: every page has its twin in the
 * other script, and every article is in both scripts, both feeds, the
 * sitemap and both search indexes. Pure: the caller reads the files.
 */
import { otherScripts, scripts, type Script } from '../site/scripts.ts';
import { articleKey, keyOfPath, pageUrl } from '../site/urls.ts';

export interface BuiltSite {
  base: string;
  /** Site-relative paths of the HTML pages, e.g. `/zh-hant/articles/foo/`. */
  pages: readonly string[];
  feeds: Record<Script, string>;
  sitemap: string;
  /** URLs of the pages in each script's search index. */
  indexed: Record<Script, ReadonlySet<string>>;
}

/** The paths of the URLs between `<tag>` and `</tag>` (feed links, sitemap locations). */
function pathsIn(xml: string, tag: string): Set<string> {
  const paths = new Set<string>();
  for (const [, url = ''] of xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))) {
    try {
      paths.add(new URL(url).pathname);
    } catch {
      // Not an absolute URL: not one of ours.
    }
  }
  return paths;
}

/**
 * Problems, one sentence each; empty when nothing is missing. `slugs` are
 * newest first: each script's feed must hold the first `feedSize`.
 */
export function findMissing(site: BuiltSite, slugs: readonly string[], feedSize = Number.POSITIVE_INFINITY): string[] {
  const problems: string[] = [];
  const feeds = Object.fromEntries(scripts.map((script) => [script, pathsIn(site.feeds[script], 'link')])) as Record<
    Script,
    Set<string>
  >;
  const sitemap = pathsIn(site.sitemap, 'loc');
  const keys = new Map(scripts.map((script) => [script, new Set<string>()]));
  for (const page of site.pages) {
    const located = keyOfPath(site.base, page);
    if (located) keys.get(located.script)?.add(located.key);
  }
  for (const script of scripts) {
    for (const other of otherScripts(script)) {
      for (const key of keys.get(script) ?? []) {
        if (!keys.get(other)?.has(key))
          problems.push(`${pageUrl(site.base, script, key)} has no twin in ${other} (${pageUrl(site.base, other, key)})`);
      }
    }
  }
  slugs.forEach((slug, index) => {
    for (const script of scripts) {
      const path = pageUrl(site.base, script, articleKey(slug));
      if (!keys.get(script)?.has(articleKey(slug))) problems.push(`article "${slug}" has no page ${path}`);
      if (index < feedSize && !feeds[script].has(path)) problems.push(`article "${slug}" is missing from the ${script} feed`);
      if (!sitemap.has(path)) problems.push(`article "${slug}" (${script}) is missing from the sitemap`);
      if (!site.indexed[script].has(path)) problems.push(`article "${slug}" is missing from the ${script} search index`);
    }
  });
  return problems;
}
