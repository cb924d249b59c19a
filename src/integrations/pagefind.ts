/**
 * Builds the search index after the pages are written
 * (`src/indexer/pagefind-index.ts`), following the bundle plan the content
 * loader made (`src/build/state.ts`).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildOptions } from '../build/options.ts';
import { linkedPageFiles } from '../build/reused-pages.ts';
import { publication } from '../build/state.ts';
import { addTime } from '../build/timing.ts';
import { indexSite } from '../indexer/pagefind-index.ts';
import { scripts } from '../site/scripts.ts';

export default function pagefindIndex({ root, previousSite }: Pick<BuildOptions, 'root' | 'previousSite'>): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { bundles } = publication();
        const report = await indexSite({
          site: fileURLToPath(dir),
          root,
          bundles: scripts.flatMap((script) => bundles[script]),
          previousSite,
          linked: linkedPageFiles(),
        });
        const elapsed = performance.now() - started;
        addTime('pagefind', elapsed);
        const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
        logger.info(
          `Search index: ${report.pages} article pages, indexed in ${report.built + report.reused} parts by publication date (${report.built} indexed now, ${report.lanes} at a time, ${report.reused} kept from the last build as their articles did not change) in ${Math.round(elapsed)} ms; what a result shows of each page: ${kB(report.fragments.before)} kB, trimmed to ${kB(report.fragments.after)} kB`,
        );
      },
    },
  };
}
