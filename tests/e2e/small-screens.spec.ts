/**
 * The smallest screen the site promises, 320 × 640, in both scripts: the
 * sections' bar readable, nothing wider than the screen on any page type
 * (nor the header's search results), and an article's first lines of text
 * on the first screen there and on a 1280 × 800 laptop.
 */
import { expect, test, type Page } from '@playwright/test';
import { siteSections } from '../../src/view/navigation.ts';
import { scripts } from '../../src/site/scripts.ts';
import zhHans from '../../src/i18n/zh-hans.ts';
import zhHant from '../../src/i18n/zh-hant.ts';
import { article, noLimits, pageTypes, xi } from './helpers.ts';

const strings = { 'zh-hant': zhHant, 'zh-hans': zhHans } as const;
const phone = { width: 320, height: 640 };

/** Elements that reach past either edge of the viewport, unless a scrolling ancestor holds them. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrolledInside = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || element.closest('.visually-hidden')) return false;
        return (box.right > innerWidth + 0.5 || box.left < -0.5) && !scrolledInside(element);
      })
      .map(
        (element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`,
      )
      .concat(
        document.documentElement.scrollWidth > innerWidth ? [`the page scrolls to ${document.documentElement.scrollWidth}`] : [],
      );
  });
}

/**
 * How many lines of the article body are wholly on the first screen, below
 * the sticky header: the distinct line boxes of the body's text.
 */
function bodyLinesOnFirstScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const body = document.querySelector('.article__body');
    const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    if (!body) return 0;
    const lines = new Set<number>();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        if (rect.height > 0 && rect.top >= top && rect.bottom <= innerHeight) lines.add(Math.round(rect.bottom / 4));
    }
    return lines.size;
  });
}

for (const script of scripts) {
  const t = strings[script];

  test.describe(`${script} at 320 × 640`, () => {
    test.use({ viewport: phone });

    test('the sections’ bar shows every label whole, on one line, on the screen', async ({ page }) => {
      await page.goto(article(script, xi));
      const labels = await page.locator('.site-nav--bar a').evaluateAll((links) =>
        links.map((link) => {
          const range = document.createRange();
          range.selectNodeContents(link);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          const box = link.getBoundingClientRect();
          return { text: link.textContent?.trim(), lines: lines.size, left: box.left, right: box.right };
        }),
      );
      expect(labels.map(({ text }) => text)).toEqual(siteSections.map(({ label }) => t[label]));
      for (const { text, lines, left, right } of labels) {
        expect(lines, `${text} on one line`).toBe(1);
        expect(left, `${text} on the screen`).toBeGreaterThanOrEqual(0);
        expect(right, `${text} on the screen`).toBeLessThanOrEqual(phone.width);
      }
    });

    test('no page type is wider than the screen', async ({ page }) => {
      for (const path of pageTypes(script)) {
        await page.goto(path);
        expect(await overflowing(page), path).toEqual([]);
      }
    });

    test('the header’s search results stay on the screen', async ({ page }) => {
      await page.goto(`/${script}/`);
      await page.locator('#site-search').fill('制裁');
      await expect(page.locator('#site-search-results [role="option"]').first()).toBeVisible();
      expect(await overflowing(page)).toEqual([]);
    });
  });

  for (const viewport of [phone, { width: 1280, height: 800 }]) {
    test(`${script}: at ${viewport.width} × ${viewport.height} an article’s first lines are on the first screen`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      for (const slug of [xi, noLimits]) {
        await page.goto(article(script, slug));
        expect(await bodyLinesOnFirstScreen(page), slug).toBeGreaterThanOrEqual(3);
      }
    });
  }
}
