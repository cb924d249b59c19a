/**
 * The worker thread of the checks and twins while Astro renders
 * (`during-render.ts`): each page as Astro writes it, checked with the texts
 * fixed so far, and its twins made. At the lowest priority, so that it takes
 * only what the render's own thread leaves of the cores. Plain Node,
 * outside Astro.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { stageTwins } from '../build/precompress-worker.ts';
import { scripts, type Script } from '../site/scripts.ts';
import { checkPage, type PageCheckContext } from './page-checks.ts';
import { writtenDigest } from './page-worker.ts';

export interface AsWrittenTask {
  /** The page or feed as Astro writes it. */
  bytes: Uint8Array;
  /** The texts fixed since the last task, per script. */
  fixed: Record<Script, string[]>;
  /** Its twins, left in `staged` (`stageTwins`). */
  twins: { staged: string; quality: number } | undefined;
  /** Its checks: the file it is written to, the text length its article body must have, and whether the guards run. */
  check: { file: string; expected: number | undefined; guards: boolean } | undefined;
}

export interface AsWrittenResult {
  /** Whether its twins were made. */
  staged: boolean;
  /** The `writtenDigest` of the page, if it passed. */
  passed: string | undefined;
}

/**
 * On Linux a thread's nice value is its own (setpriority(2) with the
 * thread's id), so this thread yields to the renderer and the search data's
 * thread. Elsewhere, or where /proc is not mounted, it runs at the process's
 * priority, and the bounded queue (`during-render.ts`) still keeps the
 * renderer from waiting on it.
 */
function yieldToOtherThreads(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId)) setPriority(threadId, 19);
  } catch {
    // Not Linux.
  }
}

yieldToOtherThreads();

/** Every text fixed so far, per script: the tasks come in the order the pages were rendered. */
const fixed = Object.fromEntries(scripts.map((script) => [script, new Set<string>()])) as Record<Script, Set<string>>;

export default function asWritten({ bytes, fixed: fixedSince, twins, check }: AsWrittenTask): AsWrittenResult {
  for (const script of scripts) for (const text of fixedSince[script]) fixed[script].add(text);
  const staged = twins !== undefined && stageTwins({ ...twins, bytes });
  if (check === undefined) return { staged, passed: undefined };
  const context: PageCheckContext = { fixed, guards: check.guards };
  const problems = checkPage(
    check.file,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    check.expected,
    context,
  );
  return { staged, passed: problems.length === 0 ? writtenDigest(check.expected, bytes) : undefined };
}
