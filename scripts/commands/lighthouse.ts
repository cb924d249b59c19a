/**
 * `npm run lighthouse`: Lighthouse scores (mobile preset) for every page type
 * in both scripts. Builds its own copy with SITE_URL set to the local server,
 * so canonical links point where Lighthouse loads the pages.
 * Prints a table and writes .bench/lighthouse.json. Never fails on a score.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../chromium.ts';
import { readToolSettings } from '../../src/build/options.ts';
import { scripts } from '../../src/site/scripts.ts';
import { startServer } from '../serve-process.ts';

const root = resolve(import.meta.dirname, '..', '..');
/** `LIGHTHOUSE_PORT` moves the server, so two checkouts can measure at once. */
const port = readToolSettings().lighthousePort;
const out = resolve(root, '.bench', 'lighthouse-dist');
const pages = scripts.flatMap((script) => [
  `/${script}/`,
  `/${script}/articles/xi-mishustin-after-trump-summit-2025/`,
  `/${script}/articles/china-russia-no-limits-2022/`,
  `/${script}/topics/`,
  `/${script}/topics/china-russia/`,
  `/${script}/search/?q=制裁`,
  `/${script}/archive/`,
  `/${script}/archive/2025/11/`,
  `/${script}/authors/lia/`,
  `/${script}/about/`,
  `/${script}/404.html`,
]);

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out, '--site', `http://localhost:${port}`, '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);

const server = await startServer(out, port);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const rows: { page: string; scores: Record<string, number>; failing: string[] }[] = [];
try {
  for (const page of pages) {
    const run = async () =>
      (
        await lighthouse(`http://localhost:${port}${encodeURI(page)}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...categories],
        })
      )?.lhr;
    // A run whose trace Lighthouse could not record (NO_NAVSTART on a busy machine) scores 0: run it again.
    let lhr = await run();
    for (let attempt = 1; attempt < 3 && lhr?.runtimeError; attempt += 1) lhr = await run();
    if (!lhr) continue;
    const scores = Object.fromEntries(
      categories.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
    );
    const metrics = [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ];
    const failing = Object.values(lhr.audits)
      .filter(
        (audit) =>
          audit.score !== null &&
          (metrics.includes(audit.id) ? audit.score < 1 : audit.score < 0.9 && audit.scoreDisplayMode === 'binary'),
      )
      .map((audit) => (metrics.includes(audit.id) ? `${audit.id} ${audit.displayValue ?? ''}` : audit.id));
    // Still unmeasured after three runs: say so, so that 0 is not read as the page's score.
    if (lhr.runtimeError) failing.splice(0, failing.length, `not measured: ${lhr.runtimeError.code}`);
    rows.push({ page, scores, failing });
    console.log(
      `${page.padEnd(58)} ${categories.map((category) => String(scores[category]).padStart(4)).join('')}  ${failing.join(' ')}`,
    );
  }
} finally {
  chrome.kill();
  server.kill();
}
console.log(`\n${''.padEnd(58)} perf a11y  bp seo  (Lighthouse 13, mobile preset; pages that miss 100 name the audits)`);
await mkdir(resolve(root, '.bench'), { recursive: true });
await writeFile(resolve(root, '.bench', 'lighthouse.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
