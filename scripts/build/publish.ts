/**
 * Publishing a build: one build at a time per output folder (a lock), the
 * new site swapped in by renames, and what killed builds left behind
 * repaired or removed before anything else.
 *
 * The swap is `out` → `previous`, then `next` → `out`: at every instant
 * `out` is the old whole site, the new whole site, or (for the instant
 * between the two renames) absent, with the old whole site in `previous`;
 * a build killed at that instant is repaired by the next one, which puts
 * `previous` back first. Never a half-written or half-deleted site.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { pauseSteps } from '../../src/build/options.ts';

type PauseStep = (typeof pauseSteps)[number];

/** Where the staging copies of `out` live: beside it, in `.build/`. */
export function workDir(out: string): string {
  return basename(dirname(out)) === '.build' ? dirname(out) : join(dirname(out), '.build');
}

export const nextDir = (out: string, pid = process.pid): string => join(workDir(out), `next-${basename(out)}-${pid}`);
export const previousDir = (out: string, pid = process.pid): string => join(workDir(out), `previous-${basename(out)}-${pid}`);

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Takes the lock file at `path` (created exclusively, holding our pid), and
 * waits while another live process holds it; a lock left by a dead process
 * is taken over. Returns the function that releases it.
 */
export async function acquireLock(
  path: string,
  { timeoutMs = 15 * 60_000, say = console.log } = {},
): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        if ((await readFile(path, 'utf8').catch(() => '')) === String(process.pid)) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(path, 'utf8').catch(() => ''));
    if (!alive(holder)) {
      // Left by a build that was killed; only one waiter may remove it.
      const claimed = `${path}.${process.pid}.stale`;
      await rename(path, claimed).catch(() => undefined);
      await rm(claimed, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`another build (pid ${holder}) still holds ${path}`);
    if (!announced) say(`Waiting for another build (pid ${holder}) to finish: ${path}`);
    announced = true;
    await sleep(200);
  }
}

const isWholeSite = async (dir: string): Promise<boolean> =>
  (await stat(join(dir, 'index.html')).catch(() => undefined))?.isFile() === true;

/**
 * Repairs what killed builds of `out` left: puts a previous site back if
 * `out` is missing, and removes staging copies of builds no longer running.
 * Call it holding the lock. Returns what it did, one line each.
 */
export async function repairAndClean(out: string): Promise<string[]> {
  const dir = workDir(out);
  const name = basename(out);
  const done: string[] = [];
  const entries = await readdir(dir).catch(() => [] as string[]);
  const ours = (kind: string): { path: string; pid: number }[] =>
    entries
      .map((entry) => ({
        entry,
        match: new RegExp(`^${kind}-${RegExp.escape(name)}-(\\d+)$`).exec(entry),
      }))
      .filter(({ match }) => match !== null && !alive(Number(match[1])))
      .map(({ entry, match }) => ({ path: join(dir, entry), pid: Number(match?.[1]) }));
  if (!existsSync(out)) {
    for (const { path } of ours('previous')) {
      if (await isWholeSite(path)) {
        await rename(path, out);
        done.push(`put the previous site back in ${name}/ (a build was stopped while it swapped the site in)`);
        break;
      }
    }
  }
  for (const { path } of [...ours('next'), ...ours('previous')]) {
    if (!existsSync(path)) continue;
    await rm(path, { recursive: true, force: true });
    done.push(`removed ${path}, left by a stopped build`);
  }
  return done;
}

/**
 * Hook for the tests: when the build's `pauseAt` option (`BUILD_PAUSE_AT`)
 * names `step`, says so on stdout and waits there, so a test can kill the
 * build at that point.
 */
export async function pause(step: PauseStep, pauseAt: PauseStep | undefined): Promise<void> {
  if (pauseAt !== step) return;
  console.log(`paused at ${step}`);
  await sleep(60_000);
}

/**
 * Swaps the built site in `next` into `out` by renames, then removes the old
 * one; `live` is called the moment the new site is in place.
 */
export async function swapIn(next: string, out: string, pauseAt?: PauseStep, live?: () => void): Promise<void> {
  const previous = previousDir(out);
  const hadPrevious = existsSync(out);
  if (hadPrevious) await rename(out, previous);
  await pause('between-renames', pauseAt);
  await rename(next, out);
  live?.();
  await pause('published', pauseAt);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
