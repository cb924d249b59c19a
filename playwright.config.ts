import { defineConfig } from '@playwright/test';
import { chromiumFlags as args, chromiumPath as executablePath } from './scripts/chromium.ts';

/**
 * Browser tests in headless Chromium against the built site, served the way a
 * static host serves it (`scripts/serve.ts`): `dist/` at the root, and the
 * sub-path build (`npm run build:subpath`) under /news/.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args },
    locale: 'zh-TW',
  },
  projects: [
    { name: 'root', testIgnore: /subpath\.spec\.ts/, use: { baseURL: 'http://localhost:4329' } },
    { name: 'subpath', testMatch: /subpath\.spec\.ts/, use: { baseURL: 'http://localhost:4330' } },
  ],
  webServer: [
    {
      command: 'node scripts/serve.ts --dir dist --port 4329 --base /',
      url: 'http://localhost:4329/',
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/serve.ts --dir .build/subpath-dist --port 4330 --base /news/',
      url: 'http://localhost:4330/news/',
      reuseExistingServer: false,
    },
  ],
});
