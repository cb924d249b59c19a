/**
 * Everything a reader sees or hears on a built page, as text: text nodes,
 * `<title>`, the meta description and Open Graph text, and the perceived
 * attributes. Code is left out (it is shown as written in every script), and
 * so are regions marked with another language than the page's own (the 繁體
 * link on a Simplified page, English source titles).
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { perceivedAttributes } from '../conversion/types.ts';

const pageParser = unified().use(rehypeParse);
const fragmentParser = unified().use(rehypeParse, { fragment: true });

const hidden = new Set(['script', 'style', 'template', 'noscript']);
const verbatim = new Set(['code', 'pre', 'kbd', 'samp', 'var']);
const describedBy = /^(description|og:title|og:description|og:site_name|twitter:title|twitter:description)$/;

export interface PageTextOptions {
  /** The page's own language tag: elements marked with another `lang` are left out. */
  lang?: string | undefined;
}

export function parsePage(html: string): Root {
  return pageParser.parse(html);
}

/** Parses an HTML fragment, such as a feed item's content. */
export function parseFragment(html: string): Root {
  return fragmentParser.parse(html);
}

/** The text pieces of a page, each a separate string (never joined across elements). */
export function pageText(tree: Root, { lang }: PageTextOptions = {}): string[] {
  const pieces: string[] = [];
  const own = lang?.toLowerCase();
  const skipped = (element: Element): boolean => {
    if (hidden.has(element.tagName) || verbatim.has(element.tagName)) return true;
    const marked = element.properties['lang'];
    return own !== undefined && typeof marked === 'string' && marked !== '' && !marked.toLowerCase().startsWith(own);
  };
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') pieces.push(node.value);
      if (node.type !== 'element' || skipped(node)) continue;
      for (const name of perceivedAttributes) {
        const value = node.properties[name];
        if (typeof value === 'string') pieces.push(value);
      }
      const metaName = node.properties['name'] ?? node.properties['property'];
      if (node.tagName === 'meta' && typeof metaName === 'string' && describedBy.test(metaName)) {
        const content = node.properties['content'];
        if (typeof content === 'string') pieces.push(content);
      }
      walk(node.children);
    }
  };
  walk(tree.children);
  return pieces;
}

/** The element with `class` containing `name`, first in document order. */
export function findByClass(tree: Root, name: string): Element | undefined {
  let found: Element | undefined;
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (found || node.type !== 'element') continue;
      const classes = node.properties['className'];
      if (Array.isArray(classes) && classes.includes(name)) found = node;
      else walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}
