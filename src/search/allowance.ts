/**
 * What one search may fetch. Pagefind, its WebAssembly and the search data
 * are loaded once (about 82 kB); what a query fetches of the index (the
 * metadata of each bundle it merges, index chunks, and above all the
 * fragments read to check the exact phrase) is counted against
 * `searchAllowance`, each request with its headers. Without a
 * bound, a query whose words are on many pages but never together read 60
 * fragments a round, in every bundle it merged and again for each
 * suggestion it tried: 430 kB at 50,000 articles (`npm run first-query`).
 * The candidates it could not afford are left for the reader to ask for
 * ("search further"), and the outcome says so.
 */

/**
 * Bytes of the index a search may fetch: with the 82 kB Pagefind and the
 * search data weigh, a first query stays under 300 kB, with room for a
 * lookup begun when little was left.
 */
export const searchAllowance = 170_000;

/** What a response's headers weigh on the wire (fetch does not show them): about what `npm run serve` and nginx send. */
export const requestOverhead = 300;

/** Whether a search file counts against a search's allowance: the index's metadata, chunks and fragments, not Pagefind's code. */
export function countsAgainstAllowance(path: string): boolean {
  return /\.pf_(meta|index|fragment)$/.test(path);
}

/** What a fragment is taken to weigh before any was fetched: a long article's (6.5 kB as Pagefind writes it). */
export const fragmentGuess = 6_500;

/**
 * What must be left to start another lookup in the index: merging one more
 * bundle (its metadata, 10 kB at 500 articles a bundle, and the query's
 * chunks in it), or the chunks of a near-match or suggestion query.
 */
export const lookupReserve = 30_000;

/** What the page has fetched of the index so far, counted as responses arrive. */
export interface Fetched {
  /** Bytes of every search file (index, metadata, fragments). */
  bytes: number;
  /** Bytes and count of fragments alone, to know what one weighs here. */
  fragmentBytes: number;
  fragments: number;
}

/** Bytes of the allowance left to a search that began when the page had fetched `start`. */
export function allowanceLeft(start: Fetched, now: Fetched, allowance = searchAllowance): number {
  return Math.max(0, allowance - (now.bytes - start.bytes));
}

/** How many of `wanted` fragments (none read yet) `left` bytes pay for, at the weight fragments have had on this site so far. */
export function affordableFragments(left: number, now: Fetched, wanted: number): number {
  const weight = now.fragments > 0 ? now.fragmentBytes / now.fragments : fragmentGuess;
  return Math.max(0, Math.min(wanted, Math.floor(left / Math.max(1, weight))));
}

/** Whether `left` bytes still pay for another lookup: a bundle merged, a near-match or suggestion query. */
export function mayLookUp(left: number): boolean {
  return left >= lookupReserve;
}
