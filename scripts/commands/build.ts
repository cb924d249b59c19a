/**
 * `npm run build` (`--out <dir>`, default `dist`; `--future` to include
 * articles dated later than today; `--repair` to only repair what a stopped
 * build left; `--content`, `--cache`, `--timings`, `--quiet`: see
 * `src/build/options.ts`): builds the site into a fresh folder, Astro in a
 * process of its own (scripts/build/render-site.ts), then indexes and checks
 * it in this one once that process has exited (scripts/build/after-render.ts),
 * and only then swaps it in for `dist/` by renames (scripts/build/publish.ts).
 * One build at a time per output folder and per content cache. A failed
 * build leaves the previous `dist/` as it was and prints what to fix, without
 * a stack trace for problems in the content.
 */
import { fork } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OptionsError, readBuildCommand } from '../../src/build/options.ts';
import { stagedTwinsFolder } from '../../src/build/precompress-worker.ts';
import { phaseTimings, publicationIfDecided, takeOver, useBuildOptions } from '../../src/build/state.ts';
import { DescribedFailure, describeFailure } from '../build/failure.ts';
import { acquireLock, nextDir, pause, repairAndClean, swapIn, workDir } from '../build/publish.ts';
import type { RenderReply, RenderRequest } from '../build/render-site.ts';

let parsed: ReturnType<typeof readBuildCommand>;
try {
  parsed = readBuildCommand();
} catch (error) {
  if (!(error instanceof OptionsError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const { options, command } = parsed;
useBuildOptions(options);
const { out, outName } = command;
const next = nextDir(out);

/**
 * Astro's part of the build, in a process of its own (render-site.ts): its
 * state for the later phases, and its peak memory. Its messages go where
 * this process's go.
 */
function renderSite(outDir: string): Promise<number> {
  return new Promise((done, fail) => {
    const renderer = fork(resolve(import.meta.dirname, '..', 'build', 'render-site.ts'), [], {
      serialization: 'advanced',
      stdio: 'inherit',
    });
    let reply: RenderReply | undefined;
    renderer.once('message', (message: RenderReply) => (reply = message));
    renderer.once('error', fail);
    // 'close', not 'exit': the answer may still be in the channel when the process has ended.
    renderer.once('close', (code, signal) => {
      if (reply === undefined)
        fail(new Error(`Astro's build process ended (${signal ?? `exit code ${code}`}) before it had built the site`));
      else if ('failure' in reply) fail(new DescribedFailure(reply.failure));
      else {
        takeOver(reply.handoff);
        done(reply.peakRssKiB);
      }
    });
    renderer.send({ options, outDir } satisfies RenderRequest);
  });
}

/**
 * Removes the half-built site. Astro may still be writing pages it started
 * when another failed, so a folder can refill while it is removed: the
 * removal is tried again, and if it still fails the next build removes it.
 */
async function removeStaging(folder: string): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`(The half-built ${folder} could not be removed yet, ${reason}; the next build removes it.)`);
  }
}

const started = performance.now();
// Two builds must not interleave: not into one output folder, and not over one content cache.
const releaseOut = await acquireLock(resolve(workDir(out), `${outName.replace(/[^\w.-]+/g, '_')}.lock`));
const releaseCache = await acquireLock(`${options.cacheDir}.lock`);
try {
  for (const line of await repairAndClean(out)) console.log(line);
  if (command.repair) process.exit(0);
  await mkdir(workDir(out), { recursive: true });
  const renderPeakRssKiB = await renderSite(next);
  // Loaded only now: while Astro's process runs, this one holds little beside it.
  const { afterRender } = await import('../build/after-render.ts');
  await afterRender(next, options);
  await pause('staged', options.pauseAt);
  let live = 0;
  await swapIn(next, out, options.pauseAt, () => (live = performance.now() - started));
  const wall = performance.now() - started;
  console.log(`Built ${outName}/ in ${(wall / 1000).toFixed(1)} s`);
  const held = publicationIfDecided()?.heldBack ?? [];
  if (held.length > 0)
    console.log(
      `Held back until their date (npm run build -- --future includes them):\n${held.map(({ file, published }) => `  ${file} (${published})`).join('\n')}`,
    );
  // For `npm run bench`: where the time went, when the new site was live (in place; the old one is removed after), and the
  // build's peak memory: the larger of the two processes' own peaks (the tree's is sampled by the benchmark).
  if (options.timingsFile)
    await writeFile(
      options.timingsFile,
      JSON.stringify({
        wall,
        live,
        peakRssKiB: Math.max(renderPeakRssKiB, process.resourceUsage().maxRSS),
        ...phaseTimings(),
      }),
    );
} catch (error) {
  // What went wrong first, and once: nothing the clean-up meets may take its place.
  console.error(`\n${describeFailure(error, options.debug)}\n\n${outName}/ was left as it was.`);
  process.exitCode = 1;
  await removeStaging(next);
  // The twins made as the pages rendered (hundreds of MB at 50,000 articles) serve no later build: its pages are new.
  await removeStaging(stagedTwinsFolder(options.cacheDir));
} finally {
  await releaseCache();
  await releaseOut();
}
