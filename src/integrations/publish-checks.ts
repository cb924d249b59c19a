/**
 * Refuses to publish a build that lost or mangled anything (see
 * `src/checks/built-site.ts`): a page or feed item in the wrong script, an
 * article body missing text, a page without its twin, or an article missing
 * from a page, feed, the sitemap or a search index.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkBuiltSite } from '../checks/built-site.ts';
import { renderedFacts } from '../checks/rendered-facts.ts';
import { conversionEnabled } from '../conversion/index.ts';
import { buildTimings } from '../build/timing.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import { BuildError } from '../build/build-error.ts';

export default function publishChecks(): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'publish-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { problems, pages, articles, unchanged } = await checkBuiltSite({
          site: fileURLToPath(dir),
          base,
          facts: renderedFacts(),
          guards: conversionEnabled,
          // Run as plain Node on worker threads, outside the bundle Astro made of this integration.
          workerFile: resolve(root, 'src', 'checks', 'page-worker.ts'),
          previous: process.env['BUILD_PREVIOUS_SITE'],
          // Any change to the code re-checks every page.
          checksDigest: await sourcesDigest(root, ['src/**/*.ts', 'src/**/*.astro']),
        });
        if (problems.length > 0) {
          throw new BuildError(`The build stopped: ${problems.length} problem(s) in the built site.`, problems);
        }
        const elapsed = performance.now() - started;
        buildTimings()['checks'] = elapsed;
        if (!conversionEnabled) logger.warn('GUOJI_CONVERSION=off: pages were not converted (benchmark builds only).');
        logger.info(
          `checked ${pages} pages (${unchanged} unchanged since they passed in the site replaced), ${articles} articles in ${Math.round(elapsed)} ms`,
        );
      },
    },
  };
}
