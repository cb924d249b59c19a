/**
 * Search in the browser: loads Pagefind and the script's search data when
 * the reader first needs them, asks Pagefind for candidates in every
 * spelling of the query (other script, variants, regional forms), and keeps
 * the pages that contain it exactly (`matchPage`). Only when none does, it
 * looks for near matches among the candidates (`nearMatch`) and for a
 * one-character correction that would match exactly.
 *
 * On an archive of several bundles (`src/search/bundles.ts`), Pagefind
 * starts with the newest bundle and merges older ones as `reach.ts` allows
 * (`mergeIndex` on the initialised instance, as Pagefind's multisite search
 * documents), then searches again: results are always ranked over every
 * bundle merged so far, and the outcome says when older ones were not
 * searched.
 *
 * Each search may fetch `searchAllowance` bytes of the index
 * (`src/search/allowance.ts`): the fragments it reads to check the exact
 * phrase, the bundles it merges and the near-match queries it tries all stop
 * there, and the outcome says when candidates were left unread. Records
 * already read cost nothing, so asking again reads the next ones.
 */
import { type Script } from '../site/scripts.ts';
import { aliasCorrections, correctionFrom, nearAliasForms, nearMatch } from '../search/approximate.ts';
import { fold } from '../search/fold.ts';
import { pagefindQueries, planQuery, type SearchData, type TermPlan } from '../search/search-data.ts';
import { matchPage, rankMatches, type PageMatch, type PageRecord } from '../search/matching.ts';
import {
  affordableFragments,
  allowanceLeft,
  countsAgainstAllowance,
  mayLookUp,
  requestOverhead,
  type Fetched,
} from '../search/allowance.ts';
import { expandAnchors, type FragmentAnchor } from '../search/fragment.ts';
import { prepareQuery, queryTerms } from '../search/query.ts';
import { firstReach, hasOlder, widenForOlder, widenForResults, type Reach } from '../search/reach.ts';
import { normaliseBase } from '../site/urls.ts';

/** The part of Pagefind's browser API we use. @see https://pagefind.app/docs/api/ */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
  /** Adds another bundle of the index, searched with this one. */
  mergeIndex(path: string, options?: { baseUrl?: string; excerptLength?: number }): Promise<void>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<Omit<PageRecord, 'anchors'> & { anchors: FragmentAnchor[] }>;
}

export interface SearchOutcome {
  status: 'results' | 'empty' | 'unavailable';
  /** The text searched: what was typed, cleaned, and cut if too long. */
  query: string;
  /** Words after `query` were not searched: the query was too long. */
  cut: boolean;
  terms: string[];
  /** Pages that contain every term exactly. */
  results: PageMatch[];
  /** Only when nothing matches exactly: pages that come near, best first. */
  approximate: PageMatch[];
  /** A query one character away that matches exactly ("did you mean"). */
  suggestion?: string | undefined;
  /** Regional forms the results print for what was typed (普京 → 普丁). */
  aliases: AliasNote[];
  /** Older articles were not searched (their bundles not merged yet): the lists are not the whole archive's. */
  older: boolean;
  /** Candidates among the articles searched were left unread (the search's allowance spent): there may be more results. */
  partial: boolean;
}

/** A form the reader typed, and the forms the results print for it instead. */
export interface AliasNote {
  typed: string;
  printed: string[];
}

/**
 * Candidates whose fragments (2.5–6.5 kB each) we read at once: as many as
 * results are wanted, at most 10; and the most we read for near matches.
 * How many we read for one search in all is what its allowance pays for.
 */
const maxBatch = 10;
const nearCandidates = 10;

/** Search files that could not be fetched, since the page loaded. */
const failedRequests = new Set<string>();

/** What the page has fetched of the index since it loaded, for the searches' allowances. */
const fetched: Fetched = { bytes: 0, fragmentBytes: 0, fragments: 0 };

/** Counts a response of the index: its length as sent when the server says it, else the body's, and its headers. */
function countFetched(url: string, response: Response): void {
  const path = new URL(url, location.href).pathname;
  if (!countsAgainstAllowance(path)) return;
  const add = (body: number): void => {
    const size = body + requestOverhead;
    fetched.bytes += size;
    if (path.endsWith('.pf_fragment')) {
      fetched.fragmentBytes += size;
      fetched.fragments += 1;
    }
  };
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > 0) add(length);
  else
    void response
      .clone()
      .arrayBuffer()
      .then((body) => add(body.byteLength))
      .catch(() => undefined);
}

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
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const isSearchFile = url.includes('/pagefind/');
    try {
      const response = await fetchFile(input, init);
      if (isSearchFile) {
        // A failed request is reported, not weighed: an error page would pass for a heavy fragment.
        if (!response.ok) failedRequests.add(url);
        else countFetched(url, response);
      }
      return response;
    } catch (error) {
      if (isSearchFile) failedRequests.add(url);
      throw error;
    }
  };
}

export interface SearchOptions {
  /** Most results wanted. */
  limit?: number;
  /** The reader asked for older articles: merge the next bundles before searching. */
  older?: boolean;
}

export interface SearchEngine {
  /** Starts loading the index, so the first query does not wait for it. */
  preload(): void;
  search(query: string, options?: SearchOptions): Promise<SearchOutcome>;
  /** Stops a search under way from fetching more (the reader emptied the box): its outcome is not wanted. */
  cancel(): void;
}

/** One search's spending: what is left of its allowance, and whether candidates it wanted were left unread. */
interface Budget {
  left(): number;
  unread: boolean;
}

interface Loaded {
  pagefind: Pagefind;
  data: SearchData;
  /** The script's bundles, the newest (loaded first) first. */
  bundles: readonly string[];
}

/** Queries for near candidates when Pagefind found few: a Latin term's prefixes (Pagefind matches words that start so), a Han term's pairs of characters. */
function relaxedQueries(plans: readonly TermPlan[]): string[] {
  const queries = plans.flatMap(({ spellings }) => {
    const characters = Array.from(spellings[0] ?? '');
    // A Latin word's shorter prefixes too, down to its first four letters: Bolsanaro is Bolsonaro from its fifth.
    if (/^[a-z0-9]/.test(spellings[0] ?? ''))
      return [1, 2, 3, characters.length - 4]
        .filter((cut) => cut >= 1 && characters.length - cut >= 1)
        .map((cut) => characters.slice(0, -cut).join(''));
    return characters.length < 3 ? [] : characters.slice(1).map((character, index) => `${characters[index] ?? ''}${character}`);
  });
  return [...new Set(queries)].slice(0, 8);
}

export function createSearchEngine(base: string, script: Script): SearchEngine {
  let ready: Promise<Loaded> | undefined;
  const records = new Map<string, Promise<PageRecord>>();
  const root = normaliseBase(base);
  /** How many bundles are merged (or being merged), and how many may be without asking the reader. */
  let reach: Reach = firstReach(1);
  /** Bundle merges run one after another; every search waits for those asked before it. */
  let merging: Promise<void> = Promise.resolve();
  /** The newest search: one superseded by another, or cancelled, stops fetching. */
  let latestSearch = 0;
  /** The records being read, by whichever search asked: a new search starts counting once they are in. */
  let reading: Promise<unknown> = Promise.resolve();

  /** The budget of search number `searchNumber`, from what the page has fetched so far. */
  function budgetOf(searchNumber: number): Budget {
    const start = { ...fetched };
    return { left: () => (searchNumber === latestSearch ? allowanceLeft(start, fetched) : 0), unread: false };
  }

  /** Reads the records of `results` (those read before are not fetched again). */
  function readRecords(results: readonly PagefindResult[]): Promise<PageRecord[]> {
    const pages = Promise.all(results.map(record));
    reading = pages.catch(() => undefined);
    return pages;
  }

  /** The longest prefix of `results` whose records the budget pays for (records already read are free). */
  function affordable(results: readonly PagefindResult[], budget: Budget): PagefindResult[] {
    const unread = results.filter(({ id }) => !records.has(id)).length;
    let paid = affordableFragments(budget.left(), fetched, unread);
    const taken: PagefindResult[] = [];
    for (const result of results) {
      if (!records.has(result.id)) {
        if (paid === 0) break;
        paid -= 1;
      }
      taken.push(result);
    }
    return taken;
  }

  function load(): Promise<Loaded> {
    ready ??= (async () => {
      watchSearchRequests();
      const [pagefind, data] = await Promise.all([
        // The bundle with the newest articles has the script's name; the search data lists the others.
        import(/* @vite-ignore */ `${root}pagefind/${script}/pagefind.js`) as Promise<Pagefind>,
        fetch(`${root}search/${script}.json`).then((response) => {
          if (!response.ok) throw new Error(`search data: HTTP ${response.status}`);
          return response.json() as Promise<SearchData>;
        }),
      ]);
      // On the main thread: our index is small, the worker would cost 12 kB more, and
      // its requests would bypass watchSearchRequests().
      await pagefind.options({ baseUrl: base, excerptLength: 0, noWorker: true });
      await pagefind.init();
      const bundles = [script, ...(data.bundles ?? []).filter((bundle) => bundle !== script)];
      reach = firstReach(bundles.length);
      return { pagefind, data, bundles };
    })();
    // A failed load may be a passing network fault: let the next query try again.
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  }

  /** Merges the bundles `next` reaches that are not merged yet, after any merge under way. */
  function widen({ pagefind, bundles }: Loaded, next: Reach): Promise<void> {
    const added = bundles.slice(reach.merged, next.merged);
    // Never less than another query already merged or allowed.
    reach = { ...next, merged: Math.max(reach.merged, next.merged), allowed: Math.max(reach.allowed, next.allowed) };
    merging = merging.then(async () => {
      for (const bundle of added) await pagefind.mergeIndex(`${root}pagefind/${bundle}/`, { baseUrl: base, excerptLength: 0 });
    });
    return merging;
  }

  /** A page's record, with the anchor texts the compacted fragment dropped. */
  function record(result: PagefindResult): Promise<PageRecord> {
    let found = records.get(result.id);
    if (!found) {
      found = result.data().then((data) => ({ ...data, anchors: expandAnchors(data.content, data.anchors) }));
      records.set(result.id, found);
      found.catch(() => records.delete(result.id));
    }
    return found;
  }

  /** Candidates from Pagefind for every query, best score kept per page, best first. */
  async function candidates(pagefind: Pagefind, queries: readonly string[]): Promise<PagefindResult[]> {
    // Pagefind searches every merged bundle: none may be half merged.
    await merging;
    const found = new Map<string, PagefindResult>();
    for (const query of queries) {
      for (const result of (await pagefind.search(query))?.results ?? []) {
        const known = found.get(result.id);
        if (!known || known.score < result.score) found.set(result.id, result);
      }
    }
    return [...found.values()].sort((a, b) => b.score - a.score);
  }

  /** The pages that contain every term exactly, ranked, and the candidates Pagefind gave. */
  async function exact(
    { pagefind, data }: Loaded,
    plans: readonly TermPlan[],
    limit: number,
    budget: Budget,
  ): Promise<{ matches: PageMatch[]; candidates: PagefindResult[] }> {
    const ordered = await candidates(pagefind, pagefindQueries(plans, data));
    const spellings = plans.map((plan) => plan.spellings);
    const matches: { match: PageMatch; score: number }[] = [];
    const batch = Math.min(limit, maxBatch);
    for (let start = 0; start < ordered.length && matches.length < limit;) {
      const slice = affordable(ordered.slice(start, start + batch), budget);
      if (slice.length === 0) {
        budget.unread = true;
        break;
      }
      start += slice.length;
      const pages = await readRecords(slice);
      pages.forEach((page, index) => {
        const match = matchPage(page, spellings, data.fold);
        if (match) matches.push({ match, score: slice[index]?.score ?? 0 });
      });
    }
    return {
      matches: rankMatches(matches)
        .slice(0, limit)
        .map(({ match }) => match),
      candidates: ordered,
    };
  }

  /**
   * Near matches among the candidates, the pages that print a regional form
   * or name within the allowed edits of a term, and (when there are few) a
   * few relaxed queries' candidates.
   */
  async function near(loaded: Loaded, typed: readonly TermPlan[], found: PagefindResult[], limit: number, budget: Budget) {
    const plans = typed.map((plan) => ({ ...plan, spellings: [...plan.spellings, ...nearAliasForms(plan, loaded.data)] }));
    let pool = found;
    if (mayLookUp(budget.left()) && plans.some((plan, index) => plan.spellings.length > (typed[index]?.spellings.length ?? 0))) {
      const known = new Set(pool.map(({ id }) => id));
      const named = await candidates(loaded.pagefind, pagefindQueries(plans, loaded.data));
      pool = [...named.filter(({ id }) => !known.has(id)), ...pool];
    }
    if (pool.length < nearCandidates && mayLookUp(budget.left())) {
      const known = new Set(pool.map(({ id }) => id));
      const more = (await candidates(loaded.pagefind, relaxedQueries(plans))).filter(({ id }) => !known.has(id));
      pool = [...pool, ...more];
    }
    pool = affordable(pool.slice(0, nearCandidates), budget);
    const pages = await readRecords(pool);
    return pages
      .map((page, index) => ({ near: nearMatch(page, plans, loaded.data.fold), score: pool[index]?.score ?? 0 }))
      .filter((item): item is { near: NonNullable<typeof item.near>; score: number } => item.near !== undefined)
      .sort((a, b) => b.near.closeness - a.near.closeness || b.near.sameStarts - a.near.sameStarts || b.score - a.score)
      .slice(0, limit)
      .map(({ near: match }) => match);
  }

  /** The first one-character correction (from a near page, or to a known regional form) that matches exactly. */
  async function suggest(loaded: Loaded, plans: readonly TermPlan[], nearby: Awaited<ReturnType<typeof near>>, budget: Budget) {
    const typed = plans.map((plan) => plan.term).join(' ');
    const corrections = [
      ...nearby.map((item) => correctionFrom(item, plans)).filter((query): query is string => query !== undefined),
      ...aliasCorrections(plans, loaded.data),
    ].filter((query) => query.toLowerCase() !== typed);
    for (const query of [...new Set(corrections)].slice(0, 3)) {
      // Each try looks the query up in the index: only while the allowance pays for a lookup.
      if (!mayLookUp(budget.left())) break;
      const { matches } = await exact(loaded, planQuery(queryTerms(query), loaded.data), 1, budget);
      if (matches.length > 0) return query;
    }
    return undefined;
  }

  /** Regional forms the results print (as printed) for each term whose own spellings none of them prints. */
  function aliasesUsed(plans: readonly TermPlan[], results: readonly PageMatch[], data: SearchData): AliasNote[] {
    const printed = new Map<string, string>();
    for (const form of results.flatMap(({ found }) => found)) {
      const key = fold(form, data.fold);
      if (!printed.has(key)) printed.set(key, form);
    }
    return plans.flatMap((plan) => {
      if (plan.spellings.slice(0, plan.own).some((spelling) => printed.has(spelling))) return [];
      const notes = new Map<string, Set<string>>();
      for (const { typed, printed: form } of plan.aliases) {
        const shown = printed.get(form);
        if (shown !== undefined) notes.set(typed, (notes.get(typed) ?? new Set()).add(shown));
      }
      return [...notes].map(([typed, forms]) => ({ typed, printed: [...forms] }));
    });
  }

  async function search(input: string, { limit = 20, older = false }: SearchOptions = {}): Promise<SearchOutcome> {
    const { text, cut } = prepareQuery(input);
    const terms = queryTerms(text);
    const outcome: SearchOutcome = {
      status: 'results',
      query: text,
      cut,
      terms,
      results: [],
      approximate: [],
      aliases: [],
      older: false,
      partial: false,
    };
    if (terms.length === 0) {
      latestSearch += 1;
      return { ...outcome, status: 'empty' };
    }
    let loaded: Loaded;
    try {
      loaded = await load();
    } catch {
      return { ...outcome, status: 'unavailable' };
    }
    const plans = planQuery(terms, loaded.data);
    // Any search under way stops fetching; what it has in flight is its own to pay for.
    const searchNumber = ++latestSearch;
    try {
      // Bundles the reader asked for are merged before the allowance starts: they are not this query's to pay for.
      if (older) await widen(loaded, widenForOlder(reach));
      await reading;
      // Counted from here, of the index only: Pagefind's own code is not this query's.
      const budget = budgetOf(searchNumber);
      // The bundles searched are at least those merged when the search starts (a query typed since may merge more).
      let searched = reach;
      let found = await exact(loaded, plans, limit, budget);
      // Too few results among the bundles merged: the next older one, and the same search again over all of them,
      // while the allowance pays for a merge and every candidate of those merged was read.
      for (let next = widenForResults(reach, found.matches.length, limit); next && !budget.unread && mayLookUp(budget.left());) {
        await widen(loaded, next);
        searched = reach;
        found = await exact(loaded, plans, limit, budget);
        next = widenForResults(reach, found.matches.length, limit);
      }
      if (found.candidates.length === 0 && failedRequests.size > 0) return { ...outcome, status: 'unavailable' };
      const answered = {
        ...outcome,
        older: hasOlder(searched),
        partial: budget.unread && found.matches.length < limit,
      };
      if (found.matches.length > 0)
        return { ...answered, results: found.matches, aliases: aliasesUsed(plans, found.matches, loaded.data) };
      const nearby = await near(loaded, plans, found.candidates, limit, budget);
      const suggestion = await suggest(loaded, plans, nearby, budget);
      return { ...answered, approximate: nearby.map(({ match }) => match), suggestion };
    } catch {
      return { ...outcome, status: 'unavailable' };
    }
  }

  return {
    preload: () => void load().catch(() => undefined),
    search,
    cancel: () => void (latestSearch += 1),
  };
}
