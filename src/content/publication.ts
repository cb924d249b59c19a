/**
 * Which articles a build publishes, decided once, by the content loader:
 * those dated on or before the build's day, as Hugo does with
 * `buildFuture = false`. An article dated later is held back until its day;
 * `npm run build -- --future` (`BUILD_FUTURE=1`) publishes it anyway, and
 * `BUILD_TODAY=YYYY-MM-DD` sets the day. The same decision plans the search
 * bundles (`src/search/bundles.ts`), so the pages, the search data, the
 * indexer and the publish checks all read one list (`src/build/state.ts`).
 */
import type { BuildOptions } from '../build/options.ts';
import type { Publication, PublishedArticle } from '../build/state.ts';
import { planBundles } from '../search/bundles.ts';
import { isoDay } from '../site/dates.ts';

/** Whether an article dated `published` is published by a build with `options`. */
export function isPublished(published: Date, { today, future }: Pick<BuildOptions, 'today' | 'future'>): boolean {
  return future || published.getTime() <= today.getTime();
}

/** The publication of `articles` (every article that passed the content checks) under `options`. */
export function decidePublication(
  articles: readonly { slug: string; file: string; published: Date }[],
  options: Pick<BuildOptions, 'today' | 'future' | 'bundlePages'>,
): Publication {
  const published: PublishedArticle[] = [];
  const heldBack: { file: string; published: string }[] = [];
  for (const { slug, file, published: day } of articles) {
    if (isPublished(day, options)) published.push({ slug, file, published: isoDay(day) });
    else heldBack.push({ file, published: isoDay(day) });
  }
  // Newest first, equal days by slug: the order of every list (src/site/order.ts).
  published.sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
  heldBack.sort((a, b) => a.published.localeCompare(b.published) || a.file.localeCompare(b.file));
  return { articles: published, heldBack, bundles: planBundles(published, options.bundlePages) };
}
