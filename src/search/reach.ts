/**
 * How far into a script's search bundles (`bundles.ts`: newest first) a
 * search reaches. Each bundle the browser merges costs its metadata (about
 * 13 B an article) and the index chunks the query's words fall in, so
 * merging every bundle makes the first query grow with the archive. A search
 * starts with the newest bundle alone; while a query finds fewer results
 * than wanted it merges the next one, up to `bundlesUnasked` bundles in all;
 * further bundles are merged only when the reader asks for older articles,
 * `bundlesUnasked` more each time. So the first query costs the same at any
 * archive size, and a site of one bundle searches everything at once.
 */

/**
 * Bundles a search may merge without the reader asking (1,500 articles at
 * 500 a bundle). Each costs about 10 kB of metadata and the chunks of the
 * query's words, about 35 kB for a query that finds nothing and so tries
 * near matches too: three keep such a first query under 300 kB (185 kB
 * measured at 10,000 articles, `npm run first-query`).
 */
export const bundlesUnasked = 3;

export interface Reach {
  /** Bundles merged or being merged, the newest first. */
  merged: number;
  /** Bundles the search may merge without asking the reader. */
  allowed: number;
  /** Bundles of the script. */
  total: number;
}

/** Before the first query: the newest bundle only. */
export function firstReach(total: number): Reach {
  return { merged: Math.min(1, total), allowed: Math.min(bundlesUnasked, total), total };
}

/** The reach after merging one more bundle because the query found `found` results of the `wanted`; `undefined` when it may not. */
export function widenForResults(reach: Reach, found: number, wanted: number): Reach | undefined {
  if (found >= wanted || reach.merged >= reach.allowed) return undefined;
  return { ...reach, merged: reach.merged + 1 };
}

/** The reach once the reader asks for older articles: the next `bundlesUnasked` bundles, merged at once. */
export function widenForOlder(reach: Reach): Reach {
  const merged = Math.min(reach.total, reach.merged + bundlesUnasked);
  return { ...reach, merged, allowed: Math.max(reach.allowed, merged) };
}

/** Whether older articles were left unsearched: the reader must be told the results are not the whole archive's. */
export function hasOlder(reach: Reach): boolean {
  return reach.merged < reach.total;
}
