import { defineConfig } from 'vitest/config';

/** The serving tests (tests/serve/): they need both builds, so `npm test` runs them after `npm run build`. */
export default defineConfig({
  test: {
    include: ['tests/serve/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
