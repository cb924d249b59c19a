/**
 * `npm run build` (`--out <dir>`, default `dist`; `--future` to include
 * articles dated later than today; `--repair` to only repair what a stopped
 * build left): builds the site into a fresh folder, indexes it and checks it
 * (the integrations in astro.config.ts), and only then swaps it in for
 * `dist/` by renames (scripts/build/publish.ts). One build at a time per
 * output folder and per content cache. A failed build leaves the previous
 * `dist/` as it was and prints what to fix, without a stack trace for
 * problems in the content.
 */
import './check-runtime.mjs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildTimings } from '../src/build/timing.ts';
import { heldBack } from '../src/content/publication.ts';
import { acquireLock, nextDir, pauseAt, repairAndClean, swapIn, workDir } from './build/publish.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    future: { type: 'boolean', default: false },
    repair: { type: 'boolean', default: false },
  },
});
const out = resolve(root, values.out);
const next = nextDir(out);
const cacheDir = resolve(root, process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
if (values.future) process.env['BUILD_FUTURE'] = '1';

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Our own content and publish errors are written for editors; anything else may be a bug.
  if (error.name === 'ContentError' || error.name === 'BuildError' || error.message.startsWith('The build stopped'))
    return error.message;
  return process.env['DEBUG'] ? String(error.stack) : `${error.message}\n(set DEBUG=1 for the stack trace)`;
}

const started = performance.now();
// Two builds must not interleave: not into one output folder, and not over one content cache.
const releaseOut = await acquireLock(resolve(workDir(out), `${values.out.replace(/[^\w.-]+/g, '_')}.lock`));
const releaseCache = await acquireLock(`${cacheDir}.lock`);
try {
  for (const line of await repairAndClean(out)) console.log(line);
  if (values.repair) process.exit(0);
  await mkdir(workDir(out), { recursive: true });
  process.env['BUILD_PREVIOUS_SITE'] = out;
  // Astro is loaded here, after the runtime check and telemetry switch above.
  const { build } = await import('astro');
  await build({ root, outDir: next, logLevel: process.env['LOG_LEVEL'] === 'silent' ? 'error' : 'info' });
  await pauseAt('staged');
  await swapIn(next, out);
  const wall = performance.now() - started;
  console.log(`Built ${values.out}/ in ${(wall / 1000).toFixed(1)} s`);
  const held = heldBack();
  if (held.length > 0)
    console.log(
      `Held back until their date (npm run build -- --future includes them):\n${held.map(({ file, published }) => `  ${file} (${published})`).join('\n')}`,
    );
  // For `npm run bench`: where the time went, and the build's peak memory.
  const report = process.env['BUILD_TIMINGS'];
  if (report) await writeFile(report, JSON.stringify({ wall, peakRssKiB: process.resourceUsage().maxRSS, ...buildTimings() }));
} catch (error) {
  await rm(next, { recursive: true, force: true });
  console.error(`\n${describe(error)}\n\n${values.out}/ was left as it was.`);
  process.exitCode = 1;
} finally {
  await releaseCache();
  await releaseOut();
}
