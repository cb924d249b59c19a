/**
 * Search in the browser: loads Pagefind and the script map when the reader
 * first needs them, asks Pagefind for candidates in every spelling of the
 * query, and keeps the pages that contain it exactly (`matchPage`).
 */
import { type Script } from '../lib/scripts.ts';
import { matchPage, rankMatches, type PageMatch, type PageRecord } from '../search/matching.ts';
import { queryTerms, termVariants, maxVariants } from '../search/query.ts';
import type { ScriptMap } from '../search/script-map.ts';
import { pageUrl } from '../lib/urls.ts';

/** The part of Pagefind's browser API we use. @see https://pagefind.app/docs/api/ */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PageRecord>;
}

export interface SearchOutcome {
  status: 'results' | 'empty' | 'unavailable';
  terms: string[];
  results: PageMatch[];
}

/**
 * Candidates whose fragments (about 8 kB each) we read per round: as many as
 * results are wanted, at most 10; and the most we read for one query.
 */
const maxBatch = 10;
const maxCandidates = 60;

/** Search files that could not be fetched, since the page loaded. */
const failedRequests = new Set<string>();

/**
 * Pagefind logs a missing or unreachable index chunk and answers "no
 * results"; to tell that from a real empty answer, we note every failed
 * request for a search file. Installed once, before Pagefind loads.
 */
let watching = false;

function watchSearchRequests(): void {
  if (watching) return;
  watching = true;
  const fetchFile = window.fetch.bind(window);
  const isSearchFile = (input: RequestInfo | URL): boolean =>
    String(input instanceof Request ? input.url : input).includes('/pagefind/');
  window.fetch = async (input, init) => {
    try {
      const response = await fetchFile(input, init);
      if (!response.ok && isSearchFile(input)) failedRequests.add(String(input));
      return response;
    } catch (error) {
      if (isSearchFile(input)) failedRequests.add(String(input));
      throw error;
    }
  };
}

export interface SearchEngine {
  /** Starts loading the index, so the first query does not wait for it. */
  preload(): void;
  search(query: string, limit?: number): Promise<SearchOutcome>;
}

export function createSearchEngine(base: string, script: Script): SearchEngine {
  let ready: Promise<{ pagefind: Pagefind; map: ScriptMap }> | undefined;

  function load(): Promise<{ pagefind: Pagefind; map: ScriptMap }> {
    ready ??= (async () => {
      watchSearchRequests();
      const url = `${base.replace(/\/?$/, '/')}pagefind/pagefind.js`;
      const [pagefind, map] = await Promise.all([
        import(/* @vite-ignore */ url) as Promise<Pagefind>,
        fetch(pageUrl(base, script, 'search/script-map.json')).then((response) => {
          if (!response.ok) throw new Error(`script map: HTTP ${response.status}`);
          return response.json() as Promise<ScriptMap>;
        }),
      ]);
      // On the main thread: our index is small, the worker would cost 12 kB more, and
      // its requests would bypass watchSearchRequests().
      await pagefind.options({ baseUrl: base, excerptLength: 0, noWorker: true });
      await pagefind.init();
      return { pagefind, map };
    })();
    // A failed load may be a passing network fault: let the next query try again.
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  }

  async function search(query: string, limit = 20): Promise<SearchOutcome> {
    const terms = queryTerms(query);
    if (terms.length === 0) return { status: 'empty', terms, results: [] };
    let loaded: { pagefind: Pagefind; map: ScriptMap };
    try {
      loaded = await load();
    } catch {
      return { status: 'unavailable', terms, results: [] };
    }
    const variants = terms.map((term) => termVariants(term, loaded.map));
    const spellings = variants.reduce<string[]>(
      (queries, options) =>
        queries.flatMap((prefix) => options.map((option) => `${prefix} ${option}`.trim())).slice(0, maxVariants),
      [''],
    );
    try {
      const candidates = new Map<string, PagefindResult>();
      for (const spelling of spellings) {
        for (const result of (await loaded.pagefind.search(spelling))?.results ?? []) {
          const known = candidates.get(result.id);
          if (!known || known.score < result.score) candidates.set(result.id, result);
        }
      }
      const ordered = [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, maxCandidates);
      const matches: { match: PageMatch; score: number }[] = [];
      const batch = Math.min(limit, maxBatch);
      for (let start = 0; start < ordered.length && matches.length < limit; start += batch) {
        const slice = ordered.slice(start, start + batch);
        const records = await Promise.all(slice.map((result) => result.data()));
        records.forEach((record, index) => {
          const match = matchPage(record, variants);
          if (match) matches.push({ match, score: slice[index]?.score ?? 0 });
        });
      }
      if (candidates.size === 0 && failedRequests.size > 0) return { status: 'unavailable', terms, results: [] };
      return {
        status: 'results',
        terms,
        results: rankMatches(matches)
          .slice(0, limit)
          .map(({ match }) => match),
      };
    } catch {
      return { status: 'unavailable', terms, results: [] };
    }
  }

  return { preload: () => void load().catch(() => undefined), search };
}
