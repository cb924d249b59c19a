/**
 * Builds the search index of a built site with Pagefind's Node API, as the
 * build's bundle plan says (`src/search/bundles.ts`), bundle by bundle so
 * that indexing memory stays bounded. The bundles of each script go to a
 * lane of their own, a child process with its own Pagefind service
 * (`index-lane.ts`, `pagefind-bundle.ts`): the two scripts are indexed at
 * once, on two cores, each lane holding one bundle at a time, so that at
 * most two bundles are in memory. Pagefind's memory peaks while it builds a
 * bundle's index (`getFiles()`): the lanes build at once only while their
 * bundles' pages stay within a budget, and otherwise take turns, one lane
 * building while the other reads its pages (`BuildTurns`). Both services
 * are closed at the end whatever happens, and as soon as one bundle fails.
 *
 * Pagefind splits each language's word index into chunks of a number of
 * word positions (its own setting, read from its environment when its
 * service starts: each bundle gets a service of its own,
 * `indexChunkPositions`), so that a first query downloads the bundle's
 * metadata and one small chunk, not the whole index. Chinese words are
 * found mid-sentence only by Pagefind's extended binary, which segments
 * Chinese text; each service is probed before it indexes anything, by what
 * the index does, not by where the binary is.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BuildError } from '../build/build-error.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import type { Bundle } from '../search/bundles.ts';
import { articleKey } from '../site/urls.ts';
import type { BundleWriteReport } from './compact-fragments.ts';
import type { LaneReply, LaneRequest } from './index-lane.ts';
import type { BundleOutcome, BundleTask } from './pagefind-bundle.ts';

/**
 * Word positions per index chunk for a bundle of `pages` article pages. A
 * first query downloads the bundle's metadata, which lists every chunk, and
 * the chunk holding its word: a small bundle does best with small chunks, a
 * full one with fewer, larger ones. Measured on this site (two articles):
 * 2,000 gives a first chunk of 4.5 kB, Pagefind's default 20,000 puts the
 * whole index, 22 kB, in it; on a bundle of 1,000 generated articles, 8,000
 * gives 13.6 kB of metadata and a 9.4 kB chunk, where 2,000 gives 22.8 kB of
 * metadata and 4,000 17.5 kB.
 */
export function indexChunkPositions(pages: number): number {
  return Math.min(8000, Math.max(2000, Math.round((pages * 8) / 1000) * 1000));
}

/** The code a bundle is made by: a change to it indexes every bundle again (package-lock.json is in every digest). */
const indexerSources = ['src/{search,indexer}/**/*.ts', 'scripts/build/after-render.ts'];

/**
 * Pages whose indexes may build at once, however small the bundles: Pagefind's
 * index build peaks at about 0.7 MB a page, so about 0.9 GB in all. Two
 * bundles of the default 500 pages build at once; a larger bundle builds
 * alone.
 */
const buildPagesBudget = 1250;

/** How long a lane may take to close its service before it is killed (which ends the service's input). */
const closeWaitMs = 10_000;

export interface IndexSiteOptions {
  /** The built site folder. */
  site: string;
  /** The project root (code digest, worker file). */
  root: string;
  /** Every bundle of every script, in the order to index them. */
  bundles: readonly Bundle[];
  /** The site being replaced, whose unchanged bundles are linked. */
  previousSite?: string | undefined;
  /** Most pages whose indexes build at once (one index builds whatever its size); by default `buildPagesBudget`, or the largest bundle's pages if more. */
  buildPagesAtOnce?: number | undefined;
  /** Pages (file names under `site`) the build linked from `previousSite` unchanged (`src/build/reused-pages.ts`). */
  linked?: ReadonlySet<string> | undefined;
}

export interface IndexSiteReport {
  pages: number;
  built: number;
  reused: number;
  /** Lanes that ran at once (one per script). */
  lanes: number;
  fragments: BundleWriteReport;
}

/**
 * Leave to build indexes (`getFiles()`, where Pagefind's memory peaks: about
 * 0.7 MB a page, `pagefind-bundle.ts`), given while the pages building stay
 * within `budget`; one index builds whatever its size.
 */
export class BuildTurns {
  private building = 0;
  private readonly waiting: { pages: number; go: () => void }[] = [];
  private readonly budget: number;

  constructor(budget: number) {
    this.budget = budget;
  }

  take(pages: number): Promise<void> {
    return new Promise((go) => {
      this.waiting.push({ pages, go });
      this.next();
    });
  }

  giveBack(pages: number): void {
    this.building -= pages;
    this.next();
  }

  private next(): void {
    for (let first = this.waiting[0]; first !== undefined; first = this.waiting[0]) {
      if (this.building > 0 && this.building + first.pages > this.budget) return;
      this.waiting.shift();
      this.building += first.pages;
      first.go();
    }
  }
}

/** A child process making bundles one at a time with its own Pagefind service. */
class Lane {
  private readonly process: ChildProcess;
  private waiting: ((outcome: BundleOutcome) => void) | undefined;
  private ended: string | undefined;
  private readonly exited: Promise<void>;
  private closing: Promise<void> | undefined;

  /** Pages of the index this lane has leave to build, given back if the lane ends. */
  private building = 0;

  constructor(root: string, turns: BuildTurns) {
    // Plain Node: no flags of the process that runs the build (Astro's, a test runner's).
    this.process = fork(join(root, 'src', 'indexer', 'index-lane.ts'), {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (reply: LaneReply) => {
      if (reply.kind === 'bundle') this.answer(reply.outcome);
      else if (reply.kind === 'turn')
        void turns.take(reply.pages).then(() => {
          if (this.ended !== undefined) turns.giveBack(reply.pages);
          else {
            this.building += reply.pages;
            this.send({ kind: 'go' });
          }
        });
      else {
        this.building -= reply.pages;
        turns.giveBack(reply.pages);
      }
    });
    const end = (why: string): void => {
      if (this.ended === undefined) {
        turns.giveBack(this.building);
        this.building = 0;
      }
      this.ended ??= why;
      this.answer({ kind: 'failed', title: 'The search index was not built: an indexing process stopped.', problems: [why] });
    };
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        end(`it ended (${signal ?? `exit code ${code}`})`);
        resolve();
      });
      // A process that never started never exits.
      this.process.on('error', (error) => {
        end(error.message);
        if (this.process.pid === undefined) resolve();
      });
    });
  }

  private answer(outcome: BundleOutcome): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(outcome);
  }

  private send(request: LaneRequest): void {
    if (this.process.connected) this.process.send(request);
  }

  make(task: BundleTask): Promise<BundleOutcome> {
    if (this.ended !== undefined || this.closing !== undefined)
      return Promise.resolve({ kind: 'failed', title: 'The search index was not built: indexing was stopped.', problems: [] });
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.send({ kind: 'bundle', task });
    });
  }

  /** Closes the lane's service (a bundle being made fails); the lane ends once its service has. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.send({ kind: 'close' });
      const late = setTimeout(() => this.process.kill('SIGKILL'), closeWaitMs);
      await this.exited;
      clearTimeout(late);
    })();
    return this.closing;
  }
}

/** Indexes every bundle of the site into `<site>/pagefind/<bundle>/`. */
export async function indexSite({
  site,
  root,
  bundles,
  previousSite,
  buildPagesAtOnce,
  linked = new Set(),
}: IndexSiteOptions): Promise<IndexSiteReport> {
  const indexer = await sourcesDigest(root, indexerSources);
  await rm(join(site, 'pagefind'), { recursive: true, force: true });
  const byScript = Map.groupBy(bundles, (bundle) => bundle.script);
  const report: IndexSiteReport = {
    pages: 0,
    built: 0,
    reused: 0,
    lanes: byScript.size,
    fragments: { fragments: 0, before: 0, after: 0 },
  };
  const turns = new BuildTurns(buildPagesAtOnce ?? Math.max(buildPagesBudget, ...bundles.map(({ slugs }) => slugs.length)));
  const lanes = [...byScript.values()].map((laneBundles) => ({ lane: new Lane(root, turns), laneBundles }));
  const closeAll = (): Promise<unknown> => Promise.allSettled(lanes.map(({ lane }) => lane.close()));
  // The first failure is the one reported: a bundle the other lane was making when it stopped fails after it.
  let failure: BuildError | undefined;
  const run = async (lane: Lane, laneBundles: readonly Bundle[]): Promise<void> => {
    for (const bundle of laneBundles) {
      if (failure !== undefined) return;
      const files = bundle.slugs.map((slug) => `${bundle.script}/${articleKey(slug)}index.html`);
      const outcome = await lane.make({
        site,
        files,
        output: join(site, 'pagefind', bundle.name),
        before: previousSite === undefined ? undefined : join(previousSite, 'pagefind', bundle.name),
        beforeHasThesePages: previousSite !== undefined && files.every((file) => linked.has(file)),
        indexer,
        chunkPositions: indexChunkPositions(files.length),
      });
      report.pages += files.length;
      if (outcome.kind === 'failed') {
        failure ??= new BuildError(outcome.title, outcome.problems);
        await closeAll();
        return;
      }
      if (outcome.kind === 'reused') report.reused += 1;
      else {
        report.built += 1;
        report.fragments.fragments += outcome.fragments.fragments;
        report.fragments.before += outcome.fragments.before;
        report.fragments.after += outcome.fragments.after;
      }
    }
  };
  try {
    await Promise.all(lanes.map(({ lane, laneBundles }) => run(lane, laneBundles)));
  } finally {
    await closeAll();
  }
  if (failure !== undefined) throw failure;
  return report;
}
