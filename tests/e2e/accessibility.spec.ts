/** axe-core over every page type, in both scripts, in light and dark. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { pageTypes } from './helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const path of [...pageTypes('zh-hant'), ...pageTypes('zh-hans'), '/', '/404.html']) {
      test(`${path} has no axe violations`, async ({ page }) => {
        // The root sends a reader on to a script (tested elsewhere); check the page itself.
        if (path === '/') await page.route('**/_astro/*.js', (route) => route.abort());
        await page.goto(path, { waitUntil: 'load' });
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
          const { violations } = await axe.run();
          return violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => target.join(' ')) }));
        });
        expect(violations).toEqual([]);
      });
    }
  });
}
