/**
 * The items of an RSS feed as a feed reader reads them, with a strict XML
 * parser (saxes): the texts it shows as text (title, categories, creators),
 * the description it renders as HTML, and the full text's HTML.
 */
import { SaxesParser } from 'saxes';

export interface FeedItem {
  link: string;
  /** Plain text a reader shows: title, categories, creators. */
  texts: string[];
  /** The description, which readers render as HTML: it must hold text only. */
  descriptionHtml: string;
  /** The item's full text, as HTML. */
  html: string;
}

/** The items of a feed; an unreadable feed has none (the well-formedness check names it). */
export function feedItems(xml: string): FeedItem[] {
  const items: FeedItem[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let item: FeedItem | undefined;
  let field: string | undefined;
  let text = '';
  parser.on('opentag', ({ name }) => {
    if (name === 'item') item = { link: '', texts: [], descriptionHtml: '', html: '' };
    else if (item !== undefined) {
      field = name;
      text = '';
    }
  });
  parser.on('text', (value) => void (text += value));
  parser.on('cdata', (value) => void (text += value));
  parser.on('closetag', ({ name }) => {
    if (name === 'item' && item !== undefined) {
      items.push(item);
      item = undefined;
    } else if (item !== undefined && name === field) {
      if (name === 'link') item.link = text;
      else if (name === 'description') item.descriptionHtml = text;
      else if (name === 'content:encoded') item.html = text;
      else if (name === 'title' || name === 'category' || name === 'dc:creator') item.texts.push(text);
      field = undefined;
    }
  });
  parser.on('error', () => undefined);
  try {
    parser.write(xml).close();
  } catch {
    // Not well-formed: reported by the well-formedness check.
  }
  return items;
}
