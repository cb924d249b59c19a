/**
 * The publish checks over a built site folder: every page and every feed
 * item passes the character guards of its script, every article body holds
 * all the text its conversion produced, every page has its twins, and every
 * article is in the pages, feeds, sitemap and search indexes. A page that
 * passed these checks in the site being replaced, byte for byte, under the
 * same checks and facts, is not checked again (`.checked-pages`).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { feedSize } from '../view/feed.ts';
import { scripts, type Script } from '../site/scripts.ts';
import { normaliseBase } from '../site/urls.ts';
import { checkFeed, scriptOfPage, type PageCheckContext } from './page-checks.ts';
import checkBatch, { checkedPageKey, type BatchResult, type PageBatch } from './page-worker.ts';
import type { PublishedArticle, RenderedFacts } from '../build/state.ts';
import { readFragment } from '../indexer/pagefind-format.ts';
import { mapAtOnce } from '../build/at-once.ts';
import { runBatchesOnWorkers } from '../build/worker-batches.ts';
import { findMissing } from './site.ts';
import { wellFormedProblems } from './well-formed.ts';

/**
 * Where a site keeps the address each search fragment holds (a dot file:
 * never served), so that the next build reads only fragments it has not
 * seen: Pagefind names a fragment by a hash, so a name stands for the same
 * page's fragment.
 */
export const indexedFragmentsFile = '.indexed-fragments';

/** URLs of the pages in each script's search index, read from the index's page fragments (or known from the last site). */
async function indexedUrls(
  site: string,
  files: readonly string[],
  base: string,
  previous: string | undefined,
): Promise<{ indexed: Record<Script, Set<string>>; fragments: Record<string, string> }> {
  const indexed = Object.fromEntries(scripts.map((script) => [script, new Set<string>()])) as Record<Script, Set<string>>;
  const known = new Map<string, string>(
    previous === undefined
      ? []
      : Object.entries(
          JSON.parse(await readFile(join(previous, indexedFragmentsFile), 'utf8').catch(() => '{}')) as Record<string, string>,
        ),
  );
  const fragments: Record<string, string> = {};
  const names = files.filter((file) => /^pagefind\/[^/]+\/fragment\/[^/]+\.pf_fragment$/.test(file));
  const urls = await mapAtOnce(
    names,
    readsAtOnce,
    async (name) => known.get(name) ?? readFragment(await readFile(join(site, name))).url,
  );
  for (const [at, name] of names.entries()) {
    const url = urls[at] ?? '';
    fragments[name] = url;
    const script = scripts.find((candidate) => url.startsWith(`/${candidate}/`));
    if (script) indexed[script].add(`${normaliseBase(base)}${url.slice(1)}`);
  }
  return { indexed, fragments };
}

/**
 * The search bundles as the browser finds them: each script's search data
 * (`search/<script>.json`) names the bundles its search box loads and
 * merges; each must be a bundle under `pagefind/`, and every bundle there
 * must be named by one script, or its articles are never searched.
 */
async function bundleProblems(site: string, files: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const named = new Set<string>();
  for (const script of scripts) {
    const file = `search/${script}.json`;
    let listed: unknown;
    try {
      listed = (JSON.parse(await readFile(join(site, file), 'utf8')) as { bundles?: unknown }).bundles;
    } catch (error) {
      problems.push(`${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!Array.isArray(listed) || !listed.every((name) => typeof name === 'string') || listed[0] !== script) {
      problems.push(`${file} does not list its search bundles, the newest ("${script}") first`);
      continue;
    }
    for (const name of listed as string[]) {
      named.add(name);
      const entry = await readFile(join(site, 'pagefind', name, 'pagefind-entry.json'), 'utf8').catch(() => undefined);
      if (entry === undefined) problems.push(`${file} names the search bundle "${name}", which pagefind/${name}/ does not hold`);
    }
  }
  for (const entry of files.filter((file) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(file))) {
    const name = entry.split('/')[1] ?? '';
    if (!named.has(name))
      problems.push(`the search bundle pagefind/${name}/ is named by no script's search data: it is never searched`);
  }
  return problems;
}

export interface SiteCheckOptions {
  /** The built site folder. */
  site: string;
  base: string;
  /** What the content loader published, newest first. */
  published: readonly PublishedArticle[];
  /** What the pages noted as they converted text, and the pages that passed as Astro wrote them. */
  rendered: Readonly<Pick<RenderedFacts, 'fixed' | 'bodyLengths'> & Partial<Pick<RenderedFacts, 'passedAsWritten'>>>;
  /** Run the character guards (off only for benchmark builds without conversion). */
  guards: boolean;
  /** The worker thread module (src/checks/page-worker.ts), to check many pages over every core. */
  workerFile?: string | undefined;
  /** The site being replaced, whose pages that passed need no check again if they are unchanged. */
  previous?: string | undefined;
  /** Pages (file names) the build linked from `previous` unchanged (`src/build/reused-pages.ts`): not read again if they passed there. */
  linked?: ReadonlySet<string> | undefined;
  /** A digest of the checks' code: with another, every page is checked again. */
  checksDigest?: string | undefined;
}

/**
 * Where a site lists the pages that passed its checks (a dot file: never
 * served): the checks' context, then each page's `checkedPageKey`, body length and
 * file name.
 */
export const checkedPagesFile = '.checked-pages';

const lengthField = (expected: number | undefined): string => String(expected ?? '');

/** What a site's `.checked-pages` says: the context its pages passed under, their keys, and each page's key and body length. */
async function readPassed(
  site: string,
): Promise<{ context: string; keys: Set<string>; pages: Map<string, { key: string; expected: string }> }> {
  const lines = (await readFile(join(site, checkedPagesFile), 'utf8').catch(() => '')).split('\n');
  const [header, ...rest] = lines;
  const context = header?.startsWith('context\t') ? header.slice('context\t'.length) : '';
  const pages = new Map<string, { key: string; expected: string }>();
  const keys = new Set<string>();
  for (const line of rest) {
    const [key = '', expected = '', name = ''] = line.split('\t');
    keys.add(key);
    pages.set(name, { key, expected });
  }
  return { context, keys, pages };
}

/** Pages per batch a worker checks: large enough to pay for the message, small enough to share the work out evenly. */
const batchSize = 200;

/** Files read at once where the checks read many (pages to compare, search fragments): enough to keep the disk's queue full. */
const readsAtOnce = 16;

/** Checks pages on worker threads when there are many, in this thread when there are few; each page's key comes back with its problems. */
async function checkPages(
  batch: Omit<PageBatch, 'pages'>,
  pages: PageBatch['pages'],
  workerFile: string | undefined,
): Promise<BatchResult> {
  if (workerFile === undefined || pages.length < batchSize * 2) return checkBatch({ ...batch, pages });
  const results = await runBatchesOnWorkers<PageBatch['pages'][number], BatchResult>(
    workerFile,
    pages,
    batchSize,
    (slice) => ({ ...batch, pages: slice }) satisfies PageBatch,
  );
  return {
    problems: results.flatMap(({ problems }) => problems),
    keys: results.flatMap(({ keys }) => keys),
    passedAsWritten: results.reduce((sum, { passedAsWritten }) => sum + passedAsWritten, 0),
  };
}

/**
 * The problems of what spans the site rather than a page: the feeds, every
 * article's presence in the pages, feeds, sitemap and search indexes, the
 * search bundles, and the well-formedness of the XML files. With the
 * address each search fragment holds, for `indexedFragmentsFile`.
 */
async function siteWideProblems({
  site,
  files,
  base,
  previous,
  pages,
  published,
  context,
}: {
  site: string;
  files: readonly string[];
  base: string;
  previous: string | undefined;
  /** Every page's URL. */
  pages: readonly string[];
  published: readonly PublishedArticle[];
  context: PageCheckContext;
}): Promise<{ problems: string[]; fragments: Record<string, string> }> {
  const problems: string[] = [];
  const feeds = {} as Record<Script, string>;
  for (const script of scripts) {
    const file = `${script}/rss.xml`;
    feeds[script] = await readFile(join(site, file), 'utf8').catch(() => '');
    for (const problem of checkFeed(file, script, feeds[script], context)) problems.push(problem);
  }
  const { indexed, fragments } = await indexedUrls(site, files, base, previous);
  const sitemaps: string[] = [];
  for (const name of files.filter((file) => /^sitemap-[^/]*\.xml$/.test(file)))
    sitemaps.push(await readFile(join(site, name), 'utf8'));
  // One at a time: an index that lost every page names each article, more than a spread's arguments can hold.
  const missing = findMissing(
    { base, pages, feeds, sitemap: sitemaps.join('\n'), indexed },
    published.map(({ slug }) => slug),
    feedSize,
  );
  for (const problem of missing) problems.push(problem);
  problems.push(...(await bundleProblems(site, files)));
  problems.push(...(await wellFormedProblems(site, files)));
  return { problems, fragments };
}

/** Every problem of a built site, one line each, and what was checked. */
export async function checkBuiltSite({
  site,
  base,
  published,
  rendered,
  guards,
  workerFile,
  previous,
  linked,
  checksDigest,
}: SiteCheckOptions): Promise<{
  problems: string[];
  pages: number;
  articles: number;
  unchanged: number;
  passedAsWritten: number;
}> {
  const context: PageCheckContext = {
    // Sorted: the same texts in any order are the same context (pages are rendered, or taken, in any order).
    fixed: Object.fromEntries(scripts.map((script) => [script, [...rendered.fixed[script]].sort()])),
    guards,
  };
  // The folder is read once, by readdir, not glob (a quarter of the time on an archive's 150,000 files), and each check
  // takes its files from that list.
  const files = (await readdir(site, { recursive: true })).map((name) => name.split(sep).join('/'));
  const names = files.filter((name) => name.endsWith('.html')).sort();
  const pages = names.map((name) => `${normaliseBase(base)}${name.replace(/(^|\/)index\.html$/, '$1')}`);
  const checked = names
    .filter((name) => scriptOfPage(name) !== undefined)
    .map((name): PageBatch['pages'][number] => {
      const expected = rendered.bodyLengths.get(name.replace(/index\.html$/, ''));
      const passed = rendered.passedAsWritten?.get(name);
      return passed === undefined ? [name, expected] : [name, expected, passed];
    });
  // Pages that passed in the site being replaced, unchanged, are not checked again.
  const contextKey = createHash('sha256')
    .update(checksDigest ?? '')
    .update(JSON.stringify(context))
    .digest('hex');
  const before = previous === undefined || checksDigest === undefined ? undefined : await readPassed(previous);
  const passedBefore = before?.context === contextKey ? before : undefined;
  const keys = new Map<string, string>();
  const lengths = new Map(checked.map(([name, expected]) => [name, expected]));
  // Pages that passed in the site being replaced are not checked again: one linked from it, where it passed under the
  // same checks and facts, is that page and is not read; any other is read and compared by its key. With no such site
  // nothing is read here: the workers read each page once, to check it and to key it.
  let toCheck: PageBatch['pages'] = checked;
  if (passedBefore !== undefined) {
    const unlinked: PageBatch['pages'] = [];
    for (const page of checked) {
      const [name, expected] = page;
      const prior = passedBefore.pages.get(name);
      if (prior !== undefined && linked?.has(name) === true && prior.expected === lengthField(expected))
        keys.set(name, prior.key);
      else unlinked.push(page);
    }
    const unlinkedKeys = await mapAtOnce(unlinked, readsAtOnce, async ([name, expected]) =>
      checkedPageKey(contextKey, expected, await readFile(join(site, name))),
    );
    toCheck = [];
    unlinked.forEach((page, at) => {
      const key = unlinkedKeys[at] ?? '';
      keys.set(page[0], key);
      if (!passedBefore.keys.has(key)) toCheck.push(page);
    });
  }
  // The workers check the pages while this thread checks what spans the site: it would otherwise wait on them.
  const [checkedNow, siteWide] = await Promise.all([
    checkPages({ site, context, contextKey }, toCheck, workerFile),
    siteWideProblems({ site, files, base, previous, pages, published, context }),
  ]);
  toCheck.forEach(([name], at) => keys.set(name, checkedNow.keys[at] ?? ''));
  const problems = [...checkedNow.problems, ...siteWide.problems];
  const { fragments } = siteWide;
  if (problems.length === 0) await writeFile(join(site, indexedFragmentsFile), JSON.stringify(fragments));
  if (problems.length === 0 && checksDigest !== undefined)
    await writeFile(
      join(site, checkedPagesFile),
      [`context\t${contextKey}`, ...[...keys].map(([name, key]) => `${key}\t${lengthField(lengths.get(name))}\t${name}`)].join(
        '\n',
      ),
    );
  return {
    problems,
    pages: pages.length,
    articles: published.length,
    unchanged: checked.length - toCheck.length,
    passedAsWritten: checkedNow.passedAsWritten,
  };
}
