import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import buildPhases from './src/integrations/build-phases.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import precompressFiles from './src/integrations/precompress.ts';
import publishChecks from './src/integrations/publish-checks.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { defaultScript as defaultLocale, langTag, scripts } from './src/site/scripts.ts';

/**
 * `SITE_URL` and `SITE_BASE` let the operator deploy at a domain root or under
 * a sub-path (`SITE_BASE=/news/`); every link, feed and search file follows.
 */
const site = process.env['SITE_URL'] ?? 'https://guoji-shiping.example';
const base = process.env['SITE_BASE'] ?? '/';
/**
 * URLs per sitemap file: the protocol allows 50,000, and past the limit the
 * sitemap splits into several files under `sitemap-index.xml`. The archive
 * test build sets a small limit to see the split happen.
 */
const sitemapEntryLimit = Number(process.env['SITEMAP_ENTRY_LIMIT'] ?? 45_000);
/** Where Astro keeps its content cache; the tests and the benchmark give each build its own. */
const cacheDir = process.env['ASTRO_CACHE_DIR'];

export default defineConfig({
  site,
  base,
  ...(cacheDir && { cacheDir }),
  trailingSlash: 'always',
  build: {
    // `src/pages/[script]/404.astro` becomes `zh-hant/404.html`, which hosts serve for that folder.
    format: 'preserve',
    // Pages rendered while others are written: Astro renders on one thread, so this overlaps the file writes with the
    // next pages' work (the second core runs Pagefind, the checks and compression later in the build).
    concurrency: 4,
    // External stylesheets only: the Content Security Policy allows no inline style.
    inlineStylesheets: 'never',
  },
  prerenderConflictBehavior: 'error',
  integrations: [
    buildPhases(),
    sitemap({
      i18n: { defaultLocale, locales: Object.fromEntries(scripts.map((script) => [script, langTag(script)])) },
      // The root only chooses a script (x-default); search and 404 pages are not content.
      filter: (page) => new URL(page).pathname !== base && !/\/(search\/|404)/.test(page),
      entryLimit: sitemapEntryLimit,
    }),
    // Order matters: the checks read the search index that Pagefind writes; the last compresses what all wrote.
    securityHeaders(),
    pagefindIndex(),
    publishChecks(),
    precompressFiles(),
  ],
});
