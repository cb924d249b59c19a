import { defineConfig } from '@playwright/test';
import { chromiumFlags as args, chromiumPath as executablePath } from './scripts/chromium.ts';

/** Ports of the two servers; `E2E_PORT` moves them, so two checkouts can run their browser tests at once. */
const rootPort = Number(process.env['E2E_PORT'] ?? 4329);
const subpathPort = rootPort + 1;
const fixturesPort = rootPort + 2;
const archivePort = rootPort + 3;

/**
 * Browser tests in headless Chromium against the built site, served the way a
 * static host serves it (`scripts/serve.mjs`): `dist/` at the root, and the
 * sub-path build (`npm run build:subpath`) under /news/.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The HTML report (playwright-report/) holds the screenshots the tests attach.
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args },
    locale: 'zh-TW',
  },
  projects: [
    {
      name: 'root',
      testIgnore: /(subpath|fixtures|archive|search-bundles)\.spec\.ts/,
      use: { baseURL: `http://localhost:${rootPort}` },
    },
    { name: 'subpath', testMatch: /subpath\.spec\.ts/, use: { baseURL: `http://localhost:${subpathPort}` } },
    // The fixture articles of tests/fixtures/content (npm run build:fixtures): a Simplified source, rules, footnotes.
    { name: 'fixtures', testMatch: /fixtures\.spec\.ts/, use: { baseURL: `http://localhost:${fixturesPort}` } },
    // A generated archive of 400 articles over 18 months (npm run build:archive): paged lists, archive, authors, feeds,
    // and search over four bundles a script.
    { name: 'archive', testMatch: /(archive|search-bundles)\.spec\.ts/, use: { baseURL: `http://localhost:${archivePort}` } },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs --dir dist --port ${rootPort} --base /`,
      url: `http://localhost:${rootPort}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --dir .build/subpath-dist --port ${subpathPort} --base /news/`,
      url: `http://localhost:${subpathPort}/news/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --dir .build/fixtures-dist --port ${fixturesPort} --base /`,
      url: `http://localhost:${fixturesPort}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --dir .build/archive-dist --port ${archivePort} --base /`,
      url: `http://localhost:${archivePort}/`,
      reuseExistingServer: false,
    },
  ],
});
