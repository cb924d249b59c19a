/** The site built with SITE_BASE=/news/: every link, asset, feed and search file resolves under it. */
import { expect, test } from '@playwright/test';

test('every page reachable from the root resolves under /news/, with its assets', async ({ page }) => {
  // It visits every page of the site one after another (27–30 s on a 2-core machine): the default 30 s is the crawl's
  // own length, not a bound on anything, and ran out on a slower run.
  test.setTimeout(120_000);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('404')) failed.push(`${response.status()} ${response.url()}`);
  });
  // A request cut short by the next navigation (ERR_ABORTED) is not a broken link.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`failed ${request.url()}`);
  });
  const seen = new Set<string>();
  const checked = new Set<string>();
  const queue = ['/news/zh-hant/', '/news/zh-hans/'];
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    await page.goto(path, { waitUntil: 'load' });
    const internal = (selector: string) =>
      page.$$eval(selector, (elements) =>
        elements
          .map((element) => new URL(element.getAttribute('href') ?? '', location.href))
          .filter((url) => url.origin === location.origin)
          .map((url) => url.pathname + url.search),
      );
    for (const link of await internal('a[href]')) {
      expect(link, `${path} links to ${link}`).toMatch(/^\/news\//);
      const target = link.split('?')[0] ?? link;
      if (!seen.has(target) && !/\.(xml|svg)$/.test(target)) queue.push(target);
    }
    // Stylesheets, icons, feeds and preloaded search files: fetched, not visited.
    for (const resource of await internal('link[href]')) {
      expect(resource, `${path} loads ${resource}`).toMatch(/^\/news\//);
      if (!checked.has(resource)) {
        checked.add(resource);
        expect((await page.request.get(resource)).status(), resource).toBe(200);
      }
    }
  }
  expect(seen.size).toBeGreaterThan(20);
  expect(failed).toEqual([]);
  for (const feed of ['/news/zh-hant/rss.xml', '/news/zh-hans/rss.xml', '/news/sitemap-index.xml', '/news/robots.txt']) {
    const response = await page.request.get(feed);
    expect(response.status(), feed).toBe(200);
    expect(await response.text()).toContain('/news/');
  }
});

test('search works under /news/ and links results under it', async ({ page }) => {
  await page.goto('/news/zh-hans/search/?q=聯合國');
  const link = page.locator('[data-search-results] .search-result__title a');
  await expect(link).toHaveAttribute('href', /^\/news\/zh-hans\/articles\/china-russia-no-limits-2022\/\?hl=/);
  await link.click();
  await expect(page.locator('mark.search-hit').first()).toHaveText('联合国');
});

test('the root under /news/ sends a first visitor to a script under /news/', async ({ page }) => {
  await page.goto('/news/');
  await expect(page).toHaveURL('/news/zh-hant/');
});
