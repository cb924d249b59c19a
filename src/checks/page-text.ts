/**
 * Everything a reader sees or hears on a built page, as text: text nodes,
 * `<title>`, the meta description and Open Graph text, and the perceived
 * attributes. Regions marked with another language (the 繁體 link on a
 * Simplified page, English source titles) can be left out.
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const parser = unified().use(rehypeParse);

const hidden = new Set(['script', 'style', 'template', 'noscript']);
const perceived = ['alt', 'title', 'ariaLabel', 'ariaDescription', 'placeholder'] as const;
const describedBy = /^(description|og:title|og:description|og:site_name|twitter:title|twitter:description)$/;

export interface PageTextOptions {
  /** Leave out elements whose `lang` starts with one of these (case-insensitive). */
  skipLangs?: readonly string[];
}

export function parsePage(html: string): Root {
  return parser.parse(html);
}

/** The text pieces of a page, each a separate string (never joined across elements). */
export function pageText(tree: Root, { skipLangs = [] }: PageTextOptions = {}): string[] {
  const pieces: string[] = [];
  const skipped = (element: Element): boolean => {
    const lang = element.properties['lang'];
    return typeof lang === 'string' && skipLangs.some((prefix) => lang.toLowerCase().startsWith(prefix.toLowerCase()));
  };
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') pieces.push(node.value);
      if (node.type !== 'element' || hidden.has(node.tagName) || skipped(node)) continue;
      for (const name of perceived) {
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
