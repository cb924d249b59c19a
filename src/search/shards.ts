/**
 * How the search index is split, so that indexing memory stays bounded
 * however large the archive grows (Pagefind holds a whole index in memory
 * while it builds it, about half a megabyte a page): one Pagefind bundle
 * per script and year, a year cut into parts of at most `maxShardPages`
 * articles. The bundle with the newest articles has a fixed name (the
 * script's), so the browser can start loading it at once; it merges the
 * others (`mergeIndex`). The plan depends only on the articles' slugs and
 * dates, so the pages and the indexer make the same plan.
 */
import { scripts, type Script } from '../lib/scripts.ts';

/** Most article pages in one bundle: about 1.2 GiB of memory for Pagefind while it indexes them. */
export const maxShardPages = 2500;

export interface Shard {
  /** Folder under `pagefind/`: `zh-hant` for the newest, `zh-hant-2024`, `zh-hant-2024-2`… for the rest. */
  name: string;
  script: Script;
  slugs: string[];
}

/** The shards of every script, newest first in each. */
export function planShards(articles: readonly { slug: string; published: string }[]): Record<Script, Shard[]> {
  const byYear = new Map<string, { slug: string; published: string }[]>();
  for (const article of articles) {
    const year = article.published.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), article]);
  }
  const years = [...byYear.keys()].sort().reverse();
  const parts: { key: string; slugs: string[] }[] = [];
  for (const year of years) {
    const inYear = (byYear.get(year) ?? []).sort(
      (a, b) => a.published.localeCompare(b.published) || a.slug.localeCompare(b.slug),
    );
    for (let start = 0, part = 1; start < inYear.length; start += maxShardPages, part += 1)
      parts.push({
        key: part === 1 ? year : `${year}-${part}`,
        slugs: inYear.slice(start, start + maxShardPages).map(({ slug }) => slug),
      });
  }
  return Object.fromEntries(
    scripts.map((script) => [
      script,
      parts.map(({ key, slugs }, index) => ({ name: index === 0 ? script : `${script}-${key}`, script, slugs })),
    ]),
  ) as Record<Script, Shard[]>;
}
