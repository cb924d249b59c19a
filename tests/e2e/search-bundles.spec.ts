/**
 * Search on an archive of several bundles (`npm run build:archive`: 400
 * articles, 100 a bundle, so four per script: `zh-hant` the newest 100, then
 * `zh-hant-3`, `-2`, `-1`). The first query loads the newest bundle alone; the
 * reader is told that older articles were not searched, and they are when
 * the reader asks or when the newest give too few results.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './helpers.ts';

/** As `npm run build:archive` writes it: articles bench-00301 to bench-00400 are in the newest bundle. */
const newestBundleFirst = 301;

/** The bundles of the index the page has fetched anything from so far, by folder name. */
function bundlesFetched(page: Page): Set<string> {
  const bundles = new Set<string>();
  page.on('request', (request) => {
    const bundle = /\/pagefind\/([^/]+)\//.exec(new URL(request.url()).pathname)?.[1];
    if (bundle !== undefined) bundles.add(bundle);
  });
  return bundles;
}

/** The numbers of the articles a list of result links points at (bench-00123 → 123). */
const articleNumbers = (links: ReturnType<Page['locator']>): Promise<number[]> =>
  links.evaluateAll((anchors) =>
    anchors.map((anchor) => Number(/bench-(\d+)/.exec((anchor as HTMLAnchorElement).href)?.[1] ?? Number.NaN)),
  );

test('the header box: the first query fetches the newest bundle alone, and says older articles were not searched', async ({
  page,
}) => {
  const bundles = bundlesFetched(page);
  await page.goto('/zh-hant/articles/bench-00400/');
  await page.locator('#site-search').fill('制裁');
  await expect(page.locator('.search-box__status')).toHaveText('找到 5 個結果');
  await expect(page.locator('.search-box__notes')).toContainText('結果只來自較新的文章，依相符程度排列；較舊的文章尚未搜尋。');
  expect([...bundles]).toEqual(['zh-hant']);
  // Every result shown is one of the newest articles.
  const shown = await page
    .locator('#site-search-results [role="option"]')
    .evaluateAll((options) => options.map((option) => Number(/bench-(\d+)/.exec(option.getAttribute('data-href') ?? '')?.[1])));
  expect(shown).toHaveLength(5);
  for (const number of shown) expect(number).toBeGreaterThanOrEqual(newestBundleFirst);
});

for (const [script, strings] of [
  ['zh-hant', { count: '找到 20 個結果', note: '較舊的文章尚未搜尋', button: '也搜尋較舊的文章' }],
  ['zh-hans', { count: '找到 20 个结果', note: '较旧的文章尚未搜索', button: '也搜索较旧的文章' }],
] as const) {
  test(`${script}: the search page searches older articles when the reader asks, and then says nothing is left out`, async ({
    page,
  }) => {
    const bundles = bundlesFetched(page);
    await page.goto(`/${script}/search/?q=${encodeURIComponent('制裁')}`);
    const status = page.locator('[data-search-status]');
    const notes = page.locator('[data-search-notes]');
    const older = page.locator('[data-search-older]');
    await expect(status).toHaveText(strings.count);
    await expect(notes).toContainText(strings.note);
    await expect(older).toHaveText(strings.button);
    expect([...bundles]).toEqual([script]);
    const links = page.locator('[data-search-results] .search-result__title a');
    for (const number of await articleNumbers(links)) expect(number).toBeGreaterThanOrEqual(newestBundleFirst);
    expect(await axeViolations(page)).toEqual([]);

    await older.click();
    // Three older bundles, three a request: all of them, so nothing is left to say or to ask.
    await expect(older).toBeHidden();
    await expect(notes).not.toContainText(strings.note);
    await expect(status).toHaveText(strings.count);
    expect([...bundles].sort()).toEqual([script, `${script}-1`, `${script}-2`, `${script}-3`]);
    // Ranked over the whole archive now: older articles among the best.
    expect((await articleNumbers(links)).some((number) => number < newestBundleFirst)).toBe(true);
    await expect(links.first()).toBeFocused();
  });
}

test('too few results among the newest articles: older bundles are searched without asking, up to three, the rest when asked', async ({
  page,
}) => {
  const bundles = bundlesFetched(page);
  // A byline of one article among the newest hundred (bench-00389), of twelve in the next two hundred, and of two older ones.
  await page.goto(`/zh-hant/search/?q=${encodeURIComponent('鄭家豪')}`);
  const status = page.locator('[data-search-status]');
  const links = page.locator('[data-search-results] .search-result__title a');
  await expect(status).toHaveText('找到 13 個結果');
  const numbers = await articleNumbers(links);
  expect(numbers.filter((number) => number >= newestBundleFirst)).toEqual([389]);
  expect(Math.min(...numbers)).toBeGreaterThan(100);
  expect([...bundles].sort()).toEqual(['zh-hant', 'zh-hant-2', 'zh-hant-3']);
  await expect(page.locator('[data-search-notes]')).toContainText('較舊的文章尚未搜尋');

  await page.locator('[data-search-older]').click();
  await expect(status).toHaveText('找到 15 個結果');
  expect(Math.min(...(await articleNumbers(links)))).toBeLessThanOrEqual(100);
  expect([...bundles].sort()).toEqual(['zh-hant', 'zh-hant-1', 'zh-hant-2', 'zh-hant-3']);
  await expect(page.locator('[data-search-notes]')).toBeEmpty();
  await expect(page.locator('[data-search-older]')).toBeHidden();
});

test('an older bundle that cannot be fetched is reported as search being unavailable, not as fewer results', async ({ page }) => {
  await page.route('**/pagefind/zh-hant-3/**', (route) => route.abort());
  await page.goto(`/zh-hant/search/?q=${encodeURIComponent('鄭家豪')}`);
  await expect(page.locator('[data-search-status]')).toHaveText(/搜尋暫時無法使用/);
});

test('a phrase whose words are on every page but never together: the search stops at its allowance, says so, and reads further when asked', async ({
  page,
}) => {
  /** Bytes of the index (metadata, chunks, fragments: bodies as sent), the fragments fetched in order, and the bundles. */
  const sizes: Promise<number>[] = [];
  const fragments: string[] = [];
  let counting = false;
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!counting || !/\.pf_(meta|index|fragment)$/.test(path)) return;
    if (path.endsWith('.pf_fragment')) fragments.push(path);
    sizes.push(request.sizes().then(({ responseBodySize }) => responseBodySize));
  });
  const bundles = bundlesFetched(page);
  await page.goto('/zh-hant/search/');
  const status = page.locator('[data-search-status]');
  const further = page.locator('[data-search-older]');
  // Pagefind loaded (the page preloads it), the search data too: from here on, what the query fetches of the index.
  await page.waitForLoadState('networkidle');
  counting = true;
  await page.locator('#search-page-input').fill('量子糾纏態');
  await expect(status).toHaveText('最相關的一部分文章中找不到與「量子糾纏態」相符的文章。');
  await expect(page.locator('[data-search-notes]')).toContainText('只比對了最相關的一部分文章；其餘文章尚未比對');
  await expect(further).toHaveText('繼續搜尋');
  const spent = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  // The allowance (170 kB with the requests' headers) and a lookup's room: not the 60 fragments a round,
  // in three bundles, it once read (400 kB and more).
  expect(spent).toBeGreaterThan(100_000);
  expect(spent).toBeLessThanOrEqual(200_000);
  const firstRead = fragments.length;
  expect(firstRead).toBeGreaterThan(10);
  expect(new Set(fragments).size).toBe(firstRead);
  expect([...bundles]).toEqual(['zh-hant']);

  // Asking again reads candidates not read yet (the ones already read cost nothing), before any older bundle is
  // asked for: the newest bundle's unread candidates rank above them.
  await further.click();
  await expect(further).toBeEnabled();
  await expect.poll(() => fragments.length).toBeGreaterThan(firstRead);
  await expect(status).toHaveText(/找不到與「量子糾纏態」相符的文章/);
  expect(new Set(fragments).size).toBe(fragments.length);
  expect(bundles.has('zh-hant-1')).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
});
