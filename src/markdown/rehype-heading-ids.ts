/**
 * rehype plugin: gives every heading of an article an id made from its text
 * (github-slugger, as GitHub and Astro do), the same in every script since
 * it is made once from the source, and collects the headings for the table
 * of contents. Ids the page around the article uses (`main`, `site-search`,
 * paragraph ids `p12`…) are never given to a heading: it gets `-1` after.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface HeadingIdsOptions {
  /** Ids the page around the article uses. */
  reserved?: readonly string[];
}

/** Ids of the page chrome around an article body (see src/components/ and src/layouts/). */
export const pageIds = [
  'main',
  'site-search',
  'site-search-results',
  'site-search-hint',
  'search-heading',
  'search-page-input',
  'toc-title',
  'toc-summary',
  'sources-title',
  'editor-notes-title',
  'related-title',
  'footnote-label',
];

export default function rehypeHeadingIds({ reserved = pageIds }: HeadingIdsOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const slugger = new GithubSlugger();
    for (const id of reserved) slugger.slug(id);
    const headings: Heading[] = [];
    visit(tree, 'element', (element: Element) => {
      const depth = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (depth === undefined) return;
      const text = toString(element);
      if (typeof element.properties['id'] !== 'string') {
        let slug = slugger.slug(text);
        // A paragraph's id (p3) or a footnote's (user-content-…) is not a heading's.
        if (/^p\d+$/.test(slug) || slug.startsWith('user-content-')) slug = slugger.slug(`${slug}-heading`);
        element.properties['id'] = slug;
      }
      headings.push({ depth: Number(depth), slug: String(element.properties['id']), text });
    });
    file.data['headings'] = headings;
  };
}
