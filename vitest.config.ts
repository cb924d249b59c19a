import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // One test file at a time: the build tests run real builds, and Astro puts the prerender output of a
    // build whose output folder lies outside the project in the project's own .astro/, which builds would share.
    fileParallelism: false,
  },
});
