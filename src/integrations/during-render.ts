/**
 * Checks and compresses the pages Astro writes while it renders the rest
 * (`src/checks/during-render.ts`): a middleware hands each prerendered
 * page the worker thread takes (its bytes, unchanged) to that thread,
 * started as the build starts and ended once every page is written. The pages that passed are
 * noted for the publish checks; the twins wait in the cache for the twins
 * phase (`scripts/build/after-render.ts`). Only in a build, of an archive
 * of `CHECK_DURING_RENDER_FROM` article files or more (`src/build/options.ts`).
 */
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import {
  buildOptions,
  duringRender,
  fixedSince,
  notePassedAsWritten,
  recordDuringRender,
  renderedFacts,
} from '../build/state.ts';
import { stagedTwinsFolder } from '../build/precompress-worker.ts';
import { startDuringRender } from '../checks/during-render.ts';
import { listArticleFiles } from '../content/content-files.ts';
import { normaliseBase } from '../site/urls.ts';

export default function checksDuringRender(): AstroIntegration {
  let enabled = false;
  return {
    name: 'during-render',
    hooks: {
      // Decided before the content is synced, from the article files: below the bound not even the middleware runs.
      'astro:config:setup': async ({ command, addMiddleware }) => {
        if (command !== 'build') return;
        const { root, contentDir, checkDuringRenderFrom } = buildOptions();
        const { paths } = await listArticleFiles(resolve(root, contentDir, 'articles'), (path) => path);
        enabled = paths.length >= checkDuringRenderFrom;
        if (enabled) addMiddleware({ entrypoint: new URL('./during-render-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': () => {
        if (!enabled) return;
        const { root, cacheDir, base, conversion } = buildOptions();
        recordDuringRender(
          startDuringRender({
            workerFile: join(root, 'src', 'checks', 'during-render-worker.ts'),
            staged: stagedTwinsFolder(cacheDir),
            base: normaliseBase(base),
            guards: conversion,
            expectedLength: (file) => renderedFacts().bodyLengths.get(file.replace(/index\.html$/, '')),
            fixedSince,
          }),
        );
      },
      'astro:build:done': async ({ logger }) => {
        const during = duringRender();
        recordDuringRender(undefined);
        if (during === undefined) return;
        const { staged, checked, left, passed, stopped } = await during.finish();
        notePassedAsWritten(passed);
        logger.info(
          `as they were written: ${checked} pages checked (${passed.size} passed), ${staged} files compressed; ${left} left for after the render`,
        );
        if (stopped !== undefined)
          logger.warn(`the checks as the pages were written stopped (${stopped}); the rest are checked after the render`);
      },
    },
  };
}
