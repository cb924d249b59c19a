/**
 * Each script's search data (`/search/zh-hant.json`): the character map,
 * variant folding and regional forms a query needs to search that script's
 * index, built from the site's own text (`src/search/search-data-build.ts`).
 * Outside the script folders, so it is served with an asset's headers.
 */
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { buildOptions, publication } from '../../build/state.ts';
import { isTongyongGuifan } from '../../conversion/index.ts';
import { siteContent, type Topic } from '../../data/articles.ts';
import type { ArticleInput } from '../../view/article-view.ts';
import { timedAsync } from '../../build/timing.ts';
import type { Script } from '../../site/scripts.ts';
import { scriptPaths } from '../../site/static-paths.ts';
import { buildSearchData } from '../../indexer/search-data-build.ts';
import { openSearchTextCache, type SearchTextCache } from '../../indexer/search-texts.ts';
import type { SearchData } from '../../search/search-data.ts';
import { convertForm, regionalPhrases, variantPairs } from '../../indexer/opencc-sources.ts';

export const getStaticPaths = scriptPaths;

let searchData: Promise<Record<Script, SearchData>> | undefined;

/** Everything Pagefind indexes, each text in every script, one at a time (none is kept in memory). */
function* siteTexts(articles: readonly ArticleInput[], topics: readonly Topic[], cache: SearchTextCache) {
  for (const { names } of topics) yield { ...names };
  for (const article of articles) yield* cache.texts(article);
}

async function build(): Promise<Record<Script, SearchData>> {
  const names = await getCollection('names');
  const { articles, topics } = await siteContent();
  // Each article's texts converted once and kept across builds (src/indexer/search-texts.ts).
  const cache = openSearchTextCache(buildOptions().cacheDir);
  const data = buildSearchData({
    texts: siteTexts(articles, topics, cache),
    variantPairs: variantPairs(),
    phrases: regionalPhrases(),
    names: [...names].sort((a, b) => Number(a.id) - Number(b.id)).map(({ data }) => data.forms),
    convert: convertForm,
    isSimplifiedStandard: isTongyongGuifan,
  });
  cache.finish();
  return data;
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
