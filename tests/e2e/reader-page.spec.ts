/**
 * The reader's page on a phone and on paper, in both scripts: the sections
 * at hand, the body on the first screen, a link on every paragraph, sharing,
 * dates, print measure and provenance, the About page and the search page
 * without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { siteSections } from '../../src/view/navigation.ts';
import { scripts } from '../../src/site/scripts.ts';
import zhHans from '../../src/i18n/zh-hans.ts';
import zhHant from '../../src/i18n/zh-hant.ts';
import { article, noLimits, renderedCharacters, renderedLines, xi } from './helpers.ts';

const strings = { 'zh-hant': zhHant, 'zh-hans': zhHans } as const;

/**
 * How many characters each rendered line of the elements' text holds: its
 * width in em of the text's size, which for Han text is its number of
 * characters (a Latin word counts by its width, not its letters).
 */
async function charactersPerLine(page: Page, selector: string): Promise<number[]> {
  const elements = await renderedCharacters(page, selector);
  return elements.flatMap(({ chars, fontSize }) =>
    renderedLines(chars).map((line) => {
      const left = Math.min(...line.map((char) => char.left));
      const right = Math.max(...line.map((char) => char.right));
      return Math.round((right - left) / fontSize);
    }),
  );
}

for (const script of scripts) {
  const t = strings[script];

  test.describe(`${script} on a 390 × 844 phone`, () => {
    test.use({ viewport: { width: 390, height: 844 } });

    for (const javaScriptEnabled of [true, false]) {
      test(`every section of the site is a visible link${javaScriptEnabled ? '' : ', without JavaScript'}`, async ({
        browser,
      }) => {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
        const page = await context.newPage();
        await page.goto(article(script, xi));
        for (const section of siteSections) {
          const link = page
            .getByRole('navigation', { name: t.mainNav })
            .locator(`a[href="/${script}/${section.key}"]`)
            .filter({ visible: true });
          await expect(link).toHaveCount(1);
          await expect(link).toBeInViewport({ ratio: 1 });
          await expect(link).toHaveText(t[section.label]);
        }
        await context.close();
      });
    }

    for (const slug of [xi, noLimits]) {
      test(`${slug}: the headline comes first and the body starts on the first screen`, async ({ page }) => {
        await page.goto(article(script, slug));
        const headline = await page.locator('h1').boundingBox();
        expect(headline?.y).toBeLessThan(200);
        const firstLine = await page.$eval('.article__body > p', (paragraph) => {
          const range = document.createRange();
          range.setStart(paragraph.firstChild ?? paragraph, 0);
          range.setEnd(paragraph.firstChild ?? paragraph, 1);
          return range.getClientRects()[0]?.bottom ?? Number.POSITIVE_INFINITY;
        });
        expect(firstLine).toBeLessThanOrEqual(844);
      });
    }
  });

  test(`${script}: every paragraph of the body has a ¶ link to itself, which adds no text`, async ({ page }) => {
    for (const slug of [xi, noLimits]) {
      await page.goto(article(script, slug));
      const paragraphs = await page.$$eval('.article__body > p', (elements) =>
        elements.map((paragraph) => {
          const links = paragraph.querySelectorAll(':scope > a.para-link');
          return {
            id: paragraph.id,
            href: links[0]?.getAttribute('href'),
            label: links[0]?.getAttribute('aria-label'),
            links: links.length,
            text: links[0]?.textContent,
          };
        }),
      );
      expect(paragraphs.length).toBeGreaterThan(5);
      paragraphs.forEach(({ id, href, label, links, text }, index) => {
        expect(id).toBe(`p${index + 1}`);
        expect(links).toBe(1);
        expect(href).toBe(`#${id}`);
        expect(label).toBe(t.paragraphLink(index + 1));
        expect(text).toBe('');
      });
    }
  });
}

test('a ¶ link shows on hover and on focus', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  const link = page.locator('#p3 > .para-link');
  await expect(link).toHaveCSS('opacity', '0');
  await page.locator('#p3').hover();
  await expect(link).not.toHaveCSS('opacity', '0');
  await page.mouse.move(0, 0);
  await link.focus();
  await expect(link).toHaveCSS('opacity', '1');
  expect(await link.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"¶"');
});

test('a ¶ link copies the paragraph’s address and says so, without a jump', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(article('zh-hans', xi));
  await page.locator('#p5').scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  await page.locator('#p5').hover();
  await page.locator('#p5 > .para-link').click();
  await expect(page.locator('[data-paragraph-status]')).toHaveText('已复制本段链接');
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#p5`);
  await expect(page).toHaveURL(/#p5$/);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a ¶ link opens the paragraph', async ({ page }) => {
    await page.goto(article('zh-hant', noLimits));
    await page.locator('#p4').hover();
    await page.locator('#p4 > .para-link').click();
    await expect(page).toHaveURL(/#p4$/);
    await expect(page.locator('#p4')).toBeInViewport();
  });

  test('the share button, which needs JavaScript, is not shown', async ({ page }) => {
    await page.goto(article('zh-hant', xi));
    await expect(page.locator('[data-share]')).toBeHidden();
  });

  test('the search page cannot fill its box from ?q=, so it says why and offers the topics and sections', async ({ page }) => {
    await page.goto('/zh-hant/search/?q=制裁');
    await expect(page.locator('#search-page-input')).toHaveValue('');
    await expect(page.locator('main')).toContainText('搜尋需要 JavaScript');
    const browse = page.locator('nav.browse');
    await expect(browse.locator('a[href="/zh-hant/topics/sanctions/"]')).toHaveText('制裁');
    await expect(browse.locator('a[href="/zh-hant/"]')).toBeVisible();
    await expect(browse.locator('a[href="/zh-hant/topics/"]')).toBeVisible();
    // The form itself works: it submits the words typed to the same page.
    await page.locator('#search-page-input').fill('米舒斯京');
    await page.locator('#search-page-input').press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/search\/\?q=%E7%B1%B3/);
  });
});

test('with JavaScript the search page keeps the query in its box; the lists for browsing without it go', async ({ page }) => {
  await page.goto('/zh-hans/search/?q=制裁');
  await expect(page.locator('#search-page-input')).toHaveValue('制裁');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
  // Hidden at once, above the results, so nothing the reader sees shifts when the results come.
  await expect(page.locator('nav.browse')).toBeHidden();
});

test('sharing uses the device’s share sheet with the canonical address', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      value: (data: ShareData) => {
        (window as unknown as { shared: ShareData }).shared = data;
        return Promise.resolve();
      },
    });
  });
  await page.goto(article('zh-hant', xi));
  const button = page.locator('[data-share-button]');
  await expect(button).toHaveText('分享');
  await button.click();
  const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
  expect(shared.url).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
  expect(shared.title).toBe(await page.locator('h1').textContent());
});

test('without a share sheet the button copies the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(article('zh-hans', noLimits));
  const button = page.locator('[data-share-button]');
  await expect(button).toHaveText('复制链接');
  await button.click();
  await expect(page.locator('[data-share-status]')).toHaveText('已复制链接');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await page.locator('link[rel="canonical"]').getAttribute('href'),
  );
});

test('a long article ends with a link back to the top', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  const back = page.locator('.back-to-top a');
  await expect(back).toHaveText('回到頁首');
  await back.scrollIntoViewIfNeeded();
  await back.click();
  await expect(page.locator('h1')).toBeInViewport();
});

test('the reading time is short and does not explain its method; the About page does', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  await expect(page.locator('.article__header .meta')).not.toContainText('400');
  await page.goto('/zh-hant/about/');
  await expect(page.locator('main')).toContainText('每分鐘約 400 個漢字');
});

for (const script of scripts) {
  test(`${script}: printed on A4, the body has at most 40 characters a line, and the paper says where it came from`, async ({
    page,
  }) => {
    // A4 is 794 CSS px wide: a page at least as wide as the printed one.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(article(script, xi));
    await page.emulateMedia({ media: 'print' });
    const lines = await charactersPerLine(page, '.article__body > p');
    expect(Math.max(...lines)).toBeLessThanOrEqual(40);
    expect(Math.max(...lines)).toBeGreaterThanOrEqual(30);
    const provenance = page.locator('.print-provenance');
    await expect(provenance).toBeVisible();
    await expect(provenance).toContainText(strings[script].siteName);
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
    await expect(provenance).toContainText(canonical);
    const today = await page.evaluate(() => {
      const now = new Date();
      return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    });
    await expect(provenance.locator('time')).toHaveAttribute('datetime', today);
    await expect(provenance.locator('time')).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
    for (const hidden of ['.site-header', '.site-nav', '.para-link', '.share', '.back-to-top'])
      await expect(page.locator(hidden).first()).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(provenance).toBeHidden();
  });
}

test('the About page exists in both scripts, each in its own script', async ({ page }) => {
  await page.goto('/zh-hant/about/');
  await expect(page.locator('h1')).toHaveText('關於本站');
  await expect(page.locator('main h2')).toHaveCount(5);
  await expect(page.locator('main')).toContainText('更正');
  await expect(page.locator('main code').first()).toHaveText('-{文字}-');
  await page.locator('.script-switch').click();
  await expect(page).toHaveURL('/zh-hans/about/');
  await expect(page.locator('h1')).toHaveText('关于本站');
  await expect(page.locator('main')).toContainText('繁简转换怎么做');
});

test('the home page says what the site is, and links to the About page', async ({ page }) => {
  await page.goto('/zh-hant/');
  await expect(page.locator('.tagline')).toContainText(zhHant.tagline);
  await expect(page.locator('.tagline a')).toHaveAttribute('href', '/zh-hant/about/');
  await expect(page.locator('.site-footer')).toContainText(zhHant.tagline);
});
