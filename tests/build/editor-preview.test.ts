/**
 * The editor's preview (`npm run dev`, README: "Adding or correcting an
 * article"): an article's review list is shown above it with each character
 * marked in the text, in both scripts; a content error appears in the
 * browser with file, line and column while the page keeps the last version
 * that passed; fixing it clears the error. Run on a copy of the fixture
 * content, whose Simplified article has two items to review.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.ts';
import { startPreview, type RunningPreview } from '../../scripts/dev-process.ts';

const root = resolve(import.meta.dirname, '..', '..');
const port = Number(process.env['PREVIEW_TEST_PORT'] ?? 4470);
const article = '/articles/fixture-astana-diplomacy/';

let preview: RunningPreview;
let origin: string;
let file: string;
let original: string;
let browser: Browser;
let page: Page;

/**
 * Opens a page of the dev server. On its first visits the server may prepare
 * the browser's dependencies and reload the page, which aborts a navigation
 * under way: such a navigation is tried again.
 */
async function open(path: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await page.goto(`${origin}${path}`);
      return;
    } catch (error) {
      if (tries === 10 || !String(error).includes('ERR_ABORTED')) throw error;
      await new Promise((done) => setTimeout(done, 500));
    }
  }
}

/** Reloads the page until `check` holds (the dev server re-checks content on save), or gives up after 20 s. */
async function reloadUntil(path: string, check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 80; tries++) {
    await open(path);
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${path} never showed what was expected`);
}

beforeAll(async () => {
  preview = await startPreview(join(root, 'tests', 'fixtures', 'content'), port, {
    log: Boolean(process.env['PREVIEW_TEST_LOG']),
  });
  origin = preview.origin;
  file = join(preview.content, 'articles', 'fixture-astana-diplomacy.md');
  original = await readFile(file, 'utf8');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('the editor’s preview in npm run dev', () => {
  test('an article’s review list stands above it, each character marked where it stands, in both scripts', async () => {
    for (const script of ['zh-hans', 'zh-hant']) {
      await open(`/${script}${article}`);
      const review = page.locator('.editor-preview__review');
      await expect.poll(() => review.textContent()).toContain('To review (2)');
      expect(await review.textContent()).toContain('fixture-astana-diplomacy.md:26:8');
      // Polled: the dev server may reload the page once while it prepares its dependencies.
      await expect.poll(() => page.locator('.article__body').getAttribute('data-review-marks'), { timeout: 20_000 }).toBe('2');
    }
  }, 60_000);

  test('a content error is shown in the browser with file, line and column; the page keeps the last version that passed', async () => {
    await writeFile(file, original.replace(/^title: /m, 'title：'));
    await reloadUntil(`/zh-hant${article}`, async () => (await page.locator('.editor-preview__errors').count()) > 0);
    const errors = await page.locator('.editor-preview__errors').textContent();
    expect(errors).toContain('fixture-astana-diplomacy.md:3');
    expect(errors).toContain('full-width colon');
    expect(await page.locator('h1').count()).toBeGreaterThan(0);

    await writeFile(file, original);
    await reloadUntil(`/zh-hant${article}`, async () => (await page.locator('.editor-preview__errors').count()) === 0);
  }, 60_000);

  test('the built site has no preview', async () => {
    const built = await readFile(join(root, 'dist', 'zh-hant', 'index.html'), 'utf8').catch(() => '');
    expect(built).not.toContain('editor-preview');
  });
});
