/**
 * The character map a query needs to search this script's index when it is
 * typed in the other script; see `src/search/script-map.ts`.
 */
import type { APIContext } from 'astro';
import { siteContent } from '../../../data/articles.ts';
import { glossaryFor, topicName } from '../../../lib/article-view.ts';
import { timed } from '../../../lib/build-timing.ts';
import { conversionEnabled, toSimplified } from '../../../lib/convert.ts';
import type { Script } from '../../../lib/scripts.ts';
import { buildScriptMaps, type ScriptMaps } from '../../../search/script-map.ts';
import { scriptPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = scriptPaths;

let maps: Promise<ScriptMaps> | undefined;

async function siteScriptMaps(): Promise<ScriptMaps> {
  const { articles, topics } = await siteContent();
  const pairs: [string, string][] = topics.map(({ name }) => [name, topicName(name, 'zh-hans')]);
  for (const article of articles) {
    const options = { variant: article.sourceVariant, glossary: glossaryFor(article) };
    const texts = [
      article.title,
      article.summary,
      article.outlet,
      article.dateline ?? '',
      ...article.authors.flatMap(({ name, role }) => [name, role]),
      article.html.replace(/<[^>]*>/g, ' '),
    ];
    const convert = (text: string): string => (conversionEnabled ? toSimplified(text, options) : text);
    pairs.push(...texts.map((text): [string, string] => [text, timed('conversion', () => convert(text))]));
  }
  return buildScriptMaps(pairs);
}

export async function GET(context: APIContext): Promise<Response> {
  maps ??= siteScriptMaps();
  const script = context.params['script'] as Script;
  return new Response(JSON.stringify((await maps)[script]), { headers: { 'Content-Type': 'application/json' } });
}
