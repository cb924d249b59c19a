/**
 * Page-level incremental builds (`src/build/incremental.ts`): as the build
 * starts, the site digest and the last site's manifest; once the pages are
 * written, the unchanged ones linked in from the last site
 * (`src/build/reused-pages.ts`), and their addresses handed to the sitemap
 * (`reusedPageUrls`, its documented `customPages`), before the index and the
 * checks read the folder. Listed before every integration that reads it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readManifest, siteDigest } from '../build/incremental.ts';
import type { BuildOptions } from '../build/options.ts';
import { addPageAddresses, takeReusedPages } from '../build/reused-pages.ts';
import { startIncremental } from '../build/state.ts';
import { addTime } from '../build/timing.ts';

export default function incrementalPages(
  options: BuildOptions,
  /** Filled with the full address of each page taken from the last site: the sitemap's `customPages`. */
  reusedPageUrls: string[],
): AstroIntegration {
  return {
    name: 'incremental-pages',
    hooks: {
      'astro:build:start': async () => {
        const started = performance.now();
        const previous = await readManifest(options.previousSite);
        const site = await siteDigest(options, resolve(options.root, options.contentDir));
        startIncremental(site, previous && options.previousSite ? { ...previous, folder: options.previousSite } : undefined);
        addTime('reuse', performance.now() - started);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await takeReusedPages(fileURLToPath(dir));
        addPageAddresses(reusedPageUrls, report.reusedPaths, new URL(options.base, options.site));
        addTime('reuse', performance.now() - started);
        if (report.reused > 0)
          logger.info(
            `${report.rendered} pages rendered, ${report.reused} unchanged since the last build taken from it${report.keptAssets > 0 ? ` (with ${report.keptAssets} of its scripts and styles)` : ''}`,
          );
      },
    },
  };
}
