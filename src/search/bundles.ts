/**
 * How the search index is split into bundles, so that indexing memory stays
 * bounded however large the archive grows (Pagefind holds a whole index in
 * memory while it builds it, about half a megabyte a page): each script's
 * articles, oldest first, in bundles of at most `maxPages`. New articles join
 * the newest bundle, so a rebuild indexes again only the bundles whose pages
 * changed. The newest bundle has a fixed name (the script's), so the browser
 * can start loading it at once; it merges the others (`mergeIndex`) only as
 * far as a search reaches (`reach.ts`), so the first query costs the same
 * however large the archive. Planned
 * once per build, from the articles the content loader published
 * (`src/content/publication.ts`); the search data and the indexer read that
 * one plan.
 */
import { scripts, type Script } from '../site/scripts.ts';

export interface Bundle {
  /** Folder under `pagefind/`: `zh-hant` for the newest articles, `zh-hant-1`, `zh-hant-2`… from the oldest. */
  name: string;
  script: Script;
  slugs: string[];
}

/** The bundles of every script, newest first in each. */
export function planBundles(
  articles: readonly { slug: string; published: string }[],
  maxPages: number,
): Record<Script, Bundle[]> {
  const ordered = [...articles].sort((a, b) => a.published.localeCompare(b.published) || a.slug.localeCompare(b.slug));
  const groups: string[][] = [];
  for (let start = 0; start < ordered.length; start += maxPages)
    groups.push(ordered.slice(start, start + maxPages).map(({ slug }) => slug));
  return Object.fromEntries(
    scripts.map((script) => [
      script,
      groups
        .map((slugs, index) => ({ name: index === groups.length - 1 ? script : `${script}-${index + 1}`, script, slugs }))
        .reverse(),
    ]),
  ) as Record<Script, Bundle[]>;
}
