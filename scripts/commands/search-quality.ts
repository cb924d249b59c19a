/**
 * `npm run search:quality`: recall and precision of search, per category of
 * the query set (`tests/fixtures/search-queries.yaml`), against a built
 * site in headless Chromium: each query on the search page of each script,
 * as a reader would run it. Prints a table; `--json file` writes the figures.
 *
 * `--queries file --articles folder` measures a query set written apart
 * from the project instead (`loadHeldOutSet`), on a site built from that
 * folder's articles, typing each query in the search page's box; it also
 * prints, per category, how many negatives answered and the time from the
 * query to its shown results (p50 and p90).
 *
 * Usage: node scripts/search-quality.mjs [--dir dist] [--port 4463] [--json out.json] [--queries set.yaml --articles folder]
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../bench/browser.ts';
import { percentile } from '../bench/search-cost.ts';
import {
  categories,
  loadHeldOutSet,
  loadQuerySet,
  scoreCase,
  slugOf,
  summarise,
  type Score,
  type Shown,
} from '../search-quality/query-set.ts';
import { cleanQuery } from '../../src/search/query.ts';
import { startServer } from '../serve-process.ts';
import { readToolSettings } from '../../src/build/options.ts';
import { scripts } from '../../src/site/scripts.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: String(readToolSettings().searchQualityPort) },
    json: { type: 'string' },
    queries: { type: 'string' },
    articles: { type: 'string' },
  },
});
const port = Number(values.port);
if ((values.queries === undefined) !== (values.articles === undefined)) {
  console.error('--queries and --articles go together: the query set, and the folder of the articles it names');
  process.exit(1);
}
const cases =
  values.queries !== undefined && values.articles !== undefined
    ? loadHeldOutSet(resolve(values.queries), resolve(values.articles))
    : loadQuerySet();
const caseCategories = [...new Set(cases.map(({ category }) => category))];
const times = new Map<string, number[]>();
const answering = new Map<string, number>();
const server = await startServer(resolve(values.dir), port);
const browser = await launch();
const scores = new Map<string, Score[]>();
const misses: string[] = [];
try {
  const page = await browser.newPage();
  for (const script of scripts) {
    // Each query typed into the search page's box, as a reader does, with the index warm after the first.
    await page.goto(`http://localhost:${port}/${script}/search/`);
    const input = page.locator('#search-page-input');
    for (const testCase of cases.filter((item) => item.scripts.includes(script))) {
      const started = performance.now();
      await input.fill(testCase.query);
      await page.waitForFunction(
        (text) => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['searched'] === text,
        cleanQuery(testCase.query),
      );
      const key = `${testCase.category}\t${script}`;
      times.set(key, [...(times.get(key) ?? []), performance.now() - started]);
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
      scores.set(key, [...(scores.get(key) ?? []), score]);
      if (testCase.category === 'negatives' && slugs.exact.length > 0) answering.set(key, (answering.get(key) ?? 0) + 1);
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
console.log('category         script    queries  recall  precision  false exact hits  negatives answering  ms p50  ms p90');
for (const category of [
  ...categories.filter((known) => caseCategories.includes(known)),
  ...caseCategories.filter((other) => !(categories as readonly string[]).includes(other)),
]) {
  for (const script of scripts) {
    const key = `${category}\t${script}`;
    const summary = summarise(scores.get(key) ?? []);
    const ms = times.get(key) ?? [];
    const answered = category === 'negatives' ? String(answering.get(key) ?? 0) : '-';
    table[`${category} ${script}`] = {
      ...summary,
      negativesAnswering: answering.get(key) ?? 0,
      p50: percentile(ms, 0.5),
      p90: percentile(ms, 0.9),
    };
    console.log(
      `${category.padEnd(16)} ${script.padEnd(9)} ${String(summary.queries).padStart(7)} ${percent(summary.recall).padStart(7)} ${percent(summary.precision).padStart(10)} ${String(summary.falseExact).padStart(17)} ${answered.padStart(20)} ${percentile(ms, 0.5).toFixed(0).padStart(7)} ${percentile(ms, 0.9).toFixed(0).padStart(7)}`,
    );
  }
}
console.log('\nRecall: of the articles each query must find, the share shown (near matches for typos, exact results otherwise).');
console.log('Precision: of the exact results shown, the share that is right (typos and negatives must show none).');
if (misses.length > 0) console.log(`\nQueries short of the mark:\n${misses.join('\n')}`);
if (values.json) await writeFile(values.json, JSON.stringify(table, null, 2));
