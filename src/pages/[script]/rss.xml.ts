/** RSS feed of a script: its latest articles, each with its full text. */
import type { APIContext } from 'astro';
import { archive } from '../../data/archive.ts';
import { ui } from '../../i18n/index.ts';
import { articleFeed } from '../../view/feed.ts';
import type { Script } from '../../site/scripts.ts';
import { scriptPaths } from '../../site/static-paths.ts';

export const getStaticPaths = scriptPaths;

export async function GET(context: APIContext): Promise<Response> {
  const script = context.params['script'] as Script;
  const t = ui(script);
  const { articles } = await archive();
  return articleFeed({
    script,
    title: t.feedTitle,
    description: t.siteDescription,
    pageKey: '',
    articles,
    site: context.site ?? new URL('http://localhost/'),
    base: import.meta.env.BASE_URL,
  });
}
