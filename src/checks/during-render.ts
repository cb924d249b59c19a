/**
 * The pages checked and compressed while Astro renders them. The render runs
 * on one core, and once the search data's thread is done the second core
 * has nothing to do until Pagefind starts: a worker thread at the lowest
 * priority (`during-render-worker.ts`) takes each page Astro is about to
 * write, as the `during-render` integration's middleware offers it, checks
 * it (`checkPage`, with the texts fixed so far) and makes its twins.
 *
 * Nothing here is taken on trust. The publish checks skip a page only if its
 * bytes on disk are the bytes that passed (`writtenDigest`), and the twins
 * phase takes a file's twins only if they were made from its bytes
 * (`stagedTwinName`); any other page is checked and compressed after Astro,
 * as before. What this misses costs time, never a check.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pageFile } from '../build/incremental.ts';
import { brotliQuality, isPageOrFeed } from '../build/precompress-worker.ts';
import type { DuringRender, DuringRenderReport } from '../build/state.ts';
import { workerPool } from '../build/worker-batches.ts';
import { isCompressible, isPrivate } from '../serving/static-site.ts';
import { scripts, type Script } from '../site/scripts.ts';
import type { AsWrittenResult, AsWrittenTask } from './during-render-worker.ts';
import { scriptOfPage } from './page-checks.ts';

export interface DuringRenderOptions {
  /** `during-render-worker.ts`. */
  workerFile: string;
  /** Where the twins wait (`stagedTwinsFolder` in `precompress-worker.ts`): emptied first. */
  staged: string;
  /** The site's base path, which every URL path Astro renders starts with. */
  base: string;
  /** Run the character guards (off only for benchmark builds without conversion). */
  guards: boolean;
  /** The text length a page's article body must have, as it was rendered (`bodyLengths`). */
  expectedLength: (file: string) => number | undefined;
  /** Per script, the texts fixed after the first `noted` (`fixedSince` in the build state). */
  fixedSince: (noted: Readonly<Record<Script, number>>) => Record<Script, string[]>;
}

/**
 * Pages waiting for the thread at most (about 25 kB each): past that the
 * render is ahead of it, as it is while the search data's thread holds the
 * second core, and the page is left to the phases after Astro rather than
 * held in memory.
 */
const waitingAtMost = 32;

/**
 * The file a URL path is written to, relative to the site: as `pageFile`
 * has it, and a path without an extension (`/zh-hant/404`) is written with
 * `.html`; named by the path as the page gave it, not percent-encoded
 * (`/authors/%E5%BC%B5/` is written to `authors/張/index.html`).
 */
export function fileOfPath(path: string, base: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith(base)) return undefined;
  const file = pageFile(decoded.slice(base.length));
  return /\.[^/]+$/.test(file) ? file : `${file}.html`;
}

/** A thread's error as text: an error thrown there arrives as an Error, a cloned one as its fields. */
function messageOf(error: unknown): string {
  const { message } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown };
  return typeof message === 'string' ? message : String(error);
}

/** Starts the worker thread; the pages offered are checked and compressed there while it keeps up. */
export function startDuringRender({
  workerFile,
  staged,
  base,
  guards,
  expectedLength,
  fixedSince,
}: DuringRenderOptions): DuringRender {
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  // One task sent at a time, each answered between the pages Astro's thread renders, so the thread waits on it.
  // Sent all at once (tinypool's concurrentTasksPerWorker) it took 1.4 to 2.2 times the pages at 10,000 articles,
  // and the build was no shorter that could be shown: what runs on the second core slows the render (BENCHMARKS.md).
  const pool = workerPool({ filename: pathToFileURL(workerFile).href, minThreads: 1, maxThreads: 1 });
  const noted = Object.fromEntries(scripts.map((script) => [script, 0])) as Record<Script, number>;
  const report: DuringRenderReport = { staged: 0, checked: 0, left: 0, passed: new Map<string, string>(), stopped: undefined };
  const underWay = new Set<Promise<void>>();
  /** Files taken and not yet handed over: counted with those under way. */
  let awaited = 0;
  return {
    take(path) {
      const file = fileOfPath(path, base);
      if (file === undefined) return undefined;
      // Pages and feeds only: the search data, a few MB compressed at brotli's slowest quality, would hold the thread
      // for seconds and this process's memory for as long; the twins phase compresses it.
      const twins = isPageOrFeed(file) && isCompressible(file) && !isPrivate(`/${file}`);
      const check = file.endsWith('.html') && scriptOfPage(file) !== undefined;
      if (!twins && !check) return undefined;
      if (underWay.size + awaited >= waitingAtMost || report.stopped !== undefined) {
        report.left += 1;
        return undefined;
      }
      awaited += 1;
      return (bytes) => {
        awaited -= 1;
        // The thread takes its tasks in order: it has every text fixed before this page when it checks it.
        const fixed = fixedSince(noted);
        for (const script of scripts) noted[script] += fixed[script].length;
        const task: AsWrittenTask = {
          bytes: new Uint8Array(bytes),
          fixed,
          twins: twins ? { staged, quality: brotliQuality(file) } : undefined,
          check: check ? { file, expected: expectedLength(file), guards } : undefined,
        };
        const done = (pool.run(task, { transferList: [bytes] }) as Promise<AsWrittenResult>).then(
          ({ staged: madeTwins, passed }) => {
            if (madeTwins) report.staged += 1;
            if (check) report.checked += 1;
            if (passed !== undefined) report.passed.set(file, passed);
          },
          (error: unknown) => {
            // Nothing it did is trusted without its answer: what is left is checked and compressed after the render.
            report.stopped ??= messageOf(error);
          },
        );
        underWay.add(done);
        void done.finally(() => underWay.delete(done));
      };
    },
    async finish() {
      await Promise.all(underWay);
      await pool.destroy().catch((error: unknown) => (report.stopped ??= messageOf(error)));
      return report;
    },
  };
}
