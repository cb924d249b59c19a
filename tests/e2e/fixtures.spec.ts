/**
 * The fixture articles of tests/fixtures/content, built by `npm run
 * build:fixtures` and read in Chromium in both scripts: an article written
 * in Simplified (zh-CN), and a Traditional one with inline rules, footnotes
 * and code. Each page must be in its script, whichever the author wrote.
 */
import { expect, test, type Page } from '@playwright/test';
import { guardText } from '../../src/checks/script-guard.ts';
import { checkArticleCards } from './share-card-check.ts';
import { scripts, type Script } from '../../src/site/scripts.ts';

const simplifiedSource = 'fixture-astana-diplomacy';
const withRules = 'fixture-literature-rules';
const article = (script: Script, slug: string): string => `/${script}/articles/${slug}/`;

/** The text a reader sees in the article, outside code. */
async function articleText(page: Page): Promise<string> {
  return page.$eval('article', (element) => {
    const clone = element.cloneNode(true) as HTMLElement;
    for (const code of clone.querySelectorAll('code, pre')) code.remove();
    return clone.innerText;
  });
}

test.describe('an article written in Simplified script', () => {
  test('its Simplified page is the author’s text', async ({ page }) => {
    await page.goto(article('zh-hans', simplifiedSource));
    await expect(page.locator('h1')).toHaveText('中俄关系迎来新考验：从北京到阿斯塔纳的外交棋局');
    await expect(page.locator('#p2')).toContainText('外交学院教授范志刚在接受本报采访时表示，中俄关系近年来保持高水平运行');
    await expect(page.locator('#p2')).toContainText('“两国在中亚的利益');
  });

  test('its Traditional page is in Taiwan-standard characters, with the site’s pins and its own names', async ({ page }) => {
    await page.goto(article('zh-hant', simplifiedSource));
    await expect(page.locator('h1')).toHaveText('中俄關係迎來新考驗：從北京到阿斯塔納的外交棋局');
    await expect(page).toHaveTitle(/^中俄關係迎來新考驗/);
    await expect(page.locator('#p2')).toContainText('外交學院教授范志剛在接受本報採訪時表示，中俄關係近年來');
    await expect(page.locator('#p3')).toContainText('總統托卡耶夫');
    await expect(page.locator('#p3')).toContainText('，並為參會各國代表團提供簽證便利');
    await expect(page.locator('#p4')).toContainText('研究員于文濤指出');
    await expect(page.locator('#p4')).toContainText('西方對俄制裁的範圍');
    await expect(page.locator('#p5')).toContainText('馬里等薩赫勒國家');
    await expect(page.locator('.article__summary')).toContainText('「不封頂」的夥伴關係');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /「不封頂」的夥伴關係/);
    await expect(page.locator('.byline')).toContainText('本報記者');
  });

  test('its heading ids and table of contents are the same in both scripts', async ({ page }) => {
    const ids: string[][] = [];
    for (const script of scripts) {
      await page.goto(article(script, simplifiedSource));
      ids.push(await page.$$eval('.article__body :is(h2, h3)[id]', (headings) => headings.map((heading) => heading.id)));
    }
    expect(ids[0]).toEqual(ids[1]);
    await page.goto(article('zh-hant', simplifiedSource));
    await expect(page.locator('.toc--folded')).toContainText('中亞的平衡術');
  });
});

test('an updated article shows the day it was updated beside the day it was published, both as <time>', async ({ page }) => {
  for (const [script, updated] of [
    ['zh-hant', '更新於 2025年11月2日'],
    ['zh-hans', '更新于 2025年11月2日'],
  ] as const) {
    await page.goto(article(script, simplifiedSource));
    const times = page.locator('.article__header .meta time');
    await expect(times).toHaveCount(2);
    await expect(times.nth(0)).toHaveAttribute('datetime', '2025-10-30');
    await expect(times.nth(1)).toHaveAttribute('datetime', '2025-11-02');
    await expect(page.locator('.article__header .meta')).toContainText(updated);
  }
  await page.goto(article('zh-hant', withRules));
  await expect(page.locator('.article__header .meta time')).toHaveCount(1);
});

test.describe('an article with inline rules', () => {
  test('-{…}- keeps its text on every page; -{zh-hans:…;zh-hant:…}- gives each script its own', async ({ page }) => {
    await page.goto(article('zh-hans', withRules));
    await expect(page.locator('h1')).toHaveText('文学翻译成为软实力新战场');
    await expect(page).toHaveTitle(/^文学翻译成为软实力新战场/);
    await expect(page.locator('#p3')).toContainText('《关于推动出版业高质量发展的意见》');
    await expect(page.locator('#p3')).toContainText('在软件与版权贸易上');
    await page.goto(article('zh-hant', withRules));
    await expect(page.locator('h1')).toHaveText('文學翻譯成為軟實力新戰場');
    await expect(page.locator('#p3')).toContainText('《关于推动出版业高质量发展的意见》');
    await expect(page.locator('#p3')).toContainText('在軟體與版權貿易上');
  });

  test('rule markers reach no page, title or meta tag', async ({ page }) => {
    for (const script of scripts) {
      await page.goto(article(script, withRules));
      expect(await page.content()).not.toMatch(/-\{(?!不是規則)|\}-(?<!規則\}-)/);
    }
  });

  test('Simplified keeps 於 (a surname), 瞭 and 著 where they are right, and a phrase across markup', async ({ page }) => {
    await page.goto(article('zh-hans', withRules));
    await expect(page.locator('#p1')).toContainText('旅美作家於梨华的著作');
    await expect(page.locator('#p1')).toContainText('成效显著');
    await expect(page.locator('#p1 strong')).toHaveText('著');
    await expect(page.locator('#p2')).toContainText('“瞭望台”');
    await expect(page.locator('#p2')).toContainText('土著文学');
  });

  test('code is shown as written in both scripts', async ({ page }) => {
    for (const script of scripts) {
      await page.goto(article(script, withRules));
      await expect(page.locator('#p4 code').first()).toHaveText('發展');
      await expect(page.locator('#p4 code').nth(1)).toHaveText('发展');
      await expect(page.locator('pre code')).toHaveText('中文 發展 发展 「引號」 -{不是規則}-\n');
    }
  });

  test('the footnotes are labelled in the page’s script', async ({ page }) => {
    await page.goto(article('zh-hans', withRules));
    await expect(page.locator('#footnote-label')).toHaveText('注释');
    await expect(page.locator('[data-footnote-backref]')).toHaveAttribute('aria-label', '返回注释 1 的引用处');
    await page.goto(article('zh-hant', withRules));
    await expect(page.locator('#footnote-label')).toHaveText('註釋');
    await expect(page.locator('body')).not.toContainText('Footnotes');
  });
});

test.describe('every fixture page is in its script', () => {
  for (const script of scripts) {
    for (const slug of [simplifiedSource, withRules]) {
      test(`${article(script, slug)} holds no character or quotation mark of another script`, async ({ page }) => {
        await page.goto(article(script, slug));
        // The one rule that keeps a Simplified document title on the Traditional page is let stand.
        const fixed = new Set(['关于推动出版业高质量发展的意见']);
        expect(guardText(await articleText(page), script, fixed)).toEqual([]);
        const quotes = script === 'zh-hant' ? /[“”]/ : /[「」『』]/;
        expect(await articleText(page)).not.toMatch(quotes);
      });
    }
  }

  test('the feeds carry the converted text', async ({ request }) => {
    const hant = await (await request.get('/zh-hant/rss.xml')).text();
    expect(hant).toContain('中俄關係迎來新考驗');
    expect(hant).toContain('范志剛');
    const hans = await (await request.get('/zh-hans/rss.xml')).text();
    expect(hans).toContain('文学翻译成为软实力新战场');
    expect(hans.replace(/&lt;code&gt;[\s\S]*?&lt;\/code&gt;/g, '')).not.toContain('-{');
  });

  test('a search typed in either script finds the Simplified-source article on a Traditional page', async ({ page }) => {
    for (const query of ['范志剛', '中俄关系', '托卡耶夫']) {
      await page.goto(`/zh-hant/search/?q=${encodeURIComponent(query)}`);
      await expect(page.locator('[data-search-results]')).toContainText('中俄關係迎來新考驗');
    }
  });
});

test.describe('an article with a lead photo and a figure', () => {
  const slug = 'fixture-harbour-photos';

  for (const script of scripts)
    for (const width of [320, 390, 1280])
      test(`at ${width} px in ${script}, every photo loads as AVIF from its published sizes, fits the screen and keeps its place`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 800 });
        const types: string[] = [];
        page.on('response', (response) => {
          if (response.url().includes('/photos/')) types.push(response.headers()['content-type'] ?? '');
        });
        await page.goto(article(script, slug));
        const images = page.locator('figure img');
        await expect(images).toHaveCount(2);
        for (const image of await images.all()) {
          await image.scrollIntoViewIfNeeded();
          await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
          const { currentSrc, drawn, ratio } = await image.evaluate((img: HTMLImageElement) => ({
            currentSrc: img.currentSrc,
            drawn: img.getBoundingClientRect().width,
            ratio: img.naturalWidth / img.naturalHeight,
          }));
          expect(currentSrc).toMatch(/\/photos\/[0-9a-f]{16}-\d+\.avif$/);
          expect(drawn).toBeLessThanOrEqual(width);
          expect(ratio).toBeCloseTo(1.5, 1);
        }
        // Nothing wider than the screen, photos included (a 1,600 px photo once made a phone page 1,616 px wide).
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(types.length).toBeGreaterThan(0);
        expect(new Set(types)).toEqual(new Set(['image/avif']));
      });

  test('the lead is loaded at once and preloaded; the figure waits, stands between paragraphs with its caption and credit', async ({
    page,
  }) => {
    await page.goto(article('zh-hans', slug));
    const lead = page.locator('.article__header figure img');
    await expect(lead).toHaveAttribute('loading', 'eager');
    await expect(lead).toHaveAttribute('fetchpriority', 'high');
    await expect(page.locator('link[rel="preload"][as="image"]')).toHaveCount(1);
    await expect(page.locator('.article__header figcaption')).toHaveText(
      '黄昏时分的维多利亚港，货轮在港内等候靠泊。陳大文／法新社 AFP',
    );
    const figure = page.locator('.article__body figure');
    await expect(figure.locator('img')).toHaveAttribute('loading', 'lazy');
    await expect(figure.locator('img')).toHaveAttribute('width', '1200');
    await expect(figure.locator('img')).toHaveAttribute('height', '800');
    await expect(figure.locator('figcaption')).toHaveText('葵涌货柜码头的夜班，起重机仍在运转。測試圖片社');
    expect(await figure.evaluate((node) => [node.previousElementSibling?.id, node.nextElementSibling?.id])).toEqual(['p1', 'p2']);
    // The original is never published.
    expect((await page.request.get('/images/harbour-lead.jpg')).status()).toBe(404);
    expect((await page.content()).includes('harbour-lead.jpg')).toBe(false);
  });
});

test('an article with a lead photo shares the photo, cropped to 1200 × 630, and names it in its NewsArticle data', async ({
  page,
  request,
}) => {
  for (const script of scripts) {
    await page.goto(article(script, 'fixture-harbour-photos'));
    const { card } = await checkArticleCards(page, request);
    expect(new URL(card).pathname).toMatch(/^\/photos\/[0-9a-f]{16}-card\.jpg$/);
  }
});

test.describe('author profiles', () => {
  test('the author page shows the profile in each script, from the byline’s link', async ({ page }) => {
    await page.goto(article('zh-hant', 'fixture-harbour-photos'));
    await page.locator('.byline a', { hasText: '測試記者' }).first().click();
    await expect(page.locator('.author-profile__bio')).toHaveText('跑港口與航運新聞十年，曾駐葵涌碼頭採訪夜班工人。');
    await expect(page.locator('.author-profile__position')).toHaveText('駐香港記者');
    await expect(page.locator('.author-profile__links a')).toHaveAttribute('href', 'https://example.org/reporter');
    await page.goto(article('zh-hans', 'fixture-harbour-photos'));
    await page.locator('.byline a', { hasText: '测试记者' }).first().click();
    await expect(page.locator('.author-profile__bio')).toHaveText('跑港口与航运新闻十年，曾驻葵涌码头采访夜班工人。');
    await expect(page.locator('.author-profile__links a')).toHaveText('个人网站');
  });

  test('an article names its profiled authors under the text; an author without a profile still has a page', async ({ page }) => {
    await page.goto(article('zh-hant', simplifiedSource));
    await expect(page.locator('.article__authors .author-profile__bio')).toHaveText('本報國際部記者，關注中俄關係與中亞事務。');
    await page.goto(article('zh-hant', withRules));
    await expect(page.locator('.article__authors')).toHaveCount(0);
    await page.locator('.byline a').first().click();
    await expect(page.locator('h1')).toHaveText('測試編輯');
    await expect(page.locator('.author-profile')).toHaveCount(0);
  });
});

test('a dated correction is shown on its article and, newest first, on the corrections page of each script', async ({ page }) => {
  await page.goto(article('zh-hant', 'fixture-harbour-photos'));
  await expect(page.locator('.editor-notes li').first()).toContainText('更正 2025年10月27日');
  await expect(page.locator('.editor-notes li time').first()).toHaveAttribute('datetime', '2025-10-27');
  for (const [script, expected] of [
    ['zh-hant', '原稿「連續兩個月回升」已更正為「連續三個月回升」。港口統計處的數字為連續三個月回升，初稿誤作兩個月。'],
    ['zh-hans', '原稿“连续两个月回升”已更正为“连续三个月回升”。港口统计处的数字为连续三个月回升，初稿误作两个月。'],
  ] as const) {
    await page.goto(`/${script}/`);
    await page.locator('.site-footer a[href$="/corrections/"]').click();
    const first = page.locator('.corrections-log li').first();
    await expect(first).toContainText(expected);
    await expect(first.locator('time')).toHaveAttribute('datetime', '2025-10-27');
    await expect(first.locator('a')).toHaveAttribute('href', `/${script}/articles/fixture-harbour-photos/`);
  }
  const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/zh-hant/corrections/</loc>');
});
