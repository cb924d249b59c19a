/**
 * Each script's search data (`/search/zh-hant.json`): the character map,
 * variant folding and regional forms a query needs to search that script's
 * index, built from the site's own text (`src/search/search-data-build.ts`).
 * Outside the script folders, so it is served with an asset's headers.
 */
import { createHash } from 'node:crypto';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { buildOptions, publication } from '../../build/state.ts';
import { isTongyongGuifan } from '../../conversion/index.ts';
import { siteContent } from '../../data/articles.ts';
import { timedAsync } from '../../build/timing.ts';
import type { Script } from '../../site/scripts.ts';
import { scriptPaths } from '../../site/static-paths.ts';
import { SearchDataBuilder } from '../../indexer/search-data-build.ts';
import { openSearchPartCache } from '../../indexer/search-parts.ts';
import { sourcesDigest } from '../../build/source-digest.ts';
import type { SearchData } from '../../search/search-data.ts';
import { convertForm, regionalPhrases, variantPairs } from '../../indexer/opencc-sources.ts';

export const getStaticPaths = scriptPaths;

let searchData: Promise<Record<Script, SearchData>> | undefined;

/** What reads the site's texts into the search data: its code and the names table (part of each cached part's key). */
async function readerDigest(names: readonly (readonly string[])[]): Promise<string> {
  const code = await sourcesDigest(buildOptions().root, ['src/{search,indexer}/**/*.ts']);
  return createHash('sha256').update(code).update(JSON.stringify(names)).digest('hex');
}

async function build(): Promise<Record<Script, SearchData>> {
  const names = [...(await getCollection('names'))].sort((a, b) => Number(a.id) - Number(b.id)).map(({ data }) => data.forms);
  const { articles, topics } = await siteContent();
  const builder = new SearchDataBuilder({
    variantPairs: variantPairs(),
    phrases: regionalPhrases(),
    names,
    convert: convertForm,
    isSimplifiedStandard: isTongyongGuifan,
  });
  // Everything Pagefind indexes, in every script: the topics' names, then each article's part, made once and
  // kept across builds (src/indexer/search-parts.ts).
  builder.add(builder.read(topics.map(({ names: topicNames }) => ({ ...topicNames }))));
  const cache = openSearchPartCache(buildOptions().cacheDir, builder, await readerDigest(names));
  for (const article of articles) builder.add(cache.part(article));
  cache.finish();
  return builder.finish();
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
