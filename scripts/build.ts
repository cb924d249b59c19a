/**
 * `npm run build` (`--out <dir>`, default `dist`): builds the site into a fresh folder, indexes it and checks
 * it (the integrations in astro.config.ts), and only then replaces `dist/`.
 * A failed build leaves the previous `dist/` as it was and prints what to
 * fix, without a stack trace for problems in the content.
 */
import './check-runtime.mjs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { buildTimings } from '../src/lib/build-timing.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const dist = resolve(root, values.out);
const staging = join(root, '.build', `dist-${process.pid}`);

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Our own content and publish errors are written for editors; anything else may be a bug.
  if (error.name === 'ContentError' || error.name === 'BuildError' || error.message.startsWith('The build stopped'))
    return error.message;
  return process.env['DEBUG'] ? String(error.stack) : `${error.message}\n(set DEBUG=1 for the stack trace)`;
}

const started = performance.now();
try {
  await mkdir(join(root, '.build'), { recursive: true });
  await build({ root, outDir: staging, logLevel: process.env['LOG_LEVEL'] === 'silent' ? 'error' : 'info' });
  await rm(dist, { recursive: true, force: true });
  await rename(staging, dist);
  const wall = performance.now() - started;
  console.log(`Built ${values.out}/ in ${(wall / 1000).toFixed(1)} s`);
  // For `npm run bench`: where the time went, and the build's peak memory.
  const report = process.env['BUILD_TIMINGS'];
  if (report) await writeFile(report, JSON.stringify({ wall, peakRssKiB: process.resourceUsage().maxRSS, ...buildTimings() }));
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\n${describe(error)}\n\n${values.out}/ was left as it was.`);
  process.exitCode = 1;
}
