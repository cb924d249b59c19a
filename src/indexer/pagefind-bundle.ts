/**
 * One search bundle, made by the Pagefind service of the process that runs
 * this module (`index-lane.ts`; Pagefind's Node API starts one service per
 * module instance, so each lane has its own binary). A bundle is an index
 * of its own, in a service of its own: its pages fed to the service, its
 * files taken in memory (`getFiles()`, when the indexer gives leave), the
 * service ended, then the files written (`compact-fragments.ts`) with a
 * digest of what they were made from. A
 * bundle whose pages and indexer are byte for byte those of the site being
 * replaced is linked from it instead.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { setPagefindChunkSize } from '../build/options.ts';
import { linkTree } from '../build/reuse-files.ts';
import { writeBundle, type BundleWriteReport } from './compact-fragments.ts';

/** What a lane is asked to make: one bundle. */
export interface BundleTask {
  /** The built site folder. */
  site: string;
  /** The bundle's pages, relative to `site`, in the order they are indexed. */
  files: string[];
  /** The bundle's folder (`<site>/pagefind/<bundle>`). */
  output: string;
  /** The same bundle in the site being replaced, linked if nothing it was made from changed. */
  before: string | undefined;
  /**
   * Whether every page of the bundle was linked from the site being replaced:
   * those are the files its bundle was made from, so their bytes need not be
   * read to know they did not change.
   */
  beforeHasThesePages: boolean;
  /** A digest of the indexer's code (`sourcesDigest`). */
  indexer: string;
  /** Word positions per index chunk (`indexChunkPositions`). */
  chunkPositions: number;
}

/** What came of a bundle: made, kept from the site being replaced, or a problem for the build to report. */
export type BundleOutcome =
  { kind: 'built'; fragments: BundleWriteReport } | { kind: 'reused' } | { kind: 'failed'; title: string; problems: string[] };

/** A failure a person reads: the title and problems of a `BuildError`, sent between processes as plain data. */
export class BundleFailure extends Error {
  readonly title: string;
  readonly problems: string[];

  constructor(title: string, problems: string[]) {
    super(`${title}\n${problems.join('\n')}`);
    this.title = title;
    this.problems = problems;
  }
}

/**
 * Where a bundle remembers what it was built from (a dot file: never
 * served): the digest of its pages' bytes (`bundleDigest`), then that of
 * the indexer and the pages' names alone (`bundleShape`).
 */
const digestFile = '.digest';

/**
 * Pages sent to the service before the first answer is awaited. The service
 * reads its requests one after another, in order, so the pages are indexed
 * in the order given whatever the number in flight; feeding several keeps it
 * from waiting on this process's file reads and message encoding (measured on
 * 1,000 generated articles: 2.8 s one at a time, 2.3 s with 32 in flight).
 */
const inFlight = 32;

/**
 * A sentence of twelve words: the extended binary finds them one by one;
 * without Chinese segmentation the whole sentence is a single word, and a
 * reader's 關係 would never find 國際關係.
 */
const probeSentence = '我們今天在台北討論國際關係與經濟合作';
const probeWordsAtLeast = 6;

const problemsOf = (errors: readonly string[]): string[] => (errors.length > 0 ? [...errors] : ['(Pagefind gave no reason)']);

/** The chunk size the running service was started with, if one runs. */
let runningChunkPositions: number | undefined;
/**
 * Set once the service is stopped for good. Pagefind's Node API starts a
 * service again on any call after `close()`, so every call here asks first.
 */
let stopped = false;

function checkRunning(): void {
  if (stopped) throw new BundleFailure('The search index was not built: indexing was stopped.', ['another bundle failed first']);
}

/**
 * Starts this process's service with index chunks of `chunkPositions` word
 * positions, unless it runs with them already. Pagefind reads its chunk size
 * from its environment when its service starts, so another size means
 * another service; each service is probed for Chinese segmentation before
 * it indexes anything.
 */
export async function startService(chunkPositions: number): Promise<void> {
  checkRunning();
  if (runningChunkPositions === chunkPositions) return;
  if (runningChunkPositions !== undefined) await closeService();
  setPagefindChunkSize(chunkPositions);
  runningChunkPositions = chunkPositions;
  await checkSegmentation();
}

/** This process's child processes, alive or not yet reaped (Linux; elsewhere none are known). */
async function childProcesses(): Promise<string[]> {
  const tasks = await readdir('/proc/self/task').catch(() => []);
  const lists = await Promise.all(tasks.map((task) => readFile(`/proc/self/task/${task}/children`, 'utf8').catch(() => '')));
  return lists.flatMap((list) => list.split(' ').filter((pid) => pid.trim() !== ''));
}

/**
 * Ends this process's service and waits until it is reaped: Pagefind's
 * `close()` only signals it, and a service still ending when this process
 * ends is left to whatever adopts it. The next bundle starts another.
 */
async function closeService(): Promise<void> {
  runningChunkPositions = undefined;
  await pagefind.close();
  const deadline = performance.now() + 5000;
  while ((await childProcesses()).length > 0 && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Stops this process's service for good; a bundle being indexed fails. */
export async function stopService(): Promise<void> {
  stopped = true;
  await closeService();
}

/** A new index of this process's Pagefind service. */
async function newIndex(): Promise<pagefind.PagefindIndex> {
  checkRunning();
  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new BundleFailure('The search index was not built: Pagefind did not start.', problemsOf(errors));
  return index;
}

/** Throws unless Pagefind splits Chinese text into words (its extended binary does). */
export async function checkSegmentation(): Promise<void> {
  const index = await newIndex();
  try {
    const html = `<html lang="zh-Hant"><body><p>${probeSentence}</p></body></html>`;
    const added = await index.addHTMLFile({ url: '/segmentation-probe/', content: html });
    if (added.errors.length > 0)
      throw new BundleFailure('The search index was not built: Pagefind could not read a test page.', problemsOf(added.errors));
    if (added.file.uniqueWords < probeWordsAtLeast)
      throw new BundleFailure('The search index would not find Chinese words inside a sentence.', [
        `Pagefind read 「${probeSentence}」 as ${added.file.uniqueWords} word(s): it is not segmenting Chinese text.`,
        "Only Pagefind's extended binary (in @pagefind/<platform>) does: reinstall with `npm install`, or unset PAGEFIND_BINARY_PATH.",
      ]);
  } finally {
    if (!stopped) await index.deleteIndex();
  }
}

/** What a bundle is built from but its pages' bytes: the indexer's code and its pages' names, in order. */
function bundleShape(files: readonly string[], indexer: string): string {
  return createHash('sha256').update(indexer).update('\u0000').update(files.join('\u0000')).digest('hex');
}

/** What a bundle is built from: the indexer's code, its pages in order, and their bytes. */
async function bundleDigest(site: string, files: readonly string[], indexer: string): Promise<string> {
  const hash = createHash('sha256').update(indexer).update('\u0000');
  for (const file of files)
    hash
      .update(file)
      .update('\u0000')
      .update(await readPage(site, file))
      .update('\u0000');
  return hash.digest('hex');
}

async function readPage(site: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(site, file));
  } catch (error) {
    throw new BundleFailure(`The search index was not built: the page ${file} could not be read.`, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
}

/** Why a page was not indexed, or undefined when it was. */
type PageResult = { file: string; problems: string[] } | undefined;

/**
 * Waits for the indexer's leave to build an index (`getFiles()`), and
 * returns the function that gives it back. Pagefind's index build is where
 * its memory peaks (measured on a bundle of 1,000 generated articles: 171 MB
 * once the pages are read, 707 MB while it builds), so the indexer lets only
 * so many pages build at once.
 */
export type BuildTurn = (pages: number) => Promise<() => void>;

/**
 * Indexes the pages in a fresh index, several in flight, and returns its
 * files. The service is ended once it has given them: it keeps the memory
 * its index build took until it ends (563 MB of the 707, measured as above),
 * and a start costs about 10 ms.
 */
async function indexPages(site: string, files: readonly string[], turn: BuildTurn): Promise<pagefind.IndexFile[]> {
  const index = await newIndex();
  const pending: Promise<PageResult>[] = [];
  const settle = async (): Promise<void> => {
    const failed = await pending.shift();
    if (failed !== undefined)
      throw new BundleFailure(`The search index was not built: Pagefind could not read ${failed.file}.`, failed.problems);
  };
  try {
    for (const file of files) {
      const content = (await readPage(site, file)).toString('utf8');
      checkRunning();
      // Each answer is handled as it is sent, so that a failure waiting in line is never an unhandled rejection.
      pending.push(
        index.addHTMLFile({ sourcePath: file, content }).then(
          ({ errors }): PageResult => (errors.length > 0 ? { file, problems: [...errors] } : undefined),
          (error: unknown): PageResult => ({ file, problems: [error instanceof Error ? error.message : String(error)] }),
        ),
      );
      if (pending.length >= inFlight) await settle();
    }
    while (pending.length > 0) await settle();
    const giveBack = await turn(files.length);
    try {
      checkRunning();
      const built = await index.getFiles();
      if (built.errors.length > 0)
        throw new BundleFailure('The search index was not built: Pagefind could not write it.', problemsOf(built.errors));
      return built.files;
    } finally {
      if (!stopped) await closeService();
      giveBack();
    }
  } finally {
    // The pages still in flight are answered before this (the service answers in order); their answers are dropped.
    await Promise.allSettled(pending);
    if (!stopped && runningChunkPositions !== undefined) await closeService();
  }
}

/** Makes one bundle: links it from the site being replaced when nothing changed, else indexes and writes it. */
export async function makeBundle(
  { site, files, output, before, beforeHasThesePages, indexer, chunkPositions }: BundleTask,
  turn: BuildTurn,
): Promise<BundleOutcome> {
  const shape = bundleShape(files, indexer);
  const [beforeDigest, beforeShape] =
    before === undefined ? [] : (await readFile(join(before, digestFile), 'utf8').catch(() => '')).split('\n');
  // Pages linked from the site being replaced are the bundle's own pages there: the same names in the same order, by
  // the same indexer, made that bundle. Any other page is read.
  const digest = beforeHasThesePages && beforeShape === shape ? beforeDigest : await bundleDigest(site, files, indexer);
  if (before !== undefined && digest !== undefined && digest === beforeDigest) {
    await linkTree(before, output);
    return { kind: 'reused' };
  }
  await startService(chunkPositions);
  const built = await indexPages(site, files, turn);
  let fragments: BundleWriteReport;
  try {
    fragments = await writeBundle(output, built);
  } catch (error) {
    throw new BundleFailure('The search index could not be written: Pagefind wrote files this project does not know.', [
      error instanceof Error ? error.message : String(error),
      'Check that the installed pagefind is the version package.json pins (see src/indexer/pagefind-format.ts).',
    ]);
  }
  await writeFile(join(output, digestFile), `${digest}\n${shape}`);
  return { kind: 'built', fragments };
}
