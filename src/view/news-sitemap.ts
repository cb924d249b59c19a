/**
 * A Google News sitemap of one script: the articles published in the last
 * two days (Google reads no older ones), each with its publication's name
 * and language, its day and its headline, written with fast-xml-parser's
 * builder so that every text is escaped once.
 *
 * @see https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import { XMLBuilder } from 'fast-xml-parser';
import { ui } from '../i18n/index.ts';
import { isoDay } from '../site/dates.ts';
import type { Script } from '../site/scripts.ts';
import { articleKey, pageUrl } from '../site/urls.ts';
import type { ArticleView } from './article-view.ts';

/** How far back a news sitemap reaches: Google's two days. */
export const newsWindowDays = 2;

/** The language Google News asks for: `zh-tw` for Traditional, `zh-cn` for Simplified. */
const newsLanguage: Record<Script, string> = { 'zh-hant': 'zh-tw', 'zh-hans': 'zh-cn' };

export interface NewsSitemapOptions {
  script: Script;
  /** The script's articles, newest first, in `script`. */
  articles: readonly ArticleView[];
  /** The build's day: articles from it and the day before are listed. */
  today: Date;
  site: URL;
  base: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, processEntities: true, format: false });

/** The articles of the window: published on `today` or in the `newsWindowDays - 1` days before. */
export function newsArticles<T extends { published: Date }>(articles: readonly T[], today: Date): T[] {
  const first = today.getTime() - (newsWindowDays - 1) * 86_400_000;
  return articles.filter(({ published }) => published.getTime() >= first && published.getTime() <= today.getTime());
}

export function newsSitemapXml({ script, articles, today, site, base }: NewsSitemapOptions): string {
  const t = ui(script);
  const url = newsArticles(articles, today).map((article) => ({
    loc: new URL(pageUrl(base, script, articleKey(article.slug)), site).href,
    'news:news': {
      'news:publication': { 'news:name': t.siteName, 'news:language': newsLanguage[script] },
      'news:publication_date': isoDay(article.published),
      'news:title': article.title,
    },
  }));
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      url,
    },
  }) as string;
}
