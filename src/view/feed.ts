/**
 * An RSS 2.0 feed of articles in one script: the latest `feedSize`, each
 * with its full text. The site's feed and each topic's are made here, with
 * fast-xml-parser's builder, so that every text is written once and escaped
 * once, never parsed again as markup or as a number:
 *
 * - `title`, `category` and `dc:creator` carry the text exactly as written
 *   (O'Brien, Smith & Jones, a pen name "007");
 * - `description` carries the summary as plain text: RSS readers render it
 *   as HTML, so it is escaped as HTML before it is written as XML, and a
 *   summary holding `<img src=x onerror=…>` shows those characters;
 * - `content:encoded` carries the article body's HTML, the same sanitized
 *   HTML as the page's (the publish checks read it again), its figures as
 *   one JPEG each at its absolute address;
 * - `media:content` carries the lead photo (Media RSS), its caption and
 *   credit as plain text.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { langTag, type Script } from '../site/scripts.ts';
import { fallbackWidth, heightAt, photoUrl } from '../site/photos.ts';
import { articleKey, pageUrl } from '../site/urls.ts';
import { articleBody, viewArticle, type ArticleInput, type ArticleView } from './article-view.ts';
import rehypePhotos from './rehype-photos.ts';

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

const namespaces = {
  '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
  '@_xmlns:media': 'http://search.yahoo.com/mrss/',
};

/** The lead photo as Media RSS: the JPEG readers show, its size, its caption and credit. @see https://www.rssboard.org/media-rss#media-content */
function mediaContent(photo: NonNullable<ArticleView['photo']>, root: string): Record<string, unknown> {
  const width = fallbackWidth(photo.facts);
  return {
    '@_url': photoUrl(root, photo.facts.digest, width, 'jpg'),
    '@_type': 'image/jpeg',
    '@_medium': 'image',
    '@_width': String(width),
    '@_height': String(heightAt(photo.facts, width)),
    'media:description': { '#text': `${photo.caption}（${photo.credit}）`, '@_type': 'plain' },
    'media:credit': photo.credit,
  };
}

/** Writes text and attribute values escaped (`&`, `<`, `>`, quotes), as they are; empty elements closed. */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** Text as HTML that shows exactly that text. */
const asHtmlText = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The feed's XML. */
export function feedXml({ script, title, description, pageKey, articles, site, base }: FeedOptions): string {
  const absolute = (key: string): string => new URL(pageUrl(base, script, key), site).href;
  const root = new URL(base, site).href;
  const items = articles.slice(0, feedSize).map((source) => {
    const article = viewArticle(source, script);
    // Figures at their address under the site's base, as every image of a body is: the checks allow no other host.
    const addPhotos = rehypePhotos({ photos: source.photos ?? {}, base, form: 'feed' });
    const link = absolute(articleKey(article.slug));
    return {
      title: article.title,
      link,
      guid: { '#text': link, '@_isPermaLink': 'true' },
      description: asHtmlText(article.summary),
      pubDate: article.published.toUTCString(),
      'content:encoded': articleBody(source, script, addPhotos),
      'dc:creator': article.authors.map(({ name }) => name),
      category: article.topics.map(({ name }) => name),
      ...(article.photo === undefined ? {} : { 'media:content': mediaContent(article.photo, root) }),
    };
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      ...namespaces,
      channel: {
        title,
        description,
        link: absolute(pageKey),
        language: langTag(script),
        'atom:link': { '@_href': absolute(`${pageKey}rss.xml`), '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: items,
      },
    },
  }) as string;
}

export function articleFeed(options: FeedOptions): Response {
  return new Response(feedXml(options), { headers: { 'Content-Type': 'application/xml' } });
}
