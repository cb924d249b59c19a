/**
 * Each article's searchable texts in every script, as the search data reads
 * them (`search-data-build.ts`), kept across builds in the content cache
 * (`<cache>/search-texts/`), so that a rebuild converts only the articles
 * that changed. An entry's key is the article's digest (its file, its
 * photos, and the code and locked dependency versions of the Markdown
 * pipeline and the conversion, OpenCC's tables and jieba's dictionary with
 * them) and the glossary its text is converted with (the site's pins, its
 * own and its byline's). Entries no build asked for are removed at the end.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { timed } from '../build/timing.ts';
import { convertText } from '../conversion/index.ts';
import { scripts, type Script } from '../site/scripts.ts';
import type { ArticleInput } from '../view/article-view.ts';

/** The texts of an article Pagefind indexes, in its author's script: fields, names, sources, each body block. */
export function articleSourceTexts(article: ArticleInput): string[] {
  return [
    article.title,
    article.summary,
    article.outlet,
    article.dateline ?? '',
    ...article.authors.flatMap(({ name, role }) => [name, role]),
    ...article.sources.flatMap(({ publisher, title }) => [publisher, title]),
    // Each block's text on its own line: a phrase never runs on from one paragraph into the next.
    fromHtml(article.html, { fragment: true })
      .children.map((node) => toString(node))
      .join('\n'),
  ];
}

/** Each text of `article`, written in every script. */
function convertArticle(article: ArticleInput): Record<Script, string>[] {
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

/** Whether a stored entry has the shape this code writes (anything else is converted again). */
const isTexts = (value: unknown): value is Record<Script, string>[] =>
  Array.isArray(value) &&
  value.every(
    (entry) =>
      typeof entry === 'object' &&
      entry !== null &&
      scripts.every((script) => typeof (entry as Record<string, unknown>)[script] === 'string'),
  );

export interface SearchTextCache {
  /** `article`'s texts in every script, from the cache or converted (and kept). */
  texts(article: ArticleInput): Record<Script, string>[];
  /** Removes the entries this build did not ask for; says how many came from the cache and how many were converted. */
  finish(): { kept: number; converted: number; removed: number };
}

/** The cache under `cacheDir`, or none (every article converted) when there is no cache folder. */
export function openSearchTextCache(cacheDir: string | undefined): SearchTextCache {
  const folder = cacheDir === undefined ? undefined : join(cacheDir, 'search-texts');
  if (folder !== undefined) mkdirSync(folder, { recursive: true });
  const asked = new Set<string>();
  let kept = 0;
  let converted = 0;
  return {
    texts(article) {
      if (folder === undefined) return convertArticle(article);
      const key = createHash('sha256')
        .update(`${article.slug}\u0000${article.digest}\u0000${article.sourceVariant}\u0000`)
        .update(JSON.stringify(article.glossary))
        .digest('base64url');
      const file = join(folder, `${key}.json`);
      asked.add(`${key}.json`);
      try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        if (!isTexts(stored)) throw new Error('not an entry of this cache');
        kept += 1;
        return stored;
      } catch {
        const texts = convertArticle(article);
        writeFileSync(file, JSON.stringify(texts));
        converted += 1;
        return texts;
      }
    },
    finish() {
      let removed = 0;
      if (folder !== undefined)
        for (const name of readdirSync(folder))
          if (!asked.has(name)) {
            rmSync(join(folder, name), { force: true });
            removed += 1;
          }
      return { kept, converted, removed };
    },
  };
}
