/**
 * What an article body or a feed item may hold once published, written out
 * here on its own: the elements, and each one's attributes with the values
 * they may take. It is deliberately not read from the sanitizer's schema
 * (`src/markdown/html-policy.ts`): the publish checks are the guard on the
 * sanitizer, and a guard that shared its list would share its mistakes (an
 * `iframe` added to the schema by error would be let through by both).
 *
 * What is listed: the Markdown an editor writes (paragraphs, headings,
 * emphasis, links, images of this site, lists, tables, quotes, code, GFM
 * footnotes and task lists), the few inline tags an editor may write as
 * HTML, and what the build adds (ids of paragraphs and headings, the
 * numerals' and Latin runs' spans, the ¶ link of each paragraph, which
 * alone may be out of the Tab order and hidden from screen readers, and the
 * figures: a `<picture>` of a photo's published sizes, each a file under
 * `photos/` named by digest and width, with its caption and credit).
 */
import type { Element, Root } from 'hast';
import { find, html } from 'property-information';

type ValueRule = (value: string) => boolean;

const anyValue: ValueRule = () => true;
const exactly =
  (...allowed: string[]): ValueRule =>
  (value) =>
    allowed.includes(value);
const matching =
  (pattern: RegExp): ValueRule =>
  (value) =>
    pattern.test(value);

/** The scheme of a URL as a browser reads it (controls and spaces dropped), or `undefined` for a relative one. */
function scheme(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^[\\/]{2}/.test(compact)) return '//';
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase();
}

/** A link: within this site, or to http, https or mailto. */
const linkTarget: ValueRule = (value) => {
  const found = scheme(value);
  return found === undefined || found === 'http' || found === 'https' || found === 'mailto';
};

/** An image: a file of this site only, never another host (a request every reader's browser would make). */
const siteFile: ValueRule = (value) => scheme(value) === undefined && value.trim() !== '';

const headingId = matching(/^\S+$/);

/** One published size of a photo: a file of this site under `photos/`, named by digest and width, in a photo format. */
const photoFile = /^(?:\/[\w.~-]+)*\/photos\/[0-9a-f]{16}-\d{1,5}\.(?:avif|webp|jpg)$/;

/** A `srcset` of published photo sizes only: `…/photos/<digest>-<width>.<ext> <width>w`, comma-separated. */
const photoSrcset: ValueRule = (value) =>
  value.split(/,\s*/).every((candidate) => {
    const [url = '', descriptor = '', ...rest] = candidate.trim().split(/\s+/);
    return rest.length === 0 && photoFile.test(url) && /^\d{1,5}w$/.test(descriptor);
  });

/** `sizes`: media conditions and lengths, nothing that names a file. */
const sizesList = matching(/^[\w\s().,:%+-]{1,200}$/);

const pixels = matching(/^\d{1,5}$/);

/** What the article page adds to a block past the searchable part of a long article (`rehype-search-extent.ts`). */
const notSearched = { 'data-pagefind-ignore': exactly('') };

/** Element → attribute (as written in HTML) → the values it may take. */
const allowed: Readonly<Record<string, Readonly<Record<string, ValueRule>>>> = {
  p: { id: matching(/^p\d+$/), ...notSearched },
  h1: { id: headingId, ...notSearched },
  h2: { id: headingId, class: exactly('footnotes__title'), ...notSearched },
  h3: { id: headingId, ...notSearched },
  h4: { id: headingId, ...notSearched },
  h5: { id: headingId, ...notSearched },
  h6: { id: headingId, ...notSearched },
  blockquote: { ...notSearched },
  hr: { ...notSearched },
  pre: { ...notSearched },
  code: { class: matching(/^language-[\w+-]+$/) },
  em: {},
  strong: {},
  del: {},
  a: {
    href: linkTarget,
    title: anyValue,
    id: matching(/^user-content-fnref-[\w-]+$/),
    'data-footnote-ref': exactly(''),
    'data-footnote-backref': exactly(''),
    'aria-describedby': exactly('footnote-label'),
    'aria-label': anyValue,
    class: exactly('data-footnote-backref', 'para-link'),
    // The ¶ link only (see `paragraphLinkOnly`): out of the Tab order and unheard, the page's copy button serving both.
    tabindex: exactly('-1'),
    'aria-hidden': exactly('true'),
  },
  img: {
    src: siteFile,
    alt: anyValue,
    title: anyValue,
    srcset: photoSrcset,
    sizes: sizesList,
    width: pixels,
    height: pixels,
    loading: exactly('lazy'),
    decoding: exactly('async'),
  },
  // A figure of the body: a photo's sizes and formats, its caption and credit.
  figure: { class: exactly('figure') },
  picture: {},
  source: { type: exactly('image/avif', 'image/webp'), srcset: photoSrcset, sizes: sizesList },
  figcaption: {},
  ul: { class: exactly('contains-task-list'), ...notSearched },
  ol: { start: matching(/^\d+$/), ...notSearched },
  li: { id: matching(/^user-content-fn-[\w-]+$/), class: exactly('task-list-item') },
  input: { type: exactly('checkbox'), disabled: exactly(''), checked: exactly('') },
  table: { ...notSearched },
  thead: {},
  tbody: {},
  tr: {},
  th: { align: exactly('left', 'right', 'center') },
  td: { align: exactly('left', 'right', 'center') },
  section: { 'data-footnotes': exactly(''), class: exactly('footnotes'), ...notSearched },
  // The inline tags an editor may write as HTML.
  br: {},
  wbr: {},
  sup: {},
  sub: {},
  ruby: {},
  rt: {},
  rp: {},
  abbr: { title: anyValue },
  mark: {},
  small: {},
  span: {
    lang: matching(/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i),
    class: exactly('num', 'figure__caption', 'figure__credit'),
  },
};

/**
 * Attributes that take an element away from the keyboard and from screen
 * readers, allowed on the ¶ link alone: on any other link they would hide
 * what an author wrote from the readers who cannot point at it.
 */
const paragraphLinkOnly: ReadonlySet<string> = new Set(['tabindex', 'aria-hidden']);

/** Whether `node` is the ¶ link the article page adds to a paragraph. */
function isParagraphLink(node: Element): boolean {
  return node.tagName === 'a' && attributeValue(node.properties['className']) === 'para-link';
}

/** An attribute's value as written in HTML (a class list joined by spaces, a boolean as an empty string). */
function attributeValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(' ');
  if (value === true) return '';
  return String(value);
}

/**
 * The first thing in `tree` that no article may publish, described for the
 * build log (`<iframe>`, `attribute "onerror" on <img>`), or `undefined`.
 */
export function disallowedMarkup(tree: Root | Element): string | undefined {
  const walk = (nodes: readonly (Root | Element)['children'][number][]): string | undefined => {
    for (const node of nodes) {
      if (node.type === 'comment') return 'an HTML comment';
      if (node.type !== 'element') continue;
      const rules = allowed[node.tagName];
      if (rules === undefined || !Object.hasOwn(allowed, node.tagName)) return `<${node.tagName}>`;
      for (const [property, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null || value === false) continue;
        const attribute = find(html, property).attribute;
        const rule = Object.hasOwn(rules, attribute) ? rules[attribute] : undefined;
        if (rule === undefined) return `attribute "${attribute}" on <${node.tagName}>`;
        if (!rule(attributeValue(value))) return `attribute ${attribute}="${attributeValue(value)}" on <${node.tagName}>`;
        if (paragraphLinkOnly.has(attribute) && !isParagraphLink(node))
          return `attribute "${attribute}" on <${node.tagName}> other than a ¶ link`;
      }
      const inside = walk(node.children);
      if (inside !== undefined) return inside;
    }
    return undefined;
  };
  return walk(tree.children);
}
