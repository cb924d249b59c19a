/**
 * `npm run search:quality`: recall and precision of search, per category of
 * the query set (`tests/fixtures/search-queries.yaml`), against a built
 * site in headless Chromium: each query on the search page of each script,
 * as a reader would run it. Prints a table; `--json file` writes the figures.
 *
 * Usage: node scripts/search-quality.mjs [--dir dist] [--port 4463] [--json out.json]
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../bench/browser.ts';
import { categories, loadQuerySet, scoreCase, slugOf, summarise, type Score, type Shown } from '../search-quality/query-set.ts';
import { startServer } from '../serve-process.ts';
import { readToolSettings } from '../../src/build/options.ts';
import { scripts } from '../../src/site/scripts.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: String(readToolSettings().searchQualityPort) },
    json: { type: 'string' },
  },
});
const port = Number(values.port);
const cases = loadQuerySet();
const server = await startServer(resolve(values.dir), port);
const browser = await launch();
const scores = new Map<string, Score[]>();
const misses: string[] = [];
try {
  const page = await browser.newPage();
  for (const testCase of cases) {
    for (const script of testCase.scripts) {
      await page.goto(`http://localhost:${port}/${script}/search/?q=${encodeURIComponent(testCase.query)}`);
      await page.waitForFunction(() => {
        const text = document.querySelector('[data-search-status]')?.textContent ?? '';
        return text !== '' && !text.endsWith('……');
      });
      const shown: Shown = await page.evaluate(() => ({
        exact: [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] .search-result__title a')].map(
          (link) => link.href,
        ),
        approximate: [...document.querySelectorAll<HTMLAnchorElement>('[data-approximate] .search-result__title a')].map(
          (link) => link.href,
        ),
      }));
      const slugs = { exact: shown.exact.map(slugOf), approximate: shown.approximate.map(slugOf) };
      const score = scoreCase(testCase, slugs);
      const key = `${testCase.category}\t${script}`;
      scores.set(key, [...(scores.get(key) ?? []), score]);
      if (score.found < score.expected || score.falseExact > 0)
        misses.push(
          `  ${testCase.category} ${script} 「${testCase.query}」: exact [${slugs.exact.join(', ')}] near [${slugs.approximate.join(', ')}]`,
        );
    }
  }
} finally {
  await browser.close();
  server.kill();
}

const table: Record<string, unknown> = {};
const percent = (value: number): string => value.toFixed(2);
console.log(`Search quality of ${resolve(values.dir)} (${cases.length} queries, each in ${scripts.join(' and ')})\n`);
console.log('category         script    queries  recall  precision  false exact hits');
for (const category of categories) {
  for (const script of scripts) {
    const summary = summarise(scores.get(`${category}\t${script}`) ?? []);
    table[`${category} ${script}`] = summary;
    console.log(
      `${category.padEnd(16)} ${script.padEnd(9)} ${String(summary.queries).padStart(7)} ${percent(summary.recall).padStart(7)} ${percent(summary.precision).padStart(10)} ${String(summary.falseExact).padStart(17)}`,
    );
  }
}
console.log('\nRecall: of the articles each query must find, the share shown (near matches for typos, exact results otherwise).');
console.log('Precision: of the exact results shown, the share that is right (typos and negatives must show none).');
if (misses.length > 0) console.log(`\nQueries short of the mark:\n${misses.join('\n')}`);
if (values.json) await writeFile(values.json, JSON.stringify(table, null, 2));
