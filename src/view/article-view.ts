/**
 * An article as one script shows it: every field a reader sees, converted
 * once per article and script (cached) from the author's text, whichever
 * script that is. This is where text is converted for pages and feeds, so
 * it is where what the conversion fixed (rules, pins) and each body's text
 * length are noted for the publish checks (`src/build/state.ts`).
 */
import type { Root } from 'hast';
import { noteBodyLength, noteFixedTexts, noteRenderFailure } from '../build/state.ts';
import { convertHtml, convertText, createConversionLog, type ConvertOptions, type Glossary } from '../conversion/index.ts';
import { ui } from '../i18n/index.ts';
import { storedHtmlSchema } from '../markdown/html-policy.ts';
import { sanitizedCopy } from '../markdown/rehype-sanitize-checked.ts';
import type { ArticleCorrection, ArticleSource } from '../schemas/article.ts';
import type { LeadPhotoFields } from '../schemas/photo.ts';
import type { PhotoFacts } from '../site/photos.ts';
import { timed } from '../build/timing.ts';
import { authorKey } from '../content/author-key.ts';
import { readingMinutes } from '../site/reading-time.ts';
import type { Script, SourceVariant } from '../site/scripts.ts';
import { articleKey } from '../site/urls.ts';

export interface ArticleInput {
  slug: string;
  /** The file it was written in (`content/articles/foo.md`), for messages. */
  file: string;
  /** Changes when the file changes; part of the cache key in dev mode. */
  digest: string;
  title: string;
  editorialTitle: boolean;
  summary: string;
  authors: readonly { name: string; role: string }[];
  outlet: string;
  dateline?: string | undefined;
  published: Date;
  updated?: Date | undefined;
  sourceVariant: SourceVariant;
  /** Topics with their names in every script. */
  topics: readonly { id: string; names: Readonly<Record<Script, string>> }[];
  sources: readonly ArticleSource[];
  corrections: readonly ArticleCorrection[];
  /** The article's own pinned terms, then the site's. */
  glossary: Glossary;
  /** Body HTML rendered from the Markdown, in the source script, inline rules still in the text. */
  html: string;
  /** Where the build keeps `html` (`src/build/article-bodies.ts`), for a worker thread to read it there. */
  bodyFile?: string | undefined;
  headings: readonly { depth: number; slug: string; text: string }[];
  /** Han characters of the body, counted on the tree it was rendered from. */
  hanCharacters: number;
  /** The lead photo, as written. */
  photo?: LeadPhotoFields | undefined;
  /** Every photo the article shows (lead and figures), by file name, as checked. */
  photos?: Readonly<Record<string, PhotoFacts>> | undefined;
}

export interface ArticleView extends Omit<
  ArticleInput,
  'html' | 'bodyFile' | 'digest' | 'glossary' | 'topics' | 'authors' | 'file' | 'photo'
> {
  /** The lead photo in this script (its credit as written), with what is known of its file. */
  photo?: (LeadPhotoFields & { facts: PhotoFacts }) | undefined;
  script: Script;
  /** Each author's name and role in this script, and the key of their page. */
  authors: readonly { name: string; role: string; key: string }[];
  topics: readonly { id: string; name: string }[];
  readingMinutes: number;
}

/** Card fields of every article, per script: small, so kept for the whole build. Bodies are converted when asked for. */
const cache = new Map<string, ArticleView>();

type ShownFields = Omit<ArticleView, 'script' | 'readingMinutes'>;

/** What the texts an article's conversion fixed are noted under (`src/build/state.ts`). */
export const articleSource = (slug: string): string => `article:${slug}`;

function shownFields(article: ArticleInput, script: Script): ShownFields {
  // Not `html`: a card does not read the body (built articles keep it out of their enumerable fields).
  const { digest, glossary, file, bodyFile, ...fields } = article;
  const log = createConversionLog();
  const options: ConvertOptions = { from: article.sourceVariant, to: script, glossary, log };
  const convert = (text: string): string => convertText(text, options);
  const shown: ShownFields = {
    ...fields,
    title: convert(fields.title),
    summary: convert(fields.summary),
    authors: fields.authors.map(({ name, role }) => ({
      name: convert(name),
      role: convert(role),
      key: authorKey(name, article.sourceVariant, glossary),
    })),
    outlet: convert(fields.outlet),
    dateline: fields.dateline === undefined ? undefined : convert(fields.dateline),
    topics: fields.topics.map(({ id, names }) => ({ id, name: names[script] })),
    sources: fields.sources.map((source) => ({ ...source, publisher: convert(source.publisher), title: convert(source.title) })),
    corrections: fields.corrections.map(({ original, corrected, note, date }) => ({
      original: convert(original),
      corrected: convert(corrected),
      note: convert(note),
      date,
    })),
    headings: fields.headings
      .filter(({ slug }) => slug !== 'footnote-label')
      .map((heading) => ({ ...heading, text: convert(heading.text) })),
    photo: leadPhoto(fields.photo, fields.photos, convert),
  };
  noteFixedTexts(script, log.fixed, articleSource(article.slug));
  return shown;
}

/** The lead photo with its alt and caption in a script (`convert`); the credit, a name, as written. */
function leadPhoto(
  photo: LeadPhotoFields | undefined,
  photos: Readonly<Record<string, PhotoFacts>> = {},
  convert: (text: string) => string,
): ArticleView['photo'] {
  if (photo === undefined) return undefined;
  const facts = Object.hasOwn(photos, photo.file) ? photos[photo.file] : undefined;
  if (facts === undefined) throw new Error(`its lead photo "${photo.file}" has no checked file`);
  // The credit through an inline rule, as in the body's figures: kept as written, and noted as fixed for the guards.
  return { ...photo, alt: convert(photo.alt), caption: convert(photo.caption), credit: convert(`-{${photo.credit}}-`), facts };
}

/** The fields as written, for a page that will not be published (`forArticle`). */
function unconvertedFields({
  bodyFile,
  digest,
  glossary,
  file,
  authors,
  topics,
  headings,
  photo,
  ...fields
}: ArticleInput): ShownFields {
  return {
    ...fields,
    photo: undefined,
    authors: authors.map(({ name, role }) => ({ name, role, key: 'author' })),
    topics: topics.map(({ id }) => ({ id, name: id })),
    headings,
  };
}

/**
 * The body in `script`: converted each time it is asked for (an article page,
 * a feed item), and not kept. `finish` adds markup that holds no text (the
 * page's ¶ links) to the same tree, before it is written.
 */
export function articleBody(article: ArticleInput, script: Script, finish?: (tree: Root) => void): string {
  return timed('conversion', () =>
    forArticle(
      article,
      `its body in ${script}`,
      () => bodyHtml(article, script, finish),
      () => '',
    ),
  );
}

/**
 * Runs `work` for `article`. Should it fail, the failure is noted with the
 * article's file and what was being made (the build stops once every page
 * was tried, and says it once: `render-failures`), and the page is made
 * with `fallback` so that the other pages that show the article do not fail
 * and say it again. Such a build publishes nothing.
 */
function forArticle<T>(article: ArticleInput, what: string, work: () => T, fallback: () => T): T {
  try {
    return work();
  } catch (error) {
    noteRenderFailure(`${article.file}: making ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fallback();
  }
}

function bodyHtml(article: ArticleInput, script: Script, finish?: (tree: Root) => void): string {
  // A copy of a built article's fields has no body (it is read on demand, not copied): never publish it empty.
  const html = article.html;
  if (typeof html !== 'string') throw new Error('its body was not given to the page (a copy of its fields?)');
  const log = createConversionLog();
  const t = ui(script);
  // The stored HTML is sanitized again here: a poisoned content cache cannot reach a page or a feed.
  const body = convertHtml(
    html,
    { from: article.sourceVariant, to: script, glossary: article.glossary, log },
    {
      footnotes: { label: t.footnotes, backLabel: t.footnoteBack },
      prepare: (tree) => void (tree.children = sanitizedCopy(tree, storedHtmlSchema).children),
      finish,
    },
  );
  noteBodyLength(`${script}/${articleKey(article.slug)}`, body.textLength);
  noteFixedTexts(script, log.fixed, articleSource(article.slug));
  return body.html;
}

/** A piece of an article's metadata (an author's name, a role) in `script`, converted as the article's own fields are. */
export function articleText(text: string, article: ArticleInput, script: Script): string {
  return forArticle(
    article,
    `「${text}」 in ${script}`,
    () => convertText(text, { from: article.sourceVariant, to: script, glossary: article.glossary }),
    () => text,
  );
}

/** The article in `script`: its fields converted the first time they are asked for (its body: `articleBody`). */
export function viewArticle(article: ArticleInput, script: Script): ArticleView {
  const key = `${article.slug}\u0000${article.digest}\u0000${script}`;
  let view = cache.get(key);
  if (view === undefined) {
    const shown = timed('conversion', () =>
      forArticle(
        article,
        `its fields in ${script}`,
        () => shownFields(article, script),
        () => unconvertedFields(article),
      ),
    );
    view = { ...shown, script, readingMinutes: readingMinutes(article.hanCharacters) };
    cache.set(key, view);
  }
  return view;
}
