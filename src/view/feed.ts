/**
 * An RSS feed of articles in one script: the latest `feedSize`, each with
 * its full text. The site's feed and each topic's are made here.
 */
import rss from '@astrojs/rss';
import type { ArticleInput } from './article-view.ts';
import { articleBody, viewArticle } from './article-view.ts';
import { langTag, type Script } from '../site/scripts.ts';
import { articleKey, pageUrl } from '../site/urls.ts';

/** Articles in a feed: a reader's feed is the news, not the archive. */
export const feedSize = 50;

export interface FeedOptions {
  script: Script;
  title: string;
  description: string;
  /** Page key of the page the feed is the feed of (`''`, `topics/x/`). */
  pageKey: string;
  /** Newest first; only the first `feedSize` are used. */
  articles: readonly ArticleInput[];
  site: URL;
  base: string;
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

export function articleFeed({ script, title, description, pageKey, articles, site, base }: FeedOptions): Promise<Response> {
  const absolute = (key: string): string => new URL(pageUrl(base, script, key), site).href;
  return rss({
    title,
    description,
    site: absolute(pageKey),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${langTag(script)}</language>`,
      `<atom:link href="${absolute(`${pageKey}rss.xml`)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: articles.slice(0, feedSize).map((source) => {
      const article = viewArticle(source, script);
      return {
        title: article.title,
        link: absolute(articleKey(article.slug)),
        pubDate: article.published,
        description: article.summary,
        content: articleBody(source, script),
        categories: article.topics.map(({ name }) => name),
        customData: article.authors.map(({ name }) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
      };
    }),
  });
}
