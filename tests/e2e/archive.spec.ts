/**
 * The archive at scale, on a generated archive of 400 articles over 18 months
 * (`npm run build:archive`, never in content/): paged lists with their twins
 * in the other script, the archive by year and month, author pages, capped
 * feeds, and every article within three clicks of the home page.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { scripts, type Script } from '../../src/site/scripts.ts';
import { axeViolations } from './helpers.ts';

/** As `npm run build:archive` writes it. */
const articleCount = 400;
const pageSize = 20;
const feedSize = 50;

const other = (script: Script): Script => (script === 'zh-hant' ? 'zh-hans' : 'zh-hant');

/** The articles a list page shows, by path, in order. */
const cardLinks = (page: Page): Promise<string[]> =>
  page
    .locator('.article-card__title a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

/** The article slugs a list page shows, whatever the script. */
const cardSlugs = async (page: Page): Promise<string[]> =>
  (await cardLinks(page)).map((path) => /\/articles\/([^/]+)\//.exec(path)?.[1] ?? path);

/** The links of a page, as decoded paths inside the site, from its HTML as served (no JavaScript). */
async function linksOf(request: APIRequestContext, path: string): Promise<string[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"#]*)(?:#[^"]*)?"/g)]
    .map((match) => new URL(match[1] ?? '', `http://site${path}`))
    .filter((url) => url.host === 'site' && url.pathname !== '')
    .map((url) => decodeURI(url.pathname));
}

for (const script of scripts) {
  test.describe(`paged lists (${script})`, () => {
    test('the home page lists the latest articles and numbers the pages after it', async ({ page }) => {
      await page.goto(`/${script}/`);
      expect(await cardLinks(page)).toHaveLength(pageSize);
      const nav = page.locator('nav.pagination');
      await expect(nav.locator('[aria-current="page"]')).toHaveText('1');
      await expect(nav.locator('a[rel="prev"]')).toHaveCount(0);
      await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', `/${script}/page/2/`);
      await expect(page.locator('head link[rel="next"]')).toHaveAttribute('href', `/${script}/page/2/`);
      await expect(page.locator('head link[rel="prev"]')).toHaveCount(0);
      const last = Math.ceil(articleCount / pageSize);
      await expect(nav.locator(`a[href="/${script}/page/${last}/"]`)).toHaveText(String(last));

      // Following “next” shows the next twenty, newest first, and page 2 links back.
      const firstPage = await cardSlugs(page);
      await nav.locator('a[rel="next"]').click();
      await expect(page).toHaveURL(`/${script}/page/2/`);
      const secondPage = await cardSlugs(page);
      expect(secondPage).toHaveLength(pageSize);
      expect(secondPage.filter((slug) => firstPage.includes(slug))).toEqual([]);
      await expect(page.locator('nav.pagination a[rel="prev"]')).toHaveAttribute('href', `/${script}/`);
      await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', `/${script}/`);
      const dates = await page
        .locator('.article-card time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
    });

    test('the pages of the home list hold every article once, and the last one has no “next”', async ({ page, request }) => {
      const last = Math.ceil(articleCount / pageSize);
      const seen = new Set<string>();
      for (let number = 1; number <= last; number++) {
        const path = number === 1 ? `/${script}/` : `/${script}/page/${number}/`;
        for (const link of await linksOf(request, path)) if (link.includes('/articles/')) seen.add(link);
      }
      expect(seen.size).toBe(articleCount);
      await page.goto(`/${script}/page/${last}/`);
      await expect(page.locator('nav.pagination [aria-current="page"]')).toHaveText(String(last));
      await expect(page.locator('nav.pagination a[rel="next"]')).toHaveCount(0);
      await expect(page.locator('head link[rel="next"]')).toHaveCount(0);
      expect((await cardLinks(page)).length).toBe(articleCount - (last - 1) * pageSize);
      expect((await request.get(`/${script}/${last + 1}/`)).status()).toBe(404);
    });

    test('a topic’s pages are numbered the same way, with rel="prev" and rel="next"', async ({ page }) => {
      await page.goto(`/${script}/topics/china-russia/`);
      const total = Number(/\d+/.exec((await page.locator('.page-title + .meta').textContent()) ?? '')?.[0]);
      expect(total).toBeGreaterThan(pageSize * 2);
      expect(await cardLinks(page)).toHaveLength(pageSize);
      await page.locator('nav.pagination a[rel="next"]').click();
      await expect(page).toHaveURL(`/${script}/topics/china-russia/page/2/`);
      await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', `/${script}/topics/china-russia/`);
      await expect(page.locator('head link[rel="next"]')).toHaveAttribute('href', `/${script}/topics/china-russia/page/3/`);
      // Every card on it is filed under the topic.
      const topicName = /：([^（]+)/.exec((await page.locator('.page-title').textContent()) ?? '')?.[1] ?? '';
      expect(topicName).toMatch(/中俄[關关][係系]/);
      for (const card of await page.locator('.article-card').all())
        await expect(card.locator('.topic-list')).toContainText(topicName);
    });

    test('the switch keeps the page: page 3 of a list goes to page 3 of its twin, with the same articles', async ({ page }) => {
      for (const path of [
        'page/3/',
        'topics/china-russia/page/2/',
        'archive/2025/03/page/2/',
        'authors/mark-chen/page/2/',
        'archive/2025/',
      ]) {
        await page.goto(`/${script}/${path}`);
        const shown = await cardSlugs(page);
        await page.locator('.script-switch').click();
        await expect(page).toHaveURL(`/${other(script)}/${path}`);
        expect(await cardSlugs(page), path).toEqual(shown);
        await expect(page.locator('html')).toHaveAttribute('data-script', other(script));
      }
    });

    test('pages beyond the first work without JavaScript', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${script}/`);
      await page
        .locator('nav.pagination')
        .getByRole('link', { name: /^2$|第 2 [頁页]/ })
        .click();
      await expect(page).toHaveURL(`/${script}/page/2/`);
      expect(await cardLinks(page)).toHaveLength(pageSize);
      await context.close();
    });
  });

  test.describe(`the archive by date (${script})`, () => {
    test('the archive lists every year and month with counts that add up to the whole archive', async ({ page }) => {
      await page.goto(`/${script}/`);
      await page
        .locator('.site-nav--row')
        .getByRole('link', { name: /文章存[檔档]/ })
        .click();
      await expect(page).toHaveURL(`/${script}/archive/`);
      const years = page.locator('.archive-year');
      await expect(years).toHaveCount(2);
      const yearCounts = await years.locator('h2 .meta').allTextContents();
      expect(yearCounts.map((text) => Number(/\d+/.exec(text)?.[0])).reduce((a, b) => a + b, 0)).toBe(articleCount);
      // A grid of twelve months a year, in the calendar's order; a month without articles is there, without a link.
      for (const year of await years.all()) {
        const months = year.locator('.month-grid > li');
        await expect(months).toHaveCount(12);
        const names = await months.evaluateAll((cells) => cells.map((cell) => Number(/\d+/.exec(cell.textContent ?? '')?.[0])));
        expect(names).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      }
      const linked = page.locator('.month-grid > li:has(a)');
      await expect(linked).toHaveCount(18);
      const monthCounts = await page.locator('.month-grid__count').allTextContents();
      expect(monthCounts.map((text) => Number(/\d+/.exec(text)?.[0])).reduce((a, b) => a + b, 0)).toBe(articleCount);
    });

    test('the archive’s page numbers say what they are, to the eye and to a screen reader', async ({ page }) => {
      await page.goto(`/${script}/archive/`);
      const march = page.locator('.month-grid > li').filter({ has: page.locator(`a[href="/${script}/archive/2025/03/"]`) });
      const pages = march.locator('.month-grid__pages');
      // A visible label before the numbers, not a bare “1 2”.
      const label = await pages.evaluate((element) => element.firstChild?.textContent?.trim() ?? '');
      expect(label).toMatch(/^分[頁页]$/);
      await expect(march.getByRole('link', { name: /^2025 年 3 月 第 2 [頁页]$/ })).toHaveAttribute(
        'href',
        `/${script}/archive/2025/03/page/2/`,
      );
      await expect(march.getByRole('link', { name: /^2025 年 3 月 第 2 [頁页]$/ })).toHaveText('2');
    });

    test('a year page lists its months with counts, and a month page lists that month’s articles', async ({ page }) => {
      await page.goto(`/${script}/archive/2025/`);
      await expect(page.locator('h1')).toContainText('2025');
      const months = page.locator('.month-grid > li');
      await expect(months).toHaveCount(12);
      // The calendar's order, as on the archive page.
      await expect(months.first().locator('a').first()).toHaveAttribute('href', `/${script}/archive/2025/01/`);
      const marchCount = Number(/\d+/.exec((await months.nth(2).locator('.month-grid__count').textContent()) ?? '')?.[0]);
      await months.nth(2).locator('a').first().click();
      await expect(page).toHaveURL(`/${script}/archive/2025/03/`);
      await expect(page.locator('.breadcrumb a').first()).toHaveAttribute('href', `/${script}/archive/`);
      const dates = await page
        .locator('.article-card time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
      expect(dates.length).toBe(Math.min(pageSize, marchCount));
      for (const date of dates) expect(date).toMatch(/^2025-03-/);
      await page.goto(`/${script}/archive/2025/03/page/2/`);
      const rest = await page.locator('.article-card time').count();
      expect(dates.length + rest).toBe(marchCount);
    });
  });

  test.describe(`author pages (${script})`, () => {
    test('a byline name leads to the author’s page, which lists their articles with role and count', async ({
      page,
      request,
    }) => {
      await page.goto(`/${script}/articles/bench-00123/`);
      const byline = page.locator('.article__header .byline__name').first();
      const name = (await byline.textContent())?.trim() ?? '';
      const article = new URL(page.url()).pathname;
      await byline.click();
      await expect(page).toHaveURL(new RegExp(`/${script}/authors/[^/]+/$`));
      await expect(page.locator('h1')).toHaveText(name);
      const meta = (await page.locator('.page-title + .meta').textContent()) ?? '';
      const count = Number(/\d+/.exec(meta)?.[0]);
      expect(count).toBeGreaterThan(pageSize);
      // The role the byline gives is in the meta line, with its count.
      expect(meta).toMatch(/[（(]\d+/);
      // Every page of the author's list together: exactly `count` articles, among them the one we came from.
      const authorPath = new URL(page.url()).pathname;
      const listed = new Set<string>();
      for (let number = 1; number <= Math.ceil(count / pageSize); number++)
        for (const link of await linksOf(
          request,
          number === 1 ? decodeURI(authorPath) : `${decodeURI(authorPath)}page/${number}/`,
        ))
          if (link.includes('/articles/')) listed.add(link);
      expect(listed.size).toBe(count);
      expect(listed.has(decodeURI(article))).toBe(true);
    });

    test('one author page serves both scripts: the Simplified key of a Traditional name', async ({ page }) => {
      await page.goto(`/${script}/authors/`);
      const links = page.locator('.author-index a');
      expect(await links.count()).toBe(16);
      const hrefs = await links.evaluateAll((anchors) =>
        anchors.map((anchor) => decodeURI(new URL((anchor as HTMLAnchorElement).href).pathname)),
      );
      expect(hrefs).toContain(`/${script}/authors/陈思远/`);
      expect(hrefs).toContain(`/${script}/authors/mark-chen/`);
      const total = (await page.locator('.author-index .meta').allTextContents()).map((text) => Number(/\d+/.exec(text)?.[0]));
      expect(total.reduce((a, b) => a + b, 0)).toBe(articleCount);
      await expect(links.filter({ hasText: script === 'zh-hant' ? '陳思遠' : '陈思远' })).toHaveCount(1);
    });
  });

  test.describe(`feeds (${script})`, () => {
    test('the feed carries the latest fifty articles, newest first', async ({ request }) => {
      const feed = await (await request.get(`/${script}/rss.xml`)).text();
      const items = [...feed.matchAll(/<item>[\s\S]*?<\/item>/g)].map((match) => match[0]);
      expect(items).toHaveLength(feedSize);
      const dates = items.map((item) => Date.parse(/<pubDate>([^<]+)<\/pubDate>/.exec(item)?.[1] ?? ''));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      const home = await linksOf(request, `/${script}/`);
      const newest = home.find((link) => link.includes('/articles/')) ?? '';
      expect(items[0]).toContain(newest);
    });

    test('each topic has its own feed of its latest articles, linked from the topic page', async ({ page, request }) => {
      await page.goto(`/${script}/topics/nato/`);
      const href = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').last().getAttribute('href');
      expect(href).toBe(`/${script}/topics/nato/rss.xml`);
      const feed = await (await request.get(href ?? '')).text();
      const items = [...feed.matchAll(/<item>[\s\S]*?<\/item>/g)];
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(feedSize);
      await expect(page.locator('.page-title + .meta a')).toHaveAttribute('href', href ?? '');
      const topicArticles = new Set(await cardLinks(page));
      const firstLink = /<link>([^<]+)<\/link>/.exec(items[0]?.[0] ?? '')?.[1] ?? '';
      expect(topicArticles.has(new URL(firstLink).pathname)).toBe(true);
    });
  });

  test(`every article is within three clicks of the home page (${script})`, async ({ request }) => {
    // Breadth first over the links of the pages as served, in one script, to depth 3.
    const home = `/${script}/`;
    const depth = new Map<string, number>([[home, 0]]);
    let frontier = [home];
    for (let clicks = 1; clicks <= 3; clicks++) {
      const next: string[] = [];
      for (const path of frontier) {
        // Articles are where the walk ends; only lists are followed further.
        if (path.includes('/articles/')) continue;
        for (const link of await linksOf(request, path)) {
          if (!link.startsWith(home) || depth.has(link) || /\.(xml|json)$/.test(link)) continue;
          depth.set(link, clicks);
          next.push(link);
        }
      }
      frontier = next;
    }
    const reached = [...depth.keys()].filter((path) => /\/articles\/[^/]+\/$/.test(path));
    expect(reached.length).toBe(articleCount);
  });
}

for (const script of scripts) {
  test(`${script}: the archive's paged lists have no axe violations at 320 and 1280 px, light and dark`, async ({ page }) => {
    const found: string[] = [];
    for (const path of [
      'archive/',
      'archive/2025/',
      'page/3/',
      'archive/2025/03/page/2/',
      'authors/',
      'authors/mark-chen/page/2/',
    ]) {
      await page.goto(`/${script}/${path}`);
      for (const viewport of [
        { width: 320, height: 640 },
        { width: 1280, height: 800 },
      ])
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme });
          for (const violation of await axeViolations(page))
            found.push(`${path} ${viewport.width} px ${colorScheme}: ${violation}`);
        }
    }
    expect(found).toEqual([]);
  });
}

test('page numbers are large enough to tap on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/zh-hant/page/3/');
  for (const link of await page.locator('nav.pagination a').all()) {
    const box = await link.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  await context.close();
});

test('past its limit the sitemap splits into files under one index, which together list every article', async ({ request }) => {
  // The archive build allows 500 URLs a file (SITEMAP_ENTRY_LIMIT); a real site, the protocol's 50,000 less a margin.
  const index = await (await request.get('/sitemap-index.xml')).text();
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  expect(files.length).toBeGreaterThan(1);
  const articles = new Set<string>();
  for (const file of files) {
    const sitemap = await (await request.get(file)).text();
    const urls = [...sitemap.matchAll(/<url>\s*<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
    expect(urls.length).toBeLessThanOrEqual(500);
    for (const url of urls) if (url.includes('/articles/')) articles.add(url);
  }
  expect(articles.size).toBe(articleCount * scripts.length);
});
