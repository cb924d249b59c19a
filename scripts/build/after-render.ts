/**
 * The build's phases after Astro's process has exited
 * (`render-site.ts`), in the build command's process, over the staged site,
 * in this order: the photos' sizes, the search index, the publish checks,
 * then the compressed twins of every text file. Each reads the state Astro's
 * process handed over (`takeOver` in `src/build/state.ts`) and adds its time
 * for `npm run bench`. A failed check stops the build before the twins.
 */
import { resolve } from 'node:path';
import { BuildError } from '../../src/build/build-error.ts';
import type { BuildOptions } from '../../src/build/options.ts';
import { writePhotoVariants } from '../../src/build/photo-variants.ts';
import { precompress } from '../../src/build/precompress.ts';
import { stagedTwinsFolder } from '../../src/build/precompress-worker.ts';
import { linkedPageFiles } from '../../src/build/reused-pages.ts';
import { sourcesDigest } from '../../src/build/source-digest.ts';
import { photosToPublish, publication, renderedFacts } from '../../src/build/state.ts';
import { addTime } from '../../src/build/timing.ts';
import { checkBuiltSite } from '../../src/checks/built-site.ts';
import { indexSite } from '../../src/indexer/pagefind-index.ts';
import { scripts } from '../../src/site/scripts.ts';

/** What a phase says as it ends, shown as Astro shows its integrations' messages: not with `--quiet`. */
type Say = (phase: string, message: string) => void;

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/** Each photo the published articles show, in the sizes and formats the pages ask for (`src/build/photo-variants.ts`). */
async function photos(site: string, { cacheDir }: BuildOptions, say: Say): Promise<void> {
  const shown = photosToPublish();
  if (shown.length === 0) return;
  const started = performance.now();
  const { made, reused, bytes } = await writePhotoVariants(shown, site, cacheDir);
  const elapsed = addTime('photos', performance.now() - started);
  say(
    'photos',
    `${shown.length} photos: ${made} files made, ${reused} reused, ${(bytes / 1000).toFixed(0)} kB published, in ${(elapsed / 1000).toFixed(2)} s`,
  );
}

/** The search index, bundle by bundle as the content loader planned it (`src/indexer/pagefind-index.ts`). */
async function searchIndex(site: string, { root, previousSite }: BuildOptions, say: Say): Promise<void> {
  const started = performance.now();
  const { bundles } = publication();
  const report = await indexSite({
    site,
    root,
    bundles: scripts.flatMap((script) => bundles[script]),
    previousSite,
    linked: linkedPageFiles(),
  });
  const elapsed = addTime('pagefind', performance.now() - started);
  say(
    'pagefind-index',
    `Search index: ${report.pages} article pages, indexed in ${report.built + report.reused} parts by publication date (${report.built} indexed now, ${report.lanes} at a time, ${report.reused} kept from the last build as their articles did not change) in ${Math.round(elapsed)} ms; what a result shows of each page: ${kB(report.fragments.before)} kB, trimmed to ${kB(report.fragments.after)} kB`,
  );
}

/**
 * Refuses to publish a build that lost or mangled anything
 * (`src/checks/built-site.ts`): a page or feed item in the wrong script, an
 * article body missing text, a page without its twin, an article missing
 * from a page, feed, the sitemap or a search index, or a search bundle the
 * browser would look for in vain.
 */
async function publishChecks(site: string, { root, base, conversion, previousSite }: BuildOptions, say: Say): Promise<void> {
  const started = performance.now();
  const { problems, pages, articles, unchanged, passedAsWritten } = await checkBuiltSite({
    site,
    base,
    published: publication().articles,
    rendered: renderedFacts(),
    guards: conversion,
    // Run as plain Node on worker threads.
    workerFile: resolve(root, 'src', 'checks', 'page-worker.ts'),
    previous: previousSite,
    linked: linkedPageFiles(),
    // Any change to the code re-checks every page.
    checksDigest: await sourcesDigest(root, ['src/**/*.ts', 'src/**/*.astro', 'scripts/build/after-render.ts']),
  });
  if (problems.length > 0) throw new BuildError(`The build stopped: ${problems.length} problem(s) in the built site.`, problems);
  const elapsed = addTime('checks', performance.now() - started);
  if (!conversion) say('publish-checks', 'GUOJI_CONVERSION=off: pages were not converted (benchmark builds only).');
  say(
    'publish-checks',
    `checked ${pages} pages and ${articles} articles in ${Math.round(elapsed)} ms (${unchanged} of the pages are as in the last build, which passed; ${passedAsWritten} passed as Astro wrote them)`,
  );
}

/** The `.br` and `.gz` twins of the site's text files, after everything else has written its files (`src/build/precompress.ts`). */
async function twins(site: string, { root, previousSite, cacheDir }: BuildOptions, say: Say): Promise<void> {
  const started = performance.now();
  const { files, reused, copied, bytes } = await precompress(site, {
    // The site this build replaces: its unchanged files' twins are reused.
    previous: previousSite,
    linked: linkedPageFiles(),
    // Run as plain Node on worker threads.
    workerFile: resolve(root, 'src', 'build', 'precompress-worker.ts'),
    // Made as Astro wrote the pages (src/checks/during-render.ts).
    staged: stagedTwinsFolder(cacheDir),
  });
  const elapsed = addTime('precompress', performance.now() - started);
  const whole = (value: number): string => (value / 1000).toFixed(0);
  say(
    'precompress',
    `${files} text files (${reused} unchanged since the last build, ${copied} the same as another, ${bytes.staged} compressed as Astro wrote them) compressed in ${(elapsed / 1000).toFixed(2)} s: ${whole(bytes.raw)} kB → ${whole(bytes.br)} kB brotli, ${whole(bytes.gzip)} kB gzip`,
  );
}

/** Every phase after Astro's, over the staged site `site`. */
export async function afterRender(site: string, options: BuildOptions): Promise<void> {
  const say: Say = (phase, message) => {
    if (!options.quiet) console.log(`[${phase}] ${message}`);
  };
  await photos(site, options, say);
  await searchIndex(site, options, say);
  await publishChecks(site, options, say);
  await twins(site, options, say);
}
