/** Search: Chinese words found anywhere, in either script, highlighted, by keyboard; regional forms, near matches, long queries. */
import { expect, test, type Page } from '@playwright/test';
import { article, noLimits, xi } from './helpers.ts';

async function searchPage(page: Page, script: string, query: string): Promise<void> {
  await page.goto(`/${script}/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-status]')).not.toHaveText(/^$|……$/);
}

const resultLinks = (page: Page) => page.locator('[data-search-results] .search-result__title a');

/** [page script, query, articles expected in order ([] = nothing found)]. */
const cases: [string, string, string[]][] = [
  ['zh-hant', '制裁', [xi]],
  ['zh-hant', '世界秩序', [xi]],
  ['zh-hant', '聯合國', [noLimits]],
  ['zh-hant', '米舒斯京', [xi]],
  ['zh-hant', '川普', [xi]],
  ['zh-hant', '范強', [noLimits]],
  ['zh-hant', 'AUKUS', [noLimits]],
  ['zh-hant', '冷戰式結盟', [noLimits]],
  ['zh-hant', '中俄關係', [noLimits, xi]],
  ['zh-hans', '军事同盟', [noLimits]],
  ['zh-hans', '二级制裁', [xi]],
  // Typed in the other script.
  ['zh-hant', '不封顶', [noLimits]],
  ['zh-hant', '会见', [xi]],
  ['zh-hans', '聯合國', [noLimits]],
  ['zh-hans', '戰略夥伴', [xi]],
  // Nothing relevant: absent words, and decoys whose characters all occur but never together.
  ['zh-hant', '量子電腦', []],
  ['zh-hant', '國家主席普丁', []],
  ['zh-hans', '美国总理', []],
];

for (const [script, query, expected] of cases) {
  test(`${script}: 「${query}」 finds ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, async ({ page }) => {
    await searchPage(page, script, query);
    const hrefs = await resultLinks(page).evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs).toEqual(expected.map((slug) => article(script, slug)));
  });
}

test('results show headline, date, an excerpt with the words marked and the matching sections', async ({ page }) => {
  await searchPage(page, 'zh-hant', '制裁');
  const result = page.locator('.search-results .search-result').first();
  await expect(result.locator('time')).toHaveText('2025年11月5日');
  await expect(result.locator('.search-result__excerpt mark').first()).toHaveText('制裁');
  // One link per headed section the word occurs in; the lead is the excerpt above.
  const sections = result.locator('.search-result__sections a');
  await expect(sections).toHaveText(['戰略安撫：對莫斯科的再保證', '經濟現實：制裁陰影下的謹慎對沖']);
  await expect(sections.first()).toHaveAttribute('href', /#p\d+$/);
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 個結果');
});

test('a site of one search bundle searches all of it at once: nothing is said to be left out', async ({ page }) => {
  await searchPage(page, 'zh-hant', '制裁');
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 個結果');
  await expect(page.locator('[data-search-notes]')).toBeEmpty();
  await expect(page.locator('[data-search-older]')).toBeHidden();
});

test('a result opens the article at the matching paragraph with the words highlighted', async ({ page }) => {
  await searchPage(page, 'zh-hans', '聯合國');
  await page.locator('.search-result__sections a').first().click();
  await expect(page).toHaveURL(/\/zh-hans\/articles\/china-russia-no-limits-2022\/\?hl=.*#p\d+$/);
  await expect(page.locator('mark.search-hit').first()).toHaveText('联合国');
  expect(await page.locator('mark.search-hit').count()).toBeGreaterThan(2);
});

test('strings are in the reader’s script', async ({ page }) => {
  await searchPage(page, 'zh-hans', '制裁');
  await expect(page.locator('.search-box button')).toHaveText('搜索');
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 个结果');
  await searchPage(page, 'zh-hans', '量子计算');
  await expect(page.locator('[data-search-status]')).toHaveText('找不到与“量子计算”相符的文章。');
  await searchPage(page, 'zh-hant', '   ');
  await expect(page.locator('[data-search-status]')).toHaveText('請輸入要搜尋的關鍵詞。');
});

test('typing keeps ?q= in the URL, and the URL brings the same search back', async ({ page }) => {
  await page.goto('/zh-hant/search/');
  await page.locator('#search-page-input').fill('普丁');
  await expect(page).toHaveURL(/\?q=%E6%99%AE%E4%B8%81$/);
  await expect(resultLinks(page)).toHaveCount(1);
  await page.reload();
  await expect(page.locator('#search-page-input')).toHaveValue('普丁');
  await expect(resultLinks(page)).toHaveCount(1);
  await expect(page).toHaveTitle('搜尋「普丁」｜國際時評');
});

test('the header box: / focuses it, arrows choose a result, Enter opens it', async ({ page }) => {
  await page.goto('/zh-hant/');
  await page.keyboard.press('/');
  const input = page.locator('#site-search');
  await expect(input).toBeFocused();
  await input.pressSequentially('中俄');
  await expect(page.locator('#site-search-results [role="option"]')).toHaveCount(2);
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-results-1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh-hant\/articles\/xi-mishustin-after-trump-summit-2025\/\?hl=/);
});

test('the header box: a click on a result opens it', async ({ page }) => {
  await page.goto('/zh-hans/');
  await page.locator('#site-search').fill('不封顶');
  await page.locator('#site-search-results [role="option"]').first().click();
  await expect(page).toHaveURL(/\/zh-hans\/articles\/china-russia-no-limits-2022\/\?hl=/);
  await expect(page.locator('mark.search-hit').first()).toHaveText('不封顶');
});

test('a regional form finds the article and highlights the form it prints; the text stays as written', async ({ page }) => {
  await searchPage(page, 'zh-hans', '普京');
  await expect(page.locator('[data-search-notes]')).toContainText('“普京”在本站文章中写作“普丁”');
  await page.locator('[data-search-results] .search-result__title a').click();
  await expect(page).toHaveURL(/\/zh-hans\/articles\/xi-mishustin-after-trump-summit-2025\/\?hl=/);
  await expect(page.locator('mark.search-hit').first()).toHaveText('普丁');
  await expect(page.locator('.article__body')).not.toContainText('普京');
});

test('a source is found by its publisher, and highlighted in the sources list', async ({ page }) => {
  await searchPage(page, 'zh-hant', 'Carnegie');
  await expect(resultLinks(page)).toHaveCount(1);
  await resultLinks(page).click();
  await expect(page.locator('.sources mark.search-hit')).toHaveText('Carnegie');
});

test('no exact match: near matches in their own labelled list, and a correction that matches', async ({ page }) => {
  for (const [script, label, status] of [
    ['zh-hant', '相近結果', '找不到與「米舒斯經」完全相符的文章，以下是相近的結果。'],
    ['zh-hans', '相近结果', '找不到与“米舒斯經”完全相符的文章，以下是相近的结果。'],
  ] as const) {
    await searchPage(page, script, '米舒斯經');
    await expect(page.locator('[data-search-status]')).toHaveText(status);
    await expect(resultLinks(page)).toHaveCount(0);
    const near = page.locator('[data-approximate]');
    await expect(near).toBeVisible();
    await expect(near.locator('h2')).toHaveText(label);
    await expect(near.locator('.search-result__title a')).toHaveCount(1);
  }
  await page.locator('[data-search-suggestion] a').click();
  await expect(page.locator('#search-page-input')).toHaveValue('米舒斯京');
  await expect(resultLinks(page)).toHaveCount(1);
  await expect(page.locator('[data-approximate]')).toBeHidden();
});

test('scattered characters are near, never exact', async ({ page }) => {
  await searchPage(page, 'zh-hant', '國家主席普丁');
  await expect(resultLinks(page)).toHaveCount(0);
  await expect(page.locator('[data-approximate] .search-result__title a')).toHaveCount(1);
  await expect(page.locator('[data-search-suggestion]')).toHaveCount(0);
});

test('a query too long is cut at a term boundary, and the reader is told', async ({ page }) => {
  const words = Array.from({ length: 40 }, (_, index) => `制裁${index}`);
  await searchPage(page, 'zh-hant', words.join(' '));
  const notes = page.locator('[data-search-notes]');
  await expect(notes).toContainText(/查詢太長，只搜尋了前 \d+ 個字。/);
  const searched = (await page.locator('#search-page-input').inputValue()).split(' ');
  expect(words.slice(0, searched.length)).toEqual(searched);
  await expect(page.locator('#site-search')).not.toHaveAttribute('maxlength');
  await expect(page.locator('#search-page-input')).not.toHaveAttribute('maxlength');
});

test('the header box: near matches are labelled, apart, and a suggestion searches in the box', async ({ page }) => {
  await page.goto('/zh-hant/');
  const input = page.locator('#site-search');
  await input.fill('米舒斯經');
  const list = page.locator('#site-search-results');
  await expect(list).toHaveAttribute('data-approximate', '');
  await expect(list).toHaveAttribute('aria-label', '相近結果');
  await expect(page.locator('.search-box__label')).toBeVisible();
  await expect(list.locator('[role="option"]')).toHaveCount(1);
  await page.locator('[data-search-panel] [data-search-suggestion] a').click();
  await expect(input).toHaveValue('米舒斯京');
  await expect(list).not.toHaveAttribute('data-approximate');
  await expect(page.locator('.search-box__label')).toBeHidden();
  await expect(list.locator('[role="option"]')).toHaveCount(1);
});

test('the header box: after Esc, ArrowDown reopens the list and Enter opens what is shown', async ({ page }) => {
  await page.goto('/zh-hant/');
  const input = page.locator('#site-search');
  await input.fill('中俄');
  const panel = page.locator('[data-search-panel]');
  await expect(page.locator('#site-search-results [role="option"]')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(panel).toBeVisible();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-results-0');
  const first = await page.locator('#site-search-results-0').getAttribute('data-href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${(first ?? '').split('?')[0]}\\?hl=`));
});

test('the header box: Enter on a closed list never opens a hidden result', async ({ page }) => {
  await page.goto('/zh-hant/');
  const input = page.locator('#site-search');
  await input.fill('中俄');
  await expect(page.locator('#site-search-results [role="option"]')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  await expect(input).not.toHaveAttribute('aria-activedescendant');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh-hant\/search\/\?q=/);
});

test('the header box: Ctrl+K focuses it and Esc closes the results', async ({ page }) => {
  await page.goto(article('zh-hans', xi));
  await page.keyboard.press('Control+k');
  const input = page.locator('#site-search');
  await expect(input).toBeFocused();
  await input.fill('北约');
  await expect(page.locator('[data-search-panel]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
});

test('the header box: a second Esc clears the box, and the focus stays in it (ARIA APG combobox)', async ({ page }) => {
  await page.goto('/zh-hant/');
  const input = page.locator('#site-search');
  await input.fill('中俄');
  await expect(page.locator('#site-search-results [role="option"]')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  await expect(input).toHaveValue('中俄');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  // A third does nothing more: the focus is still in the box.
  await page.keyboard.press('Escape');
  await expect(input).toBeFocused();
});

test('the header box: each result’s headline and excerpt are apart, to the eye and to a screen reader', async ({ page }) => {
  await page.goto('/zh-hant/');
  await page.locator('#site-search').fill('制裁');
  const option = page.locator('#site-search-results [role="option"]').first();
  await expect(option).toBeVisible();
  const title = await option.locator('.search-result__title').boundingBox();
  const excerpt = await option.locator('.search-result__excerpt').boundingBox();
  expect((excerpt?.y ?? 0) >= (title?.y ?? 0) + (title?.height ?? 0) - 1).toBe(true);
  const name = await option.evaluate((node) => node.textContent ?? '');
  expect(name).toMatch(/傳遞訊息：/);
});

for (const width of [320, 390]) {
  test(`the header box at ${width} px: the results stay on the screen, whatever the query`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/zh-hans/');
    const input = page.locator('#site-search');
    for (const query of ['制裁', 'Carnegie', 'Friendshipwithnolimitstestedbywarandsanctions']) {
      await input.fill(query);
      await expect(page.locator('[data-search-panel] [role="status"]')).not.toHaveText(/^$|……$/);
      const panel = await page.locator('[data-search-panel]').boundingBox();
      expect((panel?.x ?? -1) >= 0 && (panel?.x ?? 0) + (panel?.width ?? 0) <= width).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    }
  });
}

test('an excerpt starts at the start of its sentence, and a section line never repeats the excerpt or its heading', async ({
  page,
}) => {
  await searchPage(page, 'zh-hant', '制裁');
  const result = page.locator('.search-results .search-result').first();
  const excerpt = (await result.locator('.search-result__excerpt').textContent()) ?? '';
  // The hit's sentence begins 「自三年半前烏克蘭戰爭全面爆發以來」: no 「…」 and no half sentence before it.
  expect(excerpt.startsWith('自三年半前')).toBe(true);
  const lines = await result.locator('.search-result__sections li').allTextContents();
  for (const line of lines) {
    const [heading = '', quoted = ''] = line.split('：');
    expect(quoted.replace(/…/g, '')).not.toBe('');
    expect(excerpt.includes(quoted.replace(/…/g, '').slice(0, 12))).toBe(false);
    expect(quoted.startsWith(heading)).toBe(false);
  }
});

test('nothing found: the page offers the sections, the topics and the latest articles; a result hides them', async ({ page }) => {
  await searchPage(page, 'zh-hant', '量子電腦');
  const browse = page.locator('[data-search-browse]');
  await expect(browse).toBeVisible();
  await expect(browse.locator('.topic-list a').first()).toBeVisible();
  await expect(browse.locator('.browse__latest a')).toHaveText([
    '川普峰會後數日會見米舒斯京 習近平同時向莫斯科與華盛頓傳遞訊息',
    '【FOCUS】中俄關係不封頂 絕非冷戰式結盟',
  ]);
  await page.locator('#search-page-input').fill('制裁');
  await expect(page.locator('[data-search-results] .search-result')).toHaveCount(1);
  await expect(browse).toBeHidden();
  await page.locator('#search-page-input').fill('');
  await expect(browse).toBeVisible();
});

test('a source’s publisher and title are apart in the page text search indexes', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  const first = (await page.locator('.sources li').first().textContent()) ?? '';
  expect(first.replace(/\s+/g, ' ').trim()).toMatch(/^Reuters: China, Russia vow/);
});

test('without the search index, the box says so and the page reads on', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto(article('zh-hant', xi));
  await page.locator('#site-search').fill('制裁');
  await expect(page.locator('[data-search-panel]')).toContainText('搜尋暫時無法使用');
  await expect(page.locator('.article__body > p').first()).toBeVisible();
  await searchPage(page, 'zh-hans', '制裁');
  await expect(page.locator('[data-search-status]')).toHaveText(/搜索暂时无法使用/);
});

test('a corrupt search index is reported the same way', async ({ page }) => {
  await page.route('**/pagefind/*/*.pf_meta', (route) => route.fulfill({ status: 200, body: 'garbage' }));
  await searchPage(page, 'zh-hant', '制裁');
  await expect(page.locator('[data-search-status]')).toHaveText(/搜尋暫時無法使用/);
});

test('a missing piece of the index is not mistaken for "no results"', async ({ page }) => {
  await page.route('**/pagefind/*/index/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await searchPage(page, 'zh-hans', '制裁');
  await expect(page.locator('[data-search-status]')).toHaveText(/搜索暂时无法使用/);
});
