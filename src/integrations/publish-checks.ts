/**
 * Refuses to publish a build that lost or mangled anything
 * (`src/checks/built-site.ts`): a page or feed item in the wrong script, an
 * article body missing text, a page without its twin, an article missing
 * from a page, feed, the sitemap or a search index, or a search bundle the
 * browser would look for in vain.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BuildError } from '../build/build-error.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import type { BuildOptions } from '../build/options.ts';
import { publication, renderedFacts } from '../build/state.ts';
import { addTime } from '../build/timing.ts';
import { checkBuiltSite } from '../checks/built-site.ts';
import { linkedPageFiles } from '../build/reused-pages.ts';

export default function publishChecks({
  root,
  base,
  conversion,
  previousSite,
}: Pick<BuildOptions, 'root' | 'base' | 'conversion' | 'previousSite'>): AstroIntegration {
  return {
    name: 'publish-checks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { problems, pages, articles, unchanged } = await checkBuiltSite({
          site: fileURLToPath(dir),
          base,
          published: publication().articles,
          rendered: renderedFacts(),
          guards: conversion,
          // Run as plain Node on worker threads, outside the bundle Astro made of this integration.
          workerFile: resolve(root, 'src', 'checks', 'page-worker.ts'),
          previous: previousSite,
          linked: linkedPageFiles(),
          // Any change to the code re-checks every page.
          checksDigest: await sourcesDigest(root, ['src/**/*.ts', 'src/**/*.astro']),
        });
        if (problems.length > 0)
          throw new BuildError(`The build stopped: ${problems.length} problem(s) in the built site.`, problems);
        const elapsed = performance.now() - started;
        addTime('checks', elapsed);
        if (!conversion) logger.warn('GUOJI_CONVERSION=off: pages were not converted (benchmark builds only).');
        logger.info(
          `checked ${pages} pages and ${articles} articles in ${Math.round(elapsed)} ms (${unchanged} of the pages are as in the last build, which passed)`,
        );
      },
    },
  };
}
