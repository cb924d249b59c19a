/** The Google News sitemap of a script (`src/view/news-sitemap.ts`): its articles of the last two days. */
import type { APIContext } from 'astro';
import { buildOptions } from '../../build/state.ts';
import { archive } from '../../data/archive.ts';
import type { Script } from '../../site/scripts.ts';
import { scriptPaths } from '../../site/static-paths.ts';
import { viewArticle } from '../../view/article-view.ts';
import { newsArticles, newsSitemapXml } from '../../view/news-sitemap.ts';

export const getStaticPaths = scriptPaths;

export async function GET(context: APIContext): Promise<Response> {
  const script = context.params['script'] as Script;
  const { today } = buildOptions();
  const { articles } = await archive();
  // Only the window's articles are viewed in the script: the archive may hold thousands.
  const xml = newsSitemapXml({
    script,
    articles: newsArticles(articles, today).map((article) => viewArticle(article, script)),
    today,
    site: context.site ?? new URL('http://localhost/'),
    base: import.meta.env.BASE_URL,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
