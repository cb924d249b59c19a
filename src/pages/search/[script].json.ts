/**
 * Each script's search data (`/search/zh-hant.json`): the character map,
 * variant folding and regional forms a query needs to search that script's
 * index, built from the site's own text (`src/search/search-data-build.ts`).
 * Outside the script folders, so it is served with an asset's headers.
 */
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { publication } from '../../build/state.ts';
import { convertText, isTongyongGuifan } from '../../conversion/index.ts';
import { siteContent, type Topic } from '../../data/articles.ts';
import type { ArticleInput } from '../../view/article-view.ts';
import { timed, timedAsync } from '../../build/timing.ts';
import { scripts, type Script } from '../../site/scripts.ts';
import { scriptPaths } from '../../site/static-paths.ts';
import { buildSearchData } from '../../indexer/search-data-build.ts';
import type { SearchData } from '../../search/search-data.ts';
import { convertForm, regionalPhrases, variantPairs } from '../../indexer/opencc-sources.ts';

export const getStaticPaths = scriptPaths;

let searchData: Promise<Record<Script, SearchData>> | undefined;

/** Everything Pagefind indexes, each text in every script, one at a time (none is kept). */
function* siteTexts(articles: readonly ArticleInput[], topics: readonly Topic[]): Generator<Record<Script, string>> {
  for (const { names } of topics) yield { ...names };
  for (const article of articles) {
    const sources = [
      article.title,
      article.summary,
      article.outlet,
      article.dateline ?? '',
      ...article.authors.flatMap(({ name, role }) => [name, role]),
      ...article.sources.flatMap(({ publisher, title }) => [publisher, title]),
      // Each block's text on its own line: a phrase never runs on from one paragraph into the next.
      fromHtml(article.html, { fragment: true })
        .children.map((node) => toString(node))
        .join('\n'),
    ];
    for (const text of sources)
      yield Object.fromEntries(
        scripts.map((script) => [
          script,
          timed('conversion', () => convertText(text, { from: article.sourceVariant, to: script, glossary: article.glossary })),
        ]),
      ) as Record<Script, string>;
  }
}

async function build(): Promise<Record<Script, SearchData>> {
  const names = await getCollection('names');
  const { articles, topics } = await siteContent();
  return buildSearchData({
    texts: siteTexts(articles, topics),
    variantPairs: variantPairs(),
    phrases: regionalPhrases(),
    names: [...names].sort((a, b) => Number(a.id) - Number(b.id)).map(({ data }) => data.forms),
    convert: convertForm,
    isSimplifiedStandard: isTongyongGuifan,
  });
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
