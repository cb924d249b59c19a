/**
 * The editor's preview (`npm run dev`, README: "Adding or correcting an
 * article"): an article's review list is shown above it with each character
 * marked in the text, in both scripts; a content error appears in the
 * browser with file, line and column while the page keeps the last version
 * that passed; fixing it clears the error. Run on a copy of the fixture
 * content, whose Simplified article has two items to review.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.ts';
import { astroChildEnvironment } from '../../src/build/options.ts';

const root = resolve(import.meta.dirname, '..', '..');
const port = Number(process.env['PREVIEW_TEST_PORT'] ?? 4470);
const origin = `http://127.0.0.1:${port}`;
const article = '/articles/fixture-astana-diplomacy/';

let work: string;
let file: string;
let original: string;
let server: ChildProcess;
let browser: Browser;
let page: Page;

async function waitForServer(): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    const ready = await fetch(`${origin}/zh-hant/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the dev server did not start');
}

/** Reloads the page until `check` holds (the dev server re-checks content on save), or gives up after 20 s. */
async function reloadUntil(path: string, check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 80; tries++) {
    await page.goto(`${origin}${path}`);
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${path} never showed what was expected`);
}

beforeAll(async () => {
  // Inside the project: the dev server watches its own folder, as it watches content/.
  await mkdir(join(root, '.build'), { recursive: true });
  work = await mkdtemp(join(root, '.build', 'preview-'));
  await cp(join(root, 'tests', 'fixtures', 'content'), join(work, 'content'), { recursive: true });
  file = join(work, 'content', 'articles', 'fixture-astana-diplomacy.md');
  original = await readFile(file, 'utf8');
  // The project's Node (the `astro` shim would run the system's).
  server = spawn(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      // As `npm run dev` runs it: without the test runner's MODE=test, DEV=1… (Astro then serves no pages).
      env: astroChildEnvironment({ CONTENT_DIR: join(work, 'content') }),
      stdio: process.env['PREVIEW_TEST_LOG'] ? 'inherit' : 'ignore',
    },
  );
  await waitForServer();
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  await rm(work, { recursive: true, force: true });
});

describe('the editor’s preview in npm run dev', () => {
  test('an article’s review list stands above it, each character marked where it stands, in both scripts', async () => {
    for (const script of ['zh-hans', 'zh-hant']) {
      await page.goto(`${origin}/${script}${article}`);
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
