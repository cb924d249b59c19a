/**
 * What an article may publish as HTML. Two lists:
 *
 * - the inline tags an editor may write as raw HTML (`<sup>`, `<ruby>`,
 *   `<abbr title>`, `<span lang>`…): none can load or run anything;
 * - the schema of the sanitizer (hast-util-sanitize), which is that list plus
 *   what Markdown itself renders (paragraphs, links, lists, tables, GFM
 *   footnotes and task lists), with every attribute and URL scheme it may
 *   carry. Nothing outside it reaches a page or a feed.
 */
import type { Schema } from 'hast-util-sanitize';
import { photoFilePattern } from '../schemas/photo.ts';

/** A BCP 47 language tag, as an editor marks a span of another language. */
const languageTag = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** Raw HTML an editor may write: tag → the attributes it may carry. */
export const editorTags: Readonly<Record<string, readonly string[]>> = {
  br: [],
  wbr: [],
  sup: [],
  sub: [],
  ruby: [],
  rt: [],
  rp: [],
  abbr: ['title'],
  mark: [],
  small: [],
  span: ['lang'],
};

/** Whether an attribute value is acceptable on an editor's tag. */
export function editorAttributeAllowed(tag: string, attribute: string, value: string): boolean {
  if (!(editorTags[tag] ?? []).includes(attribute)) return false;
  return attribute !== 'lang' || languageTag.test(value);
}

/** Link schemes an article may use; anything else (javascript:, data:, vbscript:…) is refused. */
export const linkProtocols = ['http', 'https', 'mailto'] as const;

/** Elements whose content is dropped with them, not unwrapped. */
const strip = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'select',
  'option',
];

const alignment: [string, ...string[]] = ['align', 'left', 'right', 'center'];

export const sanitizeSchema: Schema = {
  strip,
  // Ids come only from the pipeline (footnotes here, headings and paragraphs after the sanitizer).
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
  tagNames: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'hr',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'section',
    ...Object.keys(editorTags),
  ],
  ancestors: {
    li: ['ol', 'ul'],
    thead: ['table'],
    tbody: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    input: ['li'],
    rt: ['ruby'],
    rp: ['ruby'],
  },
  attributes: {
    a: [
      'href',
      'title',
      ['id', /^user-content-fnref-/],
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['ariaDescribedBy', 'footnote-label'],
      'ariaLabel',
      ['className', 'data-footnote-backref'],
    ],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    ul: [['className', 'contains-task-list']],
    li: [
      ['id', /^user-content-fn-/],
      ['className', 'task-list-item'],
    ],
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
    code: [['className', /^language-[\w+-]+$/]],
    th: [alignment],
    td: [alignment],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: [
      ['id', 'footnote-label'],
      ['className', 'footnotes__title'],
    ],
    abbr: ['title'],
    span: [['lang', languageTag]],
  },
  protocols: {
    href: [...linkProtocols],
    // Images only from this site: a relative URL, no scheme at all.
    src: [],
  },
};

const headingId: [string, ...RegExp[]] = ['id', /^[^\s]+$/];

/** The attributes the sanitizer's schema gives `tag`, less the definition of `name`. */
const attributesExcept = (tag: string, name: string): NonNullable<Schema['attributes']>[string] =>
  (sanitizeSchema.attributes?.[tag] ?? []).filter((definition) => !(Array.isArray(definition) && definition[0] === name));

/**
 * The schema of stored article HTML, sanitized again as each page is built
 * (the content cache is not trusted), and of the article body on a built
 * page: the same, plus what the pipeline adds after its own sanitizer (the
 * ids of headings and paragraphs, `<span class="num">` around numerals) and
 * what the article page adds (the empty ¶ link of each paragraph). Figures
 * (`rehype-figures.ts`) are made by the pipeline after its sanitizer, never
 * written by an editor: the first schema refuses `<figure>`, this one keeps
 * what the pipeline made of a listed photo.
 */
export const storedHtmlSchema: Schema = {
  ...sanitizeSchema,
  tagNames: [...(sanitizeSchema.tagNames ?? []), 'figure', 'figcaption'],
  ancestors: { ...sanitizeSchema.ancestors, figcaption: ['figure'] },
  attributes: {
    ...sanitizeSchema.attributes,
    // The ¶ link: its class, and out of the Tab order and unheard (the article page's copy button serves the keyboard).
    a: [
      ...attributesExcept('a', 'className'),
      ['className', 'data-footnote-backref', 'para-link'],
      ['tabIndex', -1],
      ['ariaHidden', 'true'],
    ],
    span: [...attributesExcept('span', 'className'), ['className', 'num', 'figure__caption', 'figure__credit']],
    figure: [
      ['className', 'figure'],
      ['dataPhoto', photoFilePattern],
    ],
    p: [['id', /^p\d+$/]],
    h1: [headingId],
    h2: [...attributesExcept('h2', 'id'), headingId],
    h3: [headingId],
    h4: [headingId],
    h5: [headingId],
    h6: [headingId],
  },
};
