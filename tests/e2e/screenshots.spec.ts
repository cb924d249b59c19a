/**
 * Screenshots of the reader's pages at phone, laptop and wide widths, light
 * and dark, in both scripts, attached to the test report (Playwright's HTML
 * report, `playwright-report/`) for people to look at: they assert nothing
 * about pixels, only that each page rendered with its system fonts.
 */
import { expect, test } from '@playwright/test';
import { scripts } from '../../src/site/scripts.ts';
import { article, noLimits, xi } from './helpers.ts';

const widths = [320, 390, 1280, 1920];

for (const script of scripts) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${script}, ${colorScheme}: the reader's pages at ${widths.join(', ')} px`, async ({ browser }, testInfo) => {
      for (const width of widths) {
        const context = await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 1000 }, colorScheme });
        const page = await context.newPage();
        const shots = [
          { name: 'article', path: article(script, xi), fullPage: true },
          { name: 'article-2022', path: article(script, noLimits), fullPage: false },
          { name: 'home', path: `/${script}/`, fullPage: false },
          { name: 'about', path: `/${script}/about/`, fullPage: false },
        ];
        for (const { name, path, fullPage } of shots) {
          await page.goto(path);
          await page.evaluate(() => document.fonts.ready);
          // Only the system's fonts: no web font is ever loaded.
          expect(await page.evaluate(() => [...document.fonts].length)).toBe(0);
          await testInfo.attach(`${script}-${name}-${width}-${colorScheme}.png`, {
            body: await page.screenshot({ fullPage }),
            contentType: 'image/png',
          });
        }
        await context.close();
      }
    });
  }
}
