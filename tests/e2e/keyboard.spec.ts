/**
 * The keyboard, walked as a reader walks it with Tab, on every page type, at
 * phone, tablet and laptop widths: every stop visible and unobscured (WCAG
 * 2.2: 2.4.7, 2.4.11), the skip link, the ¶ links out of the order, the
 * search combobox reached and used without a mouse.
 */
import { expect, test } from '@playwright/test';
import { siteSections } from '../../src/view/navigation.ts';
import { scripts } from '../../src/site/scripts.ts';
import zhHant from '../../src/i18n/zh-hant.ts';
import { tabWalk, type TabStop } from './focus.ts';
import { article, pageTypes, xi } from './helpers.ts';

/** What is wrong with each stop of a walk, one line each: covered, focus not shown, too small, a ¶ link in the order. */
const problems = (stops: readonly TabStop[]): string[] =>
  stops.flatMap(({ element, href, obscured, undersized, changed = 0, needed = 0 }) => [
    ...(/^#p\d+$/.test(href ?? '') ? [`${element}: a ¶ link in the Tab order`] : []),
    ...(undersized === undefined ? [] : [`${element}: a ${undersized} target`]),
    ...(obscured > 0 ? [`${element}: covered or off screen`] : []),
    ...(changed < needed ? [`${element}: focus changes ${changed} px, fewer than ${needed}`] : []),
  ]);

const viewports = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];

for (const script of scripts) {
  for (const viewport of viewports) {
    test.describe(`${script} at ${viewport.width} × ${viewport.height}`, () => {
      test.use({ viewport });

      test('every Tab stop of an article shows its focus, nothing covers it, and no ¶ link is one', async ({ page }) => {
        await page.goto(article(script, xi));
        const stops = await tabWalk(page, { appearance: 'all' });
        expect(stops.length).toBeGreaterThan(20);
        expect(problems(stops)).toEqual([]);
      });
    });
  }

  for (const viewport of [viewports[0], viewports[3]]) {
    test(`${script} at ${viewport?.width} px: every Tab stop of every other page type shows its focus and is not covered`, async ({
      page,
    }) => {
      // Every page type, every stop photographed: past 30 s on two shared cores.
      test.setTimeout(120_000);
      await page.setViewportSize(viewport ?? { width: 320, height: 640 });
      const paths = pageTypes(script).filter((path) => !path.includes('/articles/'));
      for (const path of paths) {
        await page.goto(path);
        const stops = await tabWalk(page, { appearance: 'main' });
        expect(stops.length, path).toBeGreaterThan(5);
        expect(problems(stops).map((problem) => `${path} ${problem}`)).toEqual([]);
      }
    });
  }
}

test('the skip link is the first stop, shown above the header, and takes the reader to the text', async ({ page }) => {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(article('zh-hant', xi));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: zhHant.skipToContent });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport({ ratio: 1 });
    const box = await skip.boundingBox();
    const covered = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.skip-link') === null, {
      x: (box?.x ?? 0) + (box?.width ?? 0) / 2,
      y: (box?.y ?? 0) + (box?.height ?? 0) / 2,
    });
    expect(covered, `${viewport.width} px`).toBe(false);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(first, `${viewport.width} px: the next Tab stays in the text`).toBe(true);
  }
});

test('mid-article, Tab goes through the sticky header without moving the page', async ({ page }) => {
  for (const viewport of [viewports[0], viewports[3]]) {
    await page.setViewportSize(viewport ?? { width: 320, height: 640 });
    await page.goto(article('zh-hant', xi));
    await page.locator('#p12').evaluate((paragraph) => paragraph.scrollIntoView({ block: 'start' }));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);
    for (;;) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => document.activeElement?.closest('.site-header, .skip-link') !== null);
      if (!where) break;
      expect(await page.evaluate(() => window.scrollY), `${viewport?.width} px`).toBe(before);
    }
  }
});

test('the Tab order of an article: the keyboard’s two links, the header, the article’s own links in reading order, the footer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(article('zh-hant', xi));
  const names = (await tabWalk(page)).map(({ name }) => name);
  const t = zhHant;
  expect(names.slice(0, 15)).toEqual([
    t.skipToContent,
    t.copyParagraphLink,
    t.siteName,
    ...siteSections.map(({ label }) => t[label]),
    t.searchLabel,
    t.search,
    '简体中文',
    '中俄關係',
    'Lia',
    'Zaphyra',
    t.copyLink,
  ]);
  // Then the sections, the sources, the topics, sharing again, back to the top, the other articles and the footer.
  expect(names[15]).toBe('全文');
  expect(names.slice(-6)).toEqual([
    expect.stringContaining(t.previous),
    t.home,
    t.allTopics,
    t.about,
    t.correctionsTitle,
    t.feed,
  ]);
  // 71 stops before the ¶ links left the order; the corrections log's link in the footer is the 42nd.
  expect(names).toHaveLength(42);
});

for (const viewport of [viewports[0], viewports[3]]) {
  test(`at ${viewport?.width} px the search box is reached with Tab and used with the keyboard alone`, async ({ page }) => {
    await page.setViewportSize(viewport ?? { width: 320, height: 640 });
    await page.goto('/zh-hant/');
    const box = page.locator('#site-search');
    for (let presses = 0; presses < 12 && !(await box.evaluate((input) => input === document.activeElement)); presses++)
      await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('role', 'combobox');
    await page.keyboard.type('制裁');
    const options = page.locator('#site-search-results [role="option"]');
    await expect(options.first()).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/articles\/[^/]+\/\?hl=/);
  });
}
