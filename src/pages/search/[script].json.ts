/**
 * Each script's search data (`/search/zh-hant.json`): the character map,
 * variant folding and regional forms a query needs to search that script's
 * index, built from the site's own text (`src/search/search-data-build.ts`).
 * Outside the script folders, so it is served with an asset's headers.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { buildOptions, publication } from '../../build/state.ts';
import { siteContent } from '../../data/articles.ts';
import type { ArticleInput } from '../../view/article-view.ts';
import { timedAsync } from '../../build/timing.ts';
import { workerPool } from '../../build/worker-batches.ts';
import type { Script } from '../../site/scripts.ts';
import { scriptPaths } from '../../site/static-paths.ts';
import { SearchDataBuilder } from '../../indexer/search-data-build.ts';
import {
  openSearchPartCache,
  removeUnaskedParts,
  searchable,
  searchDataTables,
  searchReaderDigest,
} from '../../indexer/search-parts.ts';
import type { SearchPartsResult, SearchPartsTask } from '../../indexer/search-parts-worker.ts';
import type { SearchData } from '../../search/search-data.ts';

let searchData: Promise<Record<Script, SearchData>> | undefined;

/**
 * Articles per group, a task of the worker thread and an entry of the cache:
 * enough that a rebuild reads few files, few enough that a changed article
 * makes few parts merge again.
 */
const batchSize = 200;

/**
 * A worker thread starts in about two seconds (it loads the converter's
 * dictionaries again): below this many articles the parts are made here.
 */
const threadFrom = 300;

/**
 * Both scripts' search data: the topics' names read here, each article's
 * part made (or taken from the cache) on a worker thread while the pages
 * render, or here for a small site, and the parts merged in the articles'
 * order.
 */
async function build(): Promise<Record<Script, SearchData>> {
  const names = [...(await getCollection('names'))]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map(({ data }) => [...data.forms]);
  const { articles, topics } = await siteContent();
  const { root, cacheDir } = buildOptions();
  const builder = new SearchDataBuilder(searchDataTables(names));
  builder.add(builder.read(topics.map(({ names: topicNames }) => ({ ...topicNames }))));
  const readerDigest = await searchReaderDigest(root, names);
  // Groups counted from the oldest article, so that a new article changes only the newest group; each group and
  // the groups newest first, so the parts merge in the articles' order.
  const oldestFirst = [...articles].reverse();
  const groups: ArticleInput[][] = [];
  for (let start = 0; start < oldestFirst.length; start += batchSize)
    groups.unshift(oldestFirst.slice(start, start + batchSize).reverse());
  if (articles.length < threadFrom) {
    const cache = openSearchPartCache(cacheDir, builder, readerDigest);
    for (const group of groups) builder.add(cache.group(group));
    cache.finish();
    return builder.finish();
  }
  const pool = workerPool({
    filename: pathToFileURL(join(root, 'src', 'indexer', 'search-parts-worker.ts')).href,
    minThreads: 1,
    maxThreads: 1,
  });
  try {
    const batches = groups.map(
      (group) =>
        pool.run({
          cacheDir,
          readerDigest,
          names,
          articles: group.map(searchable),
        } satisfies SearchPartsTask) as Promise<SearchPartsResult>,
    );
    const asked = new Set<string>();
    for (const batch of batches) {
      const result = await batch;
      builder.add(result.part);
      for (const name of result.asked) asked.add(name);
    }
    removeUnaskedParts(cacheDir, asked);
  } finally {
    await pool.destroy();
  }
  return builder.finish();
}

/** Started as the paths are collected, before any page renders, so the work overlaps the rendering. */
export async function getStaticPaths() {
  if (searchData === undefined) {
    searchData = timedAsync('search-data', build);
    // Handled where the data is sent (GET): a failure before then must not end the process as unhandled.
    searchData.catch(() => undefined);
  }
  return scriptPaths();
}

export async function GET(context: APIContext): Promise<Response> {
  searchData ??= timedAsync('search-data', build);
  const script = context.params['script'] as Script;
  // The plan the indexer follows (src/build/state.ts): the publish checks make sure every bundle named here exists.
  const bundles = publication().bundles[script].map(({ name }) => name);
  return new Response(JSON.stringify({ ...(await searchData)[script], bundles }), {
    headers: { 'Content-Type': 'application/json' },
  });
}
