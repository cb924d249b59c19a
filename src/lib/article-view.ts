/**
 * An article as one script shows it: every field a reader sees, converted
 * once per article and script (cached), from the Traditional source.
 */
import siteGlossary from '../../content/glossary.json' with { type: 'json' };
import type { ArticleCorrection, ArticleSource, Glossary } from './article-schema.ts';
import { timed } from './build-timing.ts';
import { conversionEnabled, toSimplified, type ConvertOptions } from './convert.ts';
import { convertHtml } from './convert-html.ts';
import { countHan, readingMinutes } from './reading-time.ts';
import type { Script, SourceVariant } from './scripts.ts';

export interface ArticleInput {
  slug: string;
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
  topics: readonly { id: string; name: string }[];
  sources: readonly ArticleSource[];
  corrections: readonly ArticleCorrection[];
  glossary: Glossary;
  /** Body HTML rendered from the Markdown, in the source script. */
  html: string;
  headings: readonly { depth: number; slug: string; text: string }[];
}

export interface ArticleView extends Omit<ArticleInput, 'html' | 'digest' | 'glossary'> {
  script: Script;
  bodyHtml: string;
  hanCharacters: number;
  readingMinutes: number;
}

/** The site glossary with the article's own entries over it. */
export function glossaryFor(article: Pick<ArticleInput, 'glossary'>): Glossary {
  return { ...siteGlossary, ...article.glossary };
}

const cache = new Map<string, ArticleView>();

/** A topic name (written in Taiwan Traditional in content/topics.yaml) as `script` shows it. */
export function topicName(name: string, script: Script): string {
  if (script === 'zh-hant' || !conversionEnabled) return name;
  return timed('conversion', () => toSimplified(name, { variant: 'zh-TW', glossary: siteGlossary }));
}

type ShownFields = Omit<ArticleView, 'script' | 'hanCharacters' | 'readingMinutes'>;

function shownFields(article: ArticleInput, script: Script): ShownFields {
  const { html, digest, glossary, ...fields } = article;
  if (script === 'zh-hant' || !conversionEnabled) return { ...fields, bodyHtml: html };
  const options: ConvertOptions = { variant: article.sourceVariant, glossary: glossaryFor(article) };
  const convert = (text: string): string => toSimplified(text, options);
  return {
    ...fields,
    title: convert(fields.title),
    summary: convert(fields.summary),
    authors: fields.authors.map(({ name, role }) => ({ name: convert(name), role: convert(role) })),
    outlet: convert(fields.outlet),
    dateline: fields.dateline === undefined ? undefined : convert(fields.dateline),
    topics: fields.topics.map(({ id, name }) => ({ id, name: topicName(name, script) })),
    sources: fields.sources.map((source) => ({ ...source, publisher: convert(source.publisher), title: convert(source.title) })),
    corrections: fields.corrections.map(({ original, corrected, note }) => ({
      original: convert(original),
      corrected: convert(corrected),
      note: convert(note),
    })),
    headings: fields.headings.map((heading) => ({ ...heading, text: convert(heading.text) })),
    bodyHtml: convertHtml(html, options),
  };
}

/** The article in `script`, converted from its source the first time it is asked for. */
export function viewArticle(article: ArticleInput, script: Script): ArticleView {
  const key = `${article.slug}\u0000${article.digest}\u0000${script}`;
  let view = cache.get(key);
  if (view === undefined) {
    const hanCharacters = countHan(article.html.replace(/<[^>]*>/g, ''));
    const shown = timed(script === 'zh-hans' ? 'conversion' : 'view', () => shownFields(article, script));
    view = { ...shown, script, hanCharacters, readingMinutes: readingMinutes(hanCharacters) };
    cache.set(key, view);
  }
  return view;
}
