/**
 * axe-core over every page type, in both scripts, in light and dark, at a
 * 320 px phone and a 1280 px laptop: every rule axe runs by default (WCAG
 * 2.2 A and AA, target size included, and its best practices), no
 * violation. Also with what a reader opens: the header's search results and
 * a folded table of contents.
 */
import { expect, test, type Page } from '@playwright/test';
import { article, axeViolations, pageTypes, xi } from './helpers.ts';

const viewports = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];

/** Every violation axe finds on the page as it is, at each width and in each colour scheme, one line each. */
async function violationsEverywhere(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const viewport of viewports)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      for (const violation of await axeViolations(page)) found.push(`${viewport.width} px, ${colorScheme}: ${violation}`);
    }
  return found;
}

for (const path of [...pageTypes('zh-hant'), ...pageTypes('zh-hans'), '/', '/404.html']) {
  test(`${path} has no axe violations at 320 and 1280 px, light and dark`, async ({ page }) => {
    // The root sends a reader on to a script (tested elsewhere); check the page itself.
    if (path === '/') await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(path, { waitUntil: 'load' });
    expect(await violationsEverywhere(page)).toEqual([]);
  });
}

test('an article with its table of contents unfolded and the header’s search results open has no axe violations', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(article('zh-hans', xi));
  await page.locator('.toc--folded summary').click();
  await page.locator('#site-search').fill('制裁');
  await expect(page.locator('#site-search-results [role="option"]').first()).toBeVisible();
  expect(await violationsEverywhere(page)).toEqual([]);
});
