/**
 * How the search index is split, so that indexing memory stays bounded
 * however large the archive grows (Pagefind holds a whole index in memory
 * while it builds it, about half a megabyte a page): each script's articles,
 * oldest first, in bundles of at most `maxShardPages`. New articles join the
 * newest bundle, so a rebuild indexes again only the bundles whose pages
 * changed. The newest bundle has a fixed name (the script's), so the browser
 * can start loading it at once; it merges the others (`mergeIndex`). The
 * plan depends only on the articles' slugs and dates, so the pages and the
 * indexer make the same plan.
 */
import { scripts, type Script } from '../site/scripts.ts';

/**
 * Most article pages in one bundle. Pagefind takes about 0.6 MiB a page
 * while it indexes a bundle, and a rebuild indexes again the bundles whose
 * pages changed, so smaller bundles cost less memory and less rebuilding;
 * each bundle adds a few requests to a reader's first search.
 * `SEARCH_SHARD_PAGES` sets it (the fixtures' build uses 1, so that the
 * browser tests search merged bundles).
 */
export const maxShardPages = Number(process.env['SEARCH_SHARD_PAGES']) || 1250;

export interface Shard {
  /** Folder under `pagefind/`: `zh-hant` for the newest articles, `zh-hant-1`, `zh-hant-2`… from the oldest. */
  name: string;
  script: Script;
  slugs: string[];
}

/** The shards of every script, newest first in each. */
export function planShards(articles: readonly { slug: string; published: string }[]): Record<Script, Shard[]> {
  const ordered = [...articles].sort((a, b) => a.published.localeCompare(b.published) || a.slug.localeCompare(b.slug));
  const chunks: string[][] = [];
  for (let start = 0; start < ordered.length; start += maxShardPages)
    chunks.push(ordered.slice(start, start + maxShardPages).map(({ slug }) => slug));
  return Object.fromEntries(
    scripts.map((script) => [
      script,
      chunks
        .map((slugs, index) => ({ name: index === chunks.length - 1 ? script : `${script}-${index + 1}`, script, slugs }))
        .reverse(),
    ]),
  ) as Record<Script, Shard[]>;
}
