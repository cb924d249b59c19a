/**
 * The items of an RSS feed, as the publish checks read them: the text a
 * feed reader shows (title, summary, categories, authors) and the HTML of
 * the full text, parsed with a real XML parser.
 */
import { XMLParser } from 'fast-xml-parser';

export interface FeedItem {
  link: string;
  /** Plain text a reader sees: title, description, categories, creators. */
  texts: string[];
  /** The item's full text, as HTML. */
  html: string;
}

const parser = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true });

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function feedItems(xml: string): FeedItem[] {
  const feed = parser.parse(xml) as { rss?: { channel?: { item?: unknown } } };
  return list(feed.rss?.channel?.item).map((raw) => {
    const item = raw as Record<string, unknown>;
    return {
      link: text(item['link']),
      texts: [item['title'], item['description'], ...list(item['category']), ...list(item['dc:creator'])].map(text),
      html: text(item['content:encoded']),
    };
  });
}
