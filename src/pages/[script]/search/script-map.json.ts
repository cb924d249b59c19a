/**
 * The character map a query needs to search this script's index when it is
 * typed in another script; see `src/search/script-map.ts`.
 */
import type { APIContext } from 'astro';
import { siteContent } from '../../../data/articles.ts';
import { convertText } from '../../../conversion/index.ts';
import { timed } from '../../../lib/build-timing.ts';
import { scripts, type Script } from '../../../lib/scripts.ts';
import { buildScriptMaps, type ScriptMaps } from '../../../search/script-map.ts';
import { scriptPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = scriptPaths;

let maps: Promise<ScriptMaps> | undefined;

async function siteScriptMaps(): Promise<ScriptMaps> {
  const { articles, topics } = await siteContent();
  const texts: Record<Script, string>[] = topics.map(({ names }) => ({ ...names }));
  for (const article of articles) {
    const sources = [
      article.title,
      article.summary,
      article.outlet,
      article.dateline ?? '',
      ...article.authors.flatMap(({ name, role }) => [name, role]),
      article.html.replace(/<[^>]*>/g, ' '),
    ];
    for (const text of sources) {
      const forms = Object.fromEntries(
        scripts.map((script) => [
          script,
          timed('conversion', () => convertText(text, { from: article.sourceVariant, to: script, glossary: article.glossary })),
        ]),
      ) as Record<Script, string>;
      texts.push(forms);
    }
  }
  return buildScriptMaps(texts);
}

export async function GET(context: APIContext): Promise<Response> {
  maps ??= siteScriptMaps();
  const script = context.params['script'] as Script;
  return new Response(JSON.stringify((await maps)[script]), { headers: { 'Content-Type': 'application/json' } });
}
