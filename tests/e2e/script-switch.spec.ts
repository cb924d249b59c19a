/** The 繁體/简体 switch: same page, same place, choice remembered; `/` honours it. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import zhHans from '../../src/i18n/zh-hans.ts';
import zhHant from '../../src/i18n/zh-hant.ts';
import { article, xi } from './helpers.ts';
import { commonest, contrast, decodePng } from './pixels.ts';

/**
 * The colour most of an element's box is painted: its background, where its
 * text leaves it. Only what shows: below the sticky header (unless it is the
 * header), inside the viewport.
 */
async function paintedBackground(page: Page, element: Locator): Promise<readonly [number, number, number]> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no box');
  const isHeader = await element.evaluate((node) => node.matches('.site-header, .site-header *'));
  const header = isHeader ? 0 : ((await page.locator('.site-header').boundingBox())?.height ?? 0);
  const top = Math.max(box.y, header);
  const bottom = Math.min(box.y + box.height, viewport.height);
  if (bottom - top < 4) throw new Error('not on the screen');
  return commonest(decodePng(await page.screenshot({ clip: { x: box.x, y: top, width: box.width, height: bottom - top } })));
}

for (const [script, t, current, other] of [
  ['zh-hant', zhHant, '繁', '简'],
  ['zh-hans', zhHans, '简', '繁'],
] as const) {
  test(`${script}: the switch shows both scripts, 繁 then 简, the current one marked and the other a link`, async ({ page }) => {
    await page.goto(`/${script}/`);
    const header = page.locator('.site-header');
    const choice = header.locator('.script-choice');
    // What the eye reads, left to right: each mark's box.
    const marks = await choice.locator('.script-choice__current > [aria-hidden], a').evaluateAll((elements) =>
      elements
        .map((element) => ({ text: element.textContent?.trim(), x: element.getBoundingClientRect().x }))
        .sort((a, b) => a.x - b.x)
        .map(({ text }) => text),
    );
    expect(marks).toEqual(['繁', '简']);
    const link = choice.getByRole('link');
    await expect(link).toHaveCount(1);
    await expect(link).toHaveText(other);
    await expect(link).toHaveAccessibleName(other === '简' ? '简体中文' : '繁體中文');
    // The current script is said to a screen reader, and drawn apart from the page for the eye.
    await expect(choice).toContainText(t.currentScript(current === '繁' ? '繁體中文' : '简体中文'), { useInnerText: false });
    const marked = choice.locator('.script-choice__current');
    await expect(marked).toHaveText(new RegExp(current));
    const paper = await paintedBackground(page, header);
    expect(contrast(await paintedBackground(page, marked), paper)).toBeGreaterThanOrEqual(3);
    expect(contrast(await paintedBackground(page, link), paper)).toBeLessThan(1.1);
  });
}

for (const viewport of [
  { width: 1000, height: 700 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width} px switching mid-article lands on the same paragraph in the other script`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(article('zh-hant', xi));
    await page.locator('#p14').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 30);
    await page.waitForTimeout(100);
    const before = await page.locator('#p14').evaluate((element) => element.getBoundingClientRect().top);
    // Click where the sticky switch is, as a reader would: locator.click() would scroll the page first.
    const box = await page.locator('.script-switch').boundingBox();
    await page.mouse.click((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await expect(page).toHaveURL(new RegExp(`${article('zh-hans', xi)}#p14$`));
    await page.waitForLoadState('load');
    await page.waitForTimeout(100);
    const after = await page.locator('#p14').evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(after - before)).toBeLessThan(4);
    // The paragraph is where the reader was, not one they linked to: it is not marked.
    expect(await paintedBackground(page, page.locator('#p14'))).toEqual(
      await paintedBackground(page, page.locator('.site-header')),
    );
  });
}

test('a paragraph a link points to is marked, on arrival and after the switch', async ({ page }) => {
  await page.goto(`${article('zh-hant', xi)}#p14`);
  const paper = await paintedBackground(page, page.locator('.site-header'));
  expect(await paintedBackground(page, page.locator('#p14'))).not.toEqual(paper);
  await page.locator('.script-switch').click();
  await expect(page).toHaveURL(new RegExp(`${article('zh-hans', xi)}#p14$`));
  expect(await paintedBackground(page, page.locator('#p14'))).not.toEqual(paper);
});

test('a section link keeps its fragment across the switch', async ({ page }) => {
  await page.goto(`${article('zh-hans', xi)}#${encodeURIComponent('經濟現實制裁陰影下的謹慎對沖')}`);
  await page.locator('.script-switch').click();
  await expect(page).toHaveURL(/\/zh-hant\/articles\/xi-mishustin-after-trump-summit-2025\/#/);
  await expect(page.locator('[id="經濟現實制裁陰影下的謹慎對沖"]')).toBeInViewport();
});

test('heading and paragraph ids are the same in both scripts', async ({ page }) => {
  const ids = async (script: string): Promise<string[]> => {
    await page.goto(article(script, xi));
    return page.$$eval('.article__body [id]', (elements) => elements.map((element) => element.id));
  };
  const hant = await ids('zh-hant');
  expect(hant.length).toBeGreaterThan(30);
  expect(await ids('zh-hans')).toEqual(hant);
});

test('the switch keeps the search query', async ({ page }) => {
  await page.goto('/zh-hant/search/?q=制裁');
  await page.locator('.script-switch').click();
  await expect(page).toHaveURL(/\/zh-hans\/search\/\?q=/);
  await expect(page.locator('#search-page-input')).toHaveValue('制裁');
});

test('the choice is remembered: / sends the reader back to the script they chose', async ({ page }) => {
  await page.goto('/zh-hant/');
  await page.locator('.script-switch').click();
  await expect(page).toHaveURL('/zh-hans/');
  await page.goto('/');
  await expect(page).toHaveURL('/zh-hans/');
  await page.locator('.script-switch').click();
  await page.goto('/');
  await expect(page).toHaveURL('/zh-hant/');
});

for (const [locale, script] of [
  ['zh-CN', 'zh-hans'],
  ['zh-SG', 'zh-hans'],
  ['zh-TW', 'zh-hant'],
  ['zh-HK', 'zh-hant'],
  ['en-US', 'zh-hant'],
] as const) {
  test.describe(`a first visit with browser language ${locale}`, () => {
    test.use({ locale });
    test(`goes to ${script}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(`/${script}/`);
    });
  });
}

test.describe('with localStorage blocked', () => {
  test('the switch still works and nothing breaks', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(article('zh-hant', xi));
    await page.locator('.script-switch').click();
    await expect(page).toHaveURL(article('zh-hans', xi));
    await page.goto('/');
    await expect(page).toHaveURL('/zh-hant/');
    expect(errors).toEqual([]);
  });
});
