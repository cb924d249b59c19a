/**
 * Each article's part of the search data (`TextsPart`, from its searchable
 * texts converted into every script: `search-data-build.ts`), kept across
 * builds in the content cache (`<cache>/search-parts/`), so that a rebuild
 * converts and reads only the articles that changed. An entry's key is the
 * article's digest (its file, its photos, and the code and locked
 * dependency versions of the Markdown pipeline and the conversion, OpenCC's
 * tables and jieba's dictionary with them), the glossary its text is
 * converted with (the site's pins, its own and its byline's), and the
 * digest of what reads the texts (the search data's code and the names
 * table). Entries no build asked for are removed at the end.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { readArticleBody } from '../build/article-bodies.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import { timed } from '../build/timing.ts';
import { convertText, isTongyongGuifan } from '../conversion/index.ts';
import { scripts, type Script } from '../site/scripts.ts';
import type { ArticleInput } from '../view/article-view.ts';
import { combineParts, type SearchDataBuilder, type SearchDataTables, type TextsPart } from './search-data-build.ts';
import { convertForm, regionalPhrases, variantPairs } from './opencc-sources.ts';

/** The fields the search data reads of an article (sent to a worker thread: `search-parts-worker.ts`), but its body. */
const searchableFields = [
  'slug',
  'file',
  'digest',
  'sourceVariant',
  'glossary',
  'title',
  'summary',
  'outlet',
  'dateline',
  'authors',
  'sources',
] as const;

/** What the search data reads of an article: its fields, and its body or the file the build keeps it in. */
export type SearchableArticle = Pick<ArticleInput, (typeof searchableFields)[number]> & {
  html?: string | undefined;
  bodyFile?: string | undefined;
};

/**
 * Just what the search data reads of `article`, so that no more is copied to
 * the worker: a kept body goes as its file's name, read only if the
 * article's part is not in the cache.
 */
export function searchable(
  article: Pick<ArticleInput, (typeof searchableFields)[number] | 'html' | 'bodyFile'>,
): SearchableArticle {
  const picked = Object.fromEntries(searchableFields.map((field) => [field, article[field]])) as Pick<
    ArticleInput,
    (typeof searchableFields)[number]
  >;
  const fields = {
    ...picked,
    authors: article.authors.map(({ name, role }) => ({ name, role })),
    sources: article.sources.map(({ publisher, title }) => ({ publisher, title })),
  };
  return article.bodyFile === undefined ? { ...fields, html: article.html } : { ...fields, bodyFile: article.bodyFile };
}

/** The body of `article`, read from its file if it was sent as one; never taken as empty when it was not sent. */
function bodyOf(article: SearchableArticle): string {
  if (article.bodyFile !== undefined) return readArticleBody(article.bodyFile, article.file);
  if (article.html === undefined) throw new Error(`${article.file}: its body was not sent to the search data`);
  return article.html;
}

/** The search data's tables: OpenCC's variant pairs and regional phrases, the editors' names, the converter. */
export function searchDataTables(names: readonly (readonly string[])[]): SearchDataTables {
  return {
    variantPairs: variantPairs(),
    phrases: regionalPhrases(),
    names,
    convert: convertForm,
    isSimplifiedStandard: isTongyongGuifan,
  };
}

/** What reads the site's texts into the search data: its code and the names table (part of each entry's key). */
export async function searchReaderDigest(root: string, names: readonly (readonly string[])[]): Promise<string> {
  const code = await sourcesDigest(root, ['src/{search,indexer,conversion}/**/*.ts']);
  return createHash('sha256').update(code).update(JSON.stringify(names)).digest('hex');
}

/** The texts of an article Pagefind indexes, in its author's script: fields, names, sources, each body block. */
export function articleSourceTexts(article: SearchableArticle): string[] {
  return [
    article.title,
    article.summary,
    article.outlet,
    article.dateline ?? '',
    ...article.authors.flatMap(({ name, role }) => [name, role]),
    ...article.sources.flatMap(({ publisher, title }) => [publisher, title]),
    // Each block's text on its own line: a phrase never runs on from one paragraph into the next.
    fromHtml(bodyOf(article), { fragment: true })
      .children.map((node) => toString(node))
      .join('\n'),
  ];
}

/** Each text of `article`, written in every script. */
function convertArticle(article: SearchableArticle): Record<Script, string>[] {
  return articleSourceTexts(article).map(
    (text) =>
      Object.fromEntries(
        scripts.map((script) => [
          script,
          timed('conversion', () => convertText(text, { from: article.sourceVariant, to: script, glossary: article.glossary })),
        ]),
      ) as Record<Script, string>,
  );
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isPairs = <T>(value: unknown, second: (item: unknown) => item is T): value is [string, T][] =>
  Array.isArray(value) &&
  value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && second(pair[1]));
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/** Whether a stored entry has the shape this code writes (anything else is made again). */
function isPart(value: unknown): value is TextsPart {
  if (typeof value !== 'object' || value === null) return false;
  const { map, counts, found } = value as Partial<Record<keyof TextsPart, unknown>>;
  if (typeof map !== 'object' || map === null || typeof counts !== 'object' || counts === null) return false;
  if (typeof found !== 'object' || found === null) return false;
  const { maps, unchanged } = map as Partial<Record<keyof TextsPart['map'], unknown>>;
  if (typeof maps !== 'object' || maps === null || !isStrings(unchanged)) return false;
  return scripts.every(
    (script) =>
      isPairs((maps as Record<string, unknown>)[script], isStrings) &&
      isPairs((counts as Record<string, unknown>)[script], isCount) &&
      isStrings((found as Record<string, unknown>)[script]),
  );
}

export interface SearchPartCache {
  /** `article`'s part of the search data, from the cache or made (and kept). */
  part(article: SearchableArticle): TextsPart;
  /**
   * The part of `articles` together (merged in their order), from the cache
   * or made from their own parts (and kept): a rebuild reads one file for a
   * group none of whose articles changed.
   */
  group(articles: readonly SearchableArticle[]): TextsPart;
  /** The entries asked for so far (file names), and how many came from the cache and how many were made. */
  asked(): { names: string[]; kept: number; converted: number };
  /** Removes the entries this build did not ask for; says how many came from the cache and how many were made. */
  finish(): { kept: number; converted: number; removed: number };
}

/** Removes from the cache under `cacheDir` the entries not named in `asked`; returns how many. */
export function removeUnaskedParts(cacheDir: string | undefined, asked: ReadonlySet<string>): number {
  let removed = 0;
  if (cacheDir === undefined) return removed;
  const folder = join(cacheDir, 'search-parts');
  for (const name of readdirSync(folder, { withFileTypes: true }))
    if (name.isFile() && !asked.has(name.name)) {
      rmSync(join(folder, name.name), { force: true });
      removed += 1;
    }
  return removed;
}

/**
 * The cache under `cacheDir` (none, every part made, without one), for parts
 * made by `builder` under `readerDigest` (the digest of the search data's
 * code and tables: another, and every part is made again).
 */
export function openSearchPartCache(
  cacheDir: string | undefined,
  builder: SearchDataBuilder,
  readerDigest: string,
): SearchPartCache {
  const make = (article: SearchableArticle): TextsPart => builder.read(convertArticle(article));
  const folder = cacheDir === undefined ? undefined : join(cacheDir, 'search-parts');
  if (folder !== undefined) mkdirSync(folder, { recursive: true });
  const asked = new Set<string>();
  let kept = 0;
  let converted = 0;
  const keyOf = (article: SearchableArticle): string =>
    createHash('sha256')
      .update(`${readerDigest}\u0000${article.slug}\u0000${article.digest}\u0000${article.sourceVariant}\u0000`)
      .update(JSON.stringify(article.glossary))
      .digest('base64url');
  /** The stored part in `name`, or the one `make` makes (then stored). */
  const stored = (name: string, make: () => TextsPart): TextsPart => {
    if (folder === undefined) return make();
    asked.add(name);
    try {
      const entry = JSON.parse(readFileSync(join(folder, name), 'utf8')) as unknown;
      if (!isPart(entry)) throw new Error('not an entry of this cache');
      return entry;
    } catch {
      const part = make();
      writeFileSync(join(folder, name), JSON.stringify(part));
      return part;
    }
  };
  const part = (article: SearchableArticle): TextsPart => {
    let made = false;
    const result = stored(`${keyOf(article)}.json`, () => {
      made = true;
      return make(article);
    });
    if (made) converted += 1;
    else kept += 1;
    return result;
  };
  return {
    part,
    group(articles) {
      const keys = articles.map(keyOf);
      const name = `group-${createHash('sha256').update(keys.join('\u0000')).digest('base64url')}.json`;
      // The articles' own entries stay asked for: when one of them changes, the others are not converted again.
      for (const key of keys) if (folder !== undefined) asked.add(`${key}.json`);
      return stored(name, () => combineParts(articles.map(part)));
    },
    asked: () => ({ names: [...asked], kept, converted }),
    finish() {
      return { kept, converted, removed: removeUnaskedParts(cacheDir, asked) };
    },
  };
}
