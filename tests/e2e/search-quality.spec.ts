/**
 * The query set (`tests/fixtures/search-queries.yaml`) in a real browser, on
 * the search page of each script: every regional form, variant and name
 * separator finds its article exactly, sources are found by publisher and
 * title, typos find theirs among the near matches only, and no query shows
 * an exact result it should not (precision 1.00 in every category).
 */
import { expect, test } from '@playwright/test';
import { categories, loadQuerySet, slugOf } from '../../scripts/search-quality/query-set.ts';
import { scripts } from '../../src/site/scripts.ts';

const cases = loadQuerySet();

for (const category of categories) {
  for (const script of scripts) {
    const queries = cases.filter((item) => item.category === category && item.scripts.includes(script));
    test(`${category} on ${script} pages: ${queries.length} queries`, async ({ page }) => {
      expect(queries.length).toBeGreaterThanOrEqual(10);
      await page.goto(`/${script}/search/`);
      const input = page.locator('#search-page-input');
      for (const { query, finds, misses } of queries) {
        await input.fill(query);
        await page.waitForFunction(
          (text) => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['searched'] === text,
          query,
        );
        const links = async (selector: string): Promise<string[]> =>
          (await page.locator(selector).evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href))).map(
            slugOf,
          );
        const exact = await links('[data-search-results] .search-result__title a');
        const near = await links('[data-approximate]:not([hidden]) .search-result__title a');
        if (category === 'typos') {
          expect.soft(exact, `「${query}」 has no exact result`).toEqual([]);
          expect.soft(near, `「${query}」 is near ${finds.join(', ')}`).toEqual(expect.arrayContaining(finds));
        } else if (category === 'negatives') {
          expect.soft(exact, `「${query}」 has no exact result`).toEqual([]);
        } else {
          expect.soft([...exact].sort(), `「${query}」 finds exactly ${finds.join(', ')}`).toEqual([...finds].sort());
          expect.soft(near, `「${query}」 shows no near matches beside exact ones`).toEqual([]);
        }
        expect
          .soft(
            exact.filter((slug) => misses.includes(slug)),
            `「${query}」 misses ${misses.join(', ')}`,
          )
          .toEqual([]);
      }
    });
  }
}
