/** The 繁體/简体 switch: same page, same place, choice remembered; `/` honours it. */
import { expect, test } from '@playwright/test';
import { article, xi } from './helpers.ts';

test('switching mid-article lands on the same paragraph in the other script', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
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
