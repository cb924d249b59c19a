/** Reading: the home page, an article page and the 404 page, with and without JavaScript. */
import { expect, test } from '@playwright/test';
import { article, noLimits, xi } from './helpers.ts';

for (const script of ['zh-hant', 'zh-hans'] as const) {
  test(`${script}: the home page lists every article, newest first, with its details`, async ({ page }) => {
    await page.goto(`/${script}/`);
    const cards = page.locator('.article-card');
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0).locator('a').first()).toHaveAttribute('href', article(script, xi));
    await expect(cards.nth(1).locator('a').first()).toHaveAttribute('href', article(script, noLimits));
    for (const card of await cards.all()) {
      await expect(card.locator('.article-card__summary')).not.toBeEmpty();
      await expect(card.locator('.byline')).not.toBeEmpty();
      await expect(card.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
      await expect(card.locator('.topic-list li').first()).toBeVisible();
    }
    await expect(cards.nth(0).locator('time')).toHaveText('2025年11月5日');
  });
}

test('an article page shows headline, lead, byline with roles, dateline, date and reading time', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.article__summary')).toContainText('米舒斯京');
  await expect(page.locator('.article__header .byline__role')).toHaveText(['撰稿人', '責任編輯']);
  await expect(page.locator('.article__dateline')).toHaveText('Lia. Independent Media 台北報導');
  await expect(page.locator('.article__header time')).toHaveAttribute('datetime', '2025-11-05');
  await expect(page.locator('.article__header .meta')).toContainText(/約 \d+ 分鐘讀完/);
  await expect(page.locator('.article__header .meta')).toContainText(/全文 [\d,]+ 字/);
});

test('the table of contents links to sections that exist', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  for (const variant of ['.toc--folded', '.toc--beside']) {
    const links = page.locator(`${variant} a`);
    await expect(links).toHaveCount(6);
    for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))) {
      await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toHaveCount(1);
    }
  }
});

test('the table of contents is folded above the text, and open beside it on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(article('zh-hant', xi));
  const contents = page.getByRole('navigation', { name: '目錄' });
  await expect(contents).toHaveCount(1);
  const first = contents.getByRole('link').first();
  await expect(first).toBeHidden();
  await contents.getByText('目錄').click();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.locator('[id="全文"]')).toBeInViewport();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(article('zh-hant', xi));
  await expect(contents).toHaveCount(1);
  await expect(contents.getByRole('link')).toHaveCount(6);
  const side = await contents.boundingBox();
  const body = await page.locator('.article__body').boundingBox();
  expect(side?.x ?? 0).toBeGreaterThanOrEqual((body?.x ?? 0) + (body?.width ?? 0));
  expect((side?.x ?? 0) + (side?.width ?? 0)).toBeLessThanOrEqual(1280);
  // It stays beside the text as the text scrolls.
  await page.locator('#p20').evaluate((paragraph) => paragraph.scrollIntoView());
  await expect(contents).toBeInViewport();
});

test('sources are a list of external links that open elsewhere safely', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  const links = page.locator('.sources a');
  await expect(links).toHaveCount(7);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(link).toHaveAttribute('rel', /noreferrer/);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toContainText('外部連結');
  }
});

test('corrections and the editors’ headline are recorded on the page', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  const notes = page.locator('.editor-notes');
  await expect(notes).toContainText('犧C牲');
  await expect(notes).toContainText('犧牲');
  await expect(notes).toContainText('標題由本站編輯');
  await page.goto(article('zh-hans', xi));
  await expect(page.locator('.editor-notes')).toContainText('牺牲');
});

test('paragraphs have stable anchors a reader can link to', async ({ page }) => {
  await page.goto(`${article('zh-hant', xi)}#p12`);
  await expect(page.locator('#p12')).toBeInViewport();
  await expect(page.locator('.article__body > p').first()).toHaveId('p1');
});

test('the two articles are related by topic and linked as previous and next', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  await expect(page.locator('.related a')).toHaveAttribute('href', article('zh-hant', noLimits));
  await expect(page.locator('.article-nav a[rel="prev"]')).toHaveAttribute('href', article('zh-hant', noLimits));
  await page.goto(article('zh-hant', noLimits));
  await expect(page.locator('.article-nav a[rel="next"]')).toHaveAttribute('href', article('zh-hant', xi));
});

test('a topic page lists the articles of that topic', async ({ page }) => {
  await page.goto('/zh-hans/topics/china-russia/');
  await expect(page.locator('h1')).toContainText('中俄关系');
  await expect(page.locator('.article-card')).toHaveCount(2);
  await page.goto('/zh-hant/topics/nato/');
  await expect(page.locator('.article-card')).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article reads in full and the switch is a plain link', async ({ page }) => {
    await page.goto(article('zh-hans', noLimits));
    await expect(page.locator('.article__body > p')).toHaveCount(8);
    await expect(page.locator('.article__body')).toContainText('美英澳三国安全同盟AUKUS');
    await page.locator('.script-switch').click();
    await expect(page).toHaveURL(article('zh-hant', noLimits));
    await expect(page.locator('.article__body')).toContainText('美英澳三國安全同盟AUKUS');
  });

  test('the search page says that search needs JavaScript, in the reader’s script', async ({ page }) => {
    await page.goto('/zh-hant/search/?q=制裁');
    await expect(page.locator('main')).toContainText('搜尋需要 JavaScript');
    await page.goto('/zh-hans/search/?q=制裁');
    await expect(page.locator('main')).toContainText('搜索需要 JavaScript');
  });

  test('the site root lets the reader choose a script', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('a[data-choose-script="zh-hant"]')).toHaveText('繁體中文');
    await expect(page.locator('a[data-choose-script="zh-hans"]')).toHaveText('简体中文');
  });
});

test('a missing page answers 404 with a page in the reader’s script', async ({ page }) => {
  const response = await page.goto('/zh-hans/articles/no-such-article/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('找不到这个页面');
  const root = await page.goto('/no-such-page');
  expect(root?.status()).toBe(404);
  await expect(page.locator('main')).toContainText('找不到這個頁面');
});

test('pages declare their feed, canonical URL and language alternates', async ({ page }) => {
  await page.goto(article('zh-hans', xi));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', '/zh-hans/rss.xml');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/zh-hans\/articles\/xi-mishustin-after-trump-summit-2025\/$/,
  );
  await expect(page.locator('link[hreflang="zh-Hant"]')).toHaveAttribute(
    'href',
    /\/zh-hant\/articles\/xi-mishustin-after-trump-summit-2025\/$/,
  );
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'zh_CN');
});

test.describe('on a 320 px wide phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of ['/zh-hant/', '/zh-hans/articles/xi-mishustin-after-trump-summit-2025/', '/zh-hant/search/?q=制裁']) {
    test(`${path} fits the screen, with the switch and the search box at hand`, async ({ page }) => {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await expect(page.locator('.script-switch')).toBeInViewport();
      await expect(page.locator('#site-search')).toBeInViewport();
    });
  }
});

test('the print stylesheet prints the article and its sources with their URLs, without navigation', async ({ page }) => {
  await page.goto('/zh-hant/articles/xi-mishustin-after-trump-summit-2025/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  for (const contents of await page.locator('.toc').all()) await expect(contents).toBeHidden();
  await expect(page.locator('.article__body')).toBeVisible();
  const printed = await page
    .locator('.sources a')
    .first()
    .evaluate((link) => getComputedStyle(link, '::after').content);
  expect(printed).toContain('https://www.reuters.com/');
});
