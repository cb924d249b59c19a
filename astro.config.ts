import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { buildOptions } from './src/build/state.ts';
import buildPhases from './src/integrations/build-phases.ts';
import checksDuringRender from './src/integrations/during-render.ts';
import editorPreview from './src/integrations/editor-preview.ts';
import incrementalPages from './src/integrations/incremental-pages.ts';
import renderFailuresReport from './src/integrations/render-failures.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { scriptAlternates } from './src/site/sitemap-links.ts';

/**
 * The build's options, read once (`src/build/options.ts`): given by the
 * build command, or read from the environment under `astro dev`. `SITE_URL`
 * and `SITE_BASE` let the operator deploy at a domain root or under a
 * sub-path (`SITE_BASE=/news/`); every link, feed and search file follows.
 */
const options = buildOptions();
const { site, base } = options;
/** Pages an incremental build took from the last site: the sitemap lists them with the pages it rendered. */
const reusedPageUrls: string[] = [];

export default defineConfig({
  site,
  base,
  cacheDir: options.cacheDir,
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
    editorPreview(),
    buildPhases(),
    renderFailuresReport(),
    checksDuringRender(),
    incrementalPages(options, reusedPageUrls),
    sitemap({
      customPages: reusedPageUrls,
      // Each page linked to its twin in the other script (src/site/sitemap-links.ts), one page at a time.
      serialize: (item) => {
        const links = scriptAlternates(item.url, new URL(base, site).href);
        return links === undefined ? item : { ...item, links };
      },
      // The root only chooses a script (x-default); search and 404 pages are not content.
      filter: (page) => new URL(page).pathname !== base && !/\/(search\/|404)/.test(page),
      // URLs per sitemap file: past the limit the sitemap splits into several files under `sitemap-index.xml`.
      entryLimit: options.sitemapEntryLimit,
    }),
    // The photos, the search index, the checks and the twins run after Astro's process (scripts/build/after-render.ts).
    securityHeaders(options),
  ],
});
