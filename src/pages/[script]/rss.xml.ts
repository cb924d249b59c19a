/** RSS feed of a script, with the full text of every article. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteContent } from '../../data/articles.ts';
import { ui } from '../../i18n/index.ts';
import { viewArticle } from '../../lib/article-view.ts';
import { langTag, type Script } from '../../lib/scripts.ts';
import { scriptPaths } from '../../lib/static-paths.ts';
import { articleKey, pageUrl } from '../../lib/urls.ts';

export const getStaticPaths = scriptPaths;

export async function GET(context: APIContext): Promise<Response> {
  const script = context.params['script'] as Script;
  const t = ui(script);
  const base = import.meta.env.BASE_URL;
  const site = context.site ?? new URL('http://localhost/');
  const { articles } = await siteContent();
  return rss({
    title: t.feedTitle,
    description: t.siteDescription,
    site: new URL(pageUrl(base, script), site).href,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${langTag(script)}</language>`,
      `<atom:link href="${new URL(pageUrl(base, script, 'rss.xml'), site).href}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: articles.map((source) => {
      const article = viewArticle(source, script);
      return {
        title: article.title,
        link: new URL(pageUrl(base, script, articleKey(article.slug)), site).href,
        pubDate: article.published,
        description: article.summary,
        content: article.bodyHtml,
        categories: article.topics.map(({ name }) => name),
        customData: article.authors.map(({ name }) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
      };
    }),
  });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
