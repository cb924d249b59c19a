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
import { pdfPageTexts } from './pdf-text.ts';
import { decodePng, inkContrast, inkWidth } from './pixels.ts';

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

  test(`${script}: every paragraph of the body has a ¶ link to itself, which adds no text and which screen readers do not meet`, async ({
    page,
  }) => {
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
      // The accessibility tree, as a screen reader reads it: no ¶ link, and one button for them all.
      await expect(page.getByRole('link', { name: t.paragraphLink(1) })).toHaveCount(0);
      await expect(page.getByRole('link', { name: /段的[連链]/ })).toHaveCount(0);
      await expect(page.getByRole('button', { name: t.copyParagraphLink, includeHidden: true })).toHaveCount(1);
    }
  });
}

/** The contrast of the ¶ of paragraph `id` as painted: its glyph's darkest pixels against the paper around it. */
async function paragraphMarkContrast(page: Page, id: string): Promise<number> {
  const box = await page.locator(`#${id} > .para-link`).boundingBox();
  const paragraph = await page.locator(`#${id}`).boundingBox();
  if (!box || !paragraph) return 1;
  // Only the margin: on a phone the link's target reaches into the text, whose ink is not the ¶'s.
  const clip = { x: box.x, y: box.y, width: Math.min(box.x + box.width, paragraph.x) - box.x, height: box.height };
  return inkContrast(decodePng(await page.screenshot({ clip })));
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [320, 1280]) {
    test(`${colorScheme}, ${width} px: the header’s search box shows its hint whole and as legible as text`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      await page.goto(article('zh-hant', xi));
      const box = page.locator('#site-search');
      await expect(box).toHaveAttribute('placeholder', zhHant.searchPlaceholder);
      // Inside the border: the placeholder's strokes against the box's own background.
      const outer = await box.boundingBox();
      if (!outer) throw new Error('no box');
      const clip = { x: outer.x + 3, y: outer.y + 3, width: outer.width - 6, height: outer.height - 6 };
      expect(inkContrast(decodePng(await page.screenshot({ clip })))).toBeGreaterThanOrEqual(4.5);
      // The whole hint shows: drawn as wide in the box as in a box with room to spare.
      const shown = inkWidth(decodePng(await page.screenshot({ clip })));
      await box.evaluate((input) => {
        input.style.minInlineSize = '12rem';
        // What the wider box now overlaps is put out of sight, so that only the hint is drawn in it.
        for (const other of document.querySelectorAll<HTMLElement>('.site-header button, .script-choice'))
          other.style.visibility = 'hidden';
      });
      const roomy = (await box.boundingBox()) ?? outer;
      const inside = { x: roomy.x + 3, y: roomy.y + 3, width: roomy.width - 6, height: roomy.height - 6 };
      const whole = inkWidth(decodePng(await page.screenshot({ clip: inside })));
      expect(shown).toBeGreaterThan(40);
      expect(shown).toBeGreaterThanOrEqual(whole - 1);
      await context.close();
    });
  }
}

test('with a mouse, a ¶ link shows on hover, as legible as text', async ({ page }) => {
  await page.goto(article('zh-hant', xi));
  const link = page.locator('#p3 > .para-link');
  await page.locator('#p3').scrollIntoViewIfNeeded();
  expect(await paragraphMarkContrast(page, 'p3')).toBeLessThan(1.1);
  await page.locator('#p3').hover();
  expect(await link.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"¶"');
  expect(await paragraphMarkContrast(page, 'p3')).toBeGreaterThanOrEqual(4.5);
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test(`on a ${viewport.width} px touch screen every ¶ link is shown, legible, a 24 px target on the screen`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport, hasTouch: true });
    const page = await context.newPage();
    await page.goto(article('zh-hant', xi));
    await page.locator('#p3').scrollIntoViewIfNeeded();
    expect(await paragraphMarkContrast(page, 'p3')).toBeGreaterThanOrEqual(4.5);
    for (const box of await page
      .locator('.para-link')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect()))) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.left).toBeGreaterThanOrEqual(0);
    }
    await context.close();
  });
}

test('a tap on a ¶ link copies the paragraph’s address and says which, without a jump', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(article('zh-hans', xi));
  await page.locator('#p5').scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  await page.locator('#p5 > .para-link').tap();
  await expect(page.locator('[data-paragraph-status]')).toHaveText(zhHans.paragraphLinkCopied(5));
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#p5`);
  await expect(page).toHaveURL(/#p5$/);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await context.close();
});

test('the keyboard’s one copy button, second in the Tab order, copies the link of the paragraph on the screen', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(article('zh-hant', xi));
  await page.locator('#p12').evaluate((paragraph) => paragraph.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -20);
  await page.waitForTimeout(100);
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: zhHant.copyParagraphLink });
  await expect(button).toBeFocused();
  await expect(button).toBeInViewport({ ratio: 1 });
  // The first paragraph that starts below the header, whichever that is: read from the boxes, not from the page's code.
  const shown = await page.evaluate(() => {
    const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    return [...document.querySelectorAll('.article__body > p[id]')].find(
      (paragraph) => paragraph.getBoundingClientRect().top >= top,
    )?.id;
  });
  expect(shown).toMatch(/^p\d+$/);
  await page.keyboard.press('Enter');
  const number = Number(shown?.slice(1));
  await expect(page.locator('[data-paragraph-status]')).toHaveText(zhHant.paragraphLinkCopied(number));
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#${shown}`);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  // Focus moves on to the header, still without a jump.
  await page.keyboard.press('Tab');
  await expect(page.locator('.site-name')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
});

test('the copy button takes the paragraph in the address when it is on the screen', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${article('zh-hans', noLimits)}#p4`);
  // Tab goes on from the paragraph the address named; the reader comes back to the button with Shift+Tab.
  await page.getByRole('link', { name: zhHans.skipToContent }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: zhHans.copyParagraphLink })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-paragraph-status]')).toHaveText(zhHans.paragraphLinkCopied(4));
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
    await expect(page.locator('[data-share]')).toHaveCount(2);
    for (const share of await page.locator('[data-share]').all()) await expect(share).toBeHidden();
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
  for (const button of await page.locator('[data-share-button]').all()) {
    await expect(button).toHaveText('分享');
    await button.click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
    expect(shared.url).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
    expect(shared.title).toBe(await page.locator('h1').textContent());
  }
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width} × ${viewport.height} sharing is on the first screen, by the byline, and again at the end`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(article('zh-hant', xi));
    const buttons = page.locator('[data-share-button]');
    await expect(buttons).toHaveCount(2);
    await expect(buttons.first()).toBeInViewport({ ratio: 1 });
    const byline = await page.locator('.article__header .byline').boundingBox();
    const near = await buttons.first().boundingBox();
    expect((near?.y ?? 0) - ((byline?.y ?? 0) + (byline?.height ?? 0))).toBeLessThan(80);
    const body = await page.locator('.article__body').boundingBox();
    const end = await buttons.last().boundingBox();
    expect(end?.y ?? 0).toBeGreaterThan((body?.y ?? 0) + (body?.height ?? 0));
  });
}

test('without a share sheet the button copies the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(article('zh-hans', noLimits));
  const button = page.locator('[data-share-button]').last();
  await expect(button).toHaveText('复制链接');
  await button.click();
  await expect(page.locator('[data-share-status]').last()).toHaveText('已复制链接');
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

for (const script of scripts) {
  for (const javaScriptEnabled of [true, false]) {
    test(`${script}: every printed page names the site, the article and its date, its address and the page${javaScriptEnabled ? '' : ', without JavaScript'}`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(article(script, xi));
      const headline = ((await page.locator('h1').textContent()) ?? '').replace(/\s+/g, '');
      const published = ((await page.locator('.article__header time').first().textContent()) ?? '').trim();
      const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
      // The printout itself, as Chromium makes it, its text read page by page.
      const sheets = pdfPageTexts(await page.pdf({ preferCSSPageSize: true })).map((text) => text.replace(/\s+/g, ''));
      expect(sheets.length).toBeGreaterThan(2);
      sheets.forEach((sheet, index) => {
        const at = `page ${index + 1}`;
        expect(sheet, at).toContain(strings[script].siteName);
        expect(sheet, at).toContain(headline);
        expect(sheet, at).toContain(published);
        expect(sheet, at).toContain(canonical);
        expect(sheet, at).toContain(`${index + 1}/${sheets.length}`);
      });
      await context.close();
    });
  }
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
