/**
 * Every content check over a whole content folder, in one place, so that
 * the build and `npm run lint:content` run exactly the same checks: the
 * topics, glossary and names files (schema and checks across entries), each
 * article file (`checkArticleFile`), and what only shows across files: a
 * slug used twice, two different authors whose names make one page address,
 * a topic an article names that the topics file does not hold, and a page
 * address too long for a file system. Every problem of every file is
 * returned together.
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Tinypool from 'tinypool';
import type { z } from 'astro/zod';
import { parseRules, type Glossary } from '../conversion/index.ts';
import { glossaryEntrySchema } from '../schemas/glossary.ts';
import { nameEntrySchema, type NameEntry } from '../schemas/names.ts';
import { topicSchema } from '../schemas/topic.ts';
import { authorProfileSchema, type AuthorProfile } from '../schemas/author.ts';
import { windowsReservedName } from '../schemas/fields.ts';
import { isoDay } from '../site/dates.ts';
import type { SourceVariant } from '../site/scripts.ts';
import {
  findDuplicateSlugs,
  type ArticleCheckContext,
  type ArticleCheckResult,
  type CheckedArticle,
  type ContentProblem,
} from './article-check.ts';
import checkArticleBatch, { type ArticleBatch } from './article-worker.ts';
import { authorIdentity, authorKey } from './author-key.ts';
import { listArticleFiles, maxArticleBytes, readContentFile } from './content-files.ts';
import { checkGlossaryForms } from './glossary-check.ts';
import { checkNames } from './names-check.ts';
import { checkPhoto, type PhotoCheck } from './photo-check.ts';
import type { PhotoFacts } from '../site/photos.ts';
import { readYamlList } from './yaml-list.ts';
import { readAhead } from '../build/at-once.ts';
import { workerPool } from '../build/worker-batches.ts';

/**
 * Most entries in each list file: far more than the site needs, and a bound
 * on what every conversion (the glossary is matched in every text) and
 * every query (the names table is in the search data) pays for.
 */
export const listLimits = { topics: 500, glossary: 2000, names: 5000, authors: 5000 } as const;

/** The most bytes a page address segment made from content may take: file systems allow 255 a name. */
export const maxSegmentBytes = 200;

/** What the cross-file checks need of an article, whether it was checked now or stored from an earlier build. */
export interface ArticleSummary {
  file: string;
  slug: string;
  published: Date;
  updated?: Date | undefined;
  sourceVariant: SourceVariant;
  authors: readonly { name: string }[];
  topics: readonly string[];
  /** The article's own pins (the site's are added). */
  glossary: Glossary;
}

export interface ContentFolderOptions {
  /** The project root: files are named relative to it. */
  root: string;
  /** The content folder (absolute). */
  contentDir: string;
  /** Also run the editors' lint (punctuation, review list) and return its warnings. */
  lint?: boolean;
  /** Also return the review list, without the punctuation lint (the editor's preview in `npm run dev`). */
  review?: boolean;
  /** The build's day and whether it publishes articles dated later (`src/build/options.ts`). */
  today: Date;
  future: boolean;
  /**
   * An article stored by an earlier build from this very source, whose own
   * checks need not run again (the build's content cache); its summary
   * still takes part in the checks across files.
   */
  reuse?: ((file: string, source: string) => ArticleSummary | undefined) | undefined;
  /**
   * Called with each article as soon as its own checks pass, before the
   * next file is read: the build's loader writes the body to its cache here
   * and returns the entry's digest. The check then keeps no article's text
   * or HTML: held until the last file was checked, they were most of the
   * node process's peak at 50,000 articles (BENCHMARKS.md). What it returns
   * is the entry's `kept`.
   */
  setAside?: ((article: CheckedArticle, source: string) => string) | undefined;
  /**
   * Checks the article files in worker processes that run this file
   * (`article-worker.ts`, as plain Node) once more than a few need checking:
   * each file's check is most of the content phase, and on one thread it
   * left the second core idle (BENCHMARKS.md). Processes, not threads: what
   * a thread allocated stayed in this process after it ended, about 90 MiB
   * at 1,000 articles, on top of the peak Astro reaches later.
   */
  workerFile?: string | undefined;
}

/** An article checked now, as the folder's check keeps it: what the store needs, not its HTML or source. */
export interface CheckedEntry {
  article: Omit<CheckedArticle, 'html'>;
  /** What `setAside` returned for it ('' without one). */
  kept: string;
  /** Its photos by file name, as checked with the folder. */
  photos: Record<string, PhotoFacts>;
}

export interface ContentFolderCheck {
  problems: ContentProblem[];
  warnings: ContentProblem[];
  topics: z.infer<typeof topicSchema>[];
  glossary: Glossary;
  names: NameEntry[];
  authors: AuthorProfile[];
  /** Articles checked now, with what the pipeline made of them (their bodies set aside as they were checked). */
  checked: CheckedEntry[];
  /** Articles taken from the earlier build. */
  reused: ArticleSummary[];
  /** Article files found, checked or not. */
  files: number;
}

/** A list file's items and problems: its schema, then its checks across items. A missing optional file is an empty list. */
async function readList<T extends z.ZodType>(
  options: ContentFolderOptions,
  name: string,
  schema: T,
  check: (items: readonly z.infer<T>[]) => { field: string; message: string }[],
  { optional = false, maxItems }: { optional?: boolean; maxItems: number },
): Promise<{ items: z.infer<T>[]; problems: ContentProblem[] }> {
  const path = join(options.contentDir, name);
  const file = relative(options.root, path);
  const { items, problems } = await readYamlList(path, file, schema, { optional, maxItems });
  problems.push(...check(items).map((problem) => ({ file, field: problem.field, message: problem.message })));
  return { items, problems };
}

/** Topic ids used twice. */
function checkTopics(topics: readonly z.infer<typeof topicSchema>[]): { field: string; message: string }[] {
  const first = new Map<string, number>();
  return topics.flatMap(({ id }, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return [];
    }
    return [{ field: `[${index}].id`, message: `"${id}" is also the id of entry [${earlier}]` }];
  });
}

const bytes = (text: string): number => Buffer.byteLength(text);

/**
 * Authors across articles: two names that are not the same name in
 * Simplified script but make one page address would share a page; an
 * address too long for a file system, or one Windows reserves, cannot be
 * written.
 */
function checkAuthors(articles: readonly ArticleSummary[], siteGlossary: Glossary): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byKey = new Map<string, { identity: string; name: string; file: string }>();
  for (const article of articles) {
    const glossary = [...article.glossary, ...siteGlossary];
    article.authors.forEach(({ name }, index) => {
      const field = `authors[${index}].name`;
      const key = authorKey(name, article.sourceVariant, glossary);
      if (bytes(key) > maxSegmentBytes) {
        problems.push({
          file: article.file,
          field,
          message: `makes the author page address authors/${key}/, ${bytes(key)} bytes, over the ${maxSegmentBytes}-byte limit of a file name: shorten the name`,
        });
        return;
      }
      if (windowsReservedName(key))
        problems.push({
          file: article.file,
          field,
          message: `makes the author page address authors/${key}/, a name Windows reserves for a device: write the name in full`,
        });
      const identity = authorIdentity(name, article.sourceVariant, glossary);
      const known = byKey.get(key);
      if (known === undefined) byKey.set(key, { identity, name, file: article.file });
      else if (known.identity !== identity)
        problems.push({
          file: article.file,
          field,
          message: `"${name}" and "${known.name}" (${known.file}) would share one author page, authors/${key}/: write one person's name the same way everywhere, and tell two people apart`,
        });
    });
  }
  return problems;
}

/** Profiles: one per author page, and their text's inline rules well formed. */
function checkProfiles(profiles: readonly AuthorProfile[], siteGlossary: Glossary): { field: string; message: string }[] {
  const first = new Map<string, number>();
  return profiles.flatMap((profile, index) => {
    const key = authorKey(profile.name, profile.sourceVariant, siteGlossary);
    const problems = [profile.bio, profile.position ?? ''].flatMap((text) =>
      parseRules(text).problems.map(({ message }) => ({ field: `[${index}]`, message: `inline rule: ${message}` })),
    );
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else problems.push({ field: `[${index}].name`, message: `"${profile.name}" has a profile already, entry [${earlier}]` });
    return problems;
  });
}

/** A day's grace: an editor ahead of UTC may write today's date before it is today in UTC. */
const dayMs = 86_400_000;

/** An update cannot be later than the build's day: it would read as a correction not yet made, and it sorts wrong. */
function checkUpdated(articles: readonly ArticleSummary[], today: Date): ContentProblem[] {
  return articles.flatMap(({ file, updated }) =>
    updated !== undefined && updated.getTime() > today.getTime() + dayMs
      ? [
          {
            file,
            field: 'updated',
            message: `is ${isoDay(updated)}, later than the build's day (${isoDay(today)}): an article is updated on or before the day it is published (npm run build -- --future builds as if later)`,
          },
        ]
      : [],
  );
}

/** The photos of the articles checked now, each file checked once however many articles show it. */
async function checkPhotos(checked: ContentFolderCheck['checked'], { contentDir, root }: ContentFolderOptions): Promise<ContentProblem[]> {
  const checks = new Map<string, Promise<PhotoCheck>>();
  const problems: ContentProblem[] = [];
  for (const entry of checked)
    for (const { name, field, line } of entry.article.photos) {
      let check = checks.get(name);
      if (check === undefined) {
        check = checkPhoto(name, contentDir, root);
        checks.set(name, check);
      }
      const { facts, problem } = await check;
      if (facts !== undefined) entry.photos[name] = facts;
      else problems.push({ file: entry.article.file, line, field, message: problem });
    }
  return problems;
}

/**
 * Article files read and checked together: a batch's reads are under way at
 * once (awaited one after another, a file's five system calls left the main
 * thread idle a quarter of the time it checked), and in worker processes a
 * batch is one task, so the site's glossary and topics are sent once a batch.
 */
const articlesPerBatch = 16;

/** Articles checked in this thread before the workers are started: a rebuild that checks a few changed files waits for no process to start. */
const checkedBeforeWorkers = articlesPerBatch * 2;

/** An article file of a batch: refused as it was read, taken from the earlier build, or checked now. */
type BatchOutcome =
  | { file: string; refused: ContentProblem }
  | { file: string; stored: ArticleSummary }
  | { file: string; source: string; result?: ArticleCheckResult | undefined };

/** Every problem of the content folder, and what was read. */
export async function checkContentFolder(options: ContentFolderOptions): Promise<ContentFolderCheck> {
  const { root, contentDir, lint = false, review = false, reuse, setAside, workerFile } = options;
  const topics = await readList(options, 'topics.yaml', topicSchema, checkTopics, { maxItems: listLimits.topics });
  const glossary = await readList(options, 'glossary.yaml', glossaryEntrySchema, checkGlossaryForms, {
    maxItems: listLimits.glossary,
  });
  const names = await readList(options, 'names.yaml', nameEntrySchema, checkNames, {
    optional: true,
    maxItems: listLimits.names,
  });
  const authors = await readList(options, 'authors.yaml', authorProfileSchema, (items) => checkProfiles(items, glossary.items), {
    optional: true,
    maxItems: listLimits.authors,
  });
  const problems: ContentProblem[] = [...topics.problems, ...glossary.problems, ...names.problems, ...authors.problems];
  const warnings: ContentProblem[] = [];
  const topicIds = new Set(topics.items.map(({ id }) => id));
  const articlesDir = join(contentDir, 'articles');
  const listed = await listArticleFiles(articlesDir, (path) => relative(root, path));
  problems.push(...listed.problems);
  if (listed.paths.length === 0 && listed.problems.length === 0)
    problems.push({ file: relative(root, articlesDir), field: 'articles', message: 'no Markdown files found' });

  const checked: ContentFolderCheck['checked'] = [];
  const reused: ArticleSummary[] = [];
  const files = listed.paths.map(({ path }) => ({ path, file: relative(root, path) }));
  const readArticle = async ({ path, file }: { path: string; file: string }) => ({
    file,
    read: await readContentFile(path, { contentDir, file, maxBytes: maxArticleBytes }),
  });
  const context: ArticleCheckContext = { topicIds, glossary: glossary.items, lint, review };
  let pool: Tinypool | undefined;
  const workers = availableParallelism();
  let checkedNow = 0;
  const checkBatch = async (batch: ArticleBatch['files']): Promise<ArticleCheckResult[]> => {
    checkedNow += batch.length;
    // Every result is a copy, as a worker's comes back: a string read from the file (a slug, a title, a heading) is,
    // in V8, a slice that keeps the file's whole text alive, and what the check keeps goes on into the build's data
    // store, which lasts the whole build (a heap snapshot at 5,000 articles found every source held so).
    if (workerFile === undefined || checkedNow <= checkedBeforeWorkers)
      return structuredClone(checkArticleBatch({ files: batch, context }));
    // As many as cores, kept: one that goes idle between batches would otherwise end, and the next load the pipeline
    // again. The advanced serialization carries what the check returns (dates, sets) as a thread would.
    pool ??= workerPool({
      filename: pathToFileURL(workerFile).href,
      runtime: 'child_process',
      serialization: 'advanced',
      minThreads: workers,
      maxThreads: workers,
    });
    return (await pool.run({ files: batch, context } satisfies ArticleBatch)) as ArticleCheckResult[];
  };
  /** The batch's results; a check that fails, rather than finding problems, is a fault of the build, named by its files. */
  const check = async (batch: ArticleBatch['files']): Promise<ArticleCheckResult[]> => {
    try {
      return await checkBatch(batch);
    } catch (error) {
      const files = batch.length === 1 ? batch[0]?.file : `${batch[0]?.file} to ${batch.at(-1)?.file}`;
      // A worker process's error arrives as a plain object with the error's fields, not as an Error.
      const { message } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown };
      const reason = typeof message === 'string' ? message : String(error);
      throw new Error(`The content check failed on ${files} (not a problem of the files, a fault of the check): ${reason}`, {
        cause: error,
      });
    }
  };
  const readBatch = async (batch: readonly { path: string; file: string }[]): Promise<BatchOutcome[]> => {
    const outcomes = (await Promise.all(batch.map(readArticle))).map(({ file, read }): BatchOutcome => {
      if (read.problem) return { file, refused: read.problem };
      const stored = reuse?.(file, read.text);
      return stored === undefined ? { file, source: read.text } : { file, stored };
    });
    const toCheck = outcomes.filter((outcome) => 'source' in outcome);
    if (toCheck.length === 0) return outcomes;
    const results = await check(toCheck.map(({ file, source }) => ({ file, source })));
    toCheck.forEach((outcome, at) => (outcome.result = results[at]));
    return outcomes;
  };
  const batches = Array.from({ length: Math.ceil(files.length / articlesPerBatch) }, (_, at) =>
    files.slice(at * articlesPerBatch, (at + 1) * articlesPerBatch),
  );
  try {
    // Enough batches under way to keep every worker busy while this thread keeps what passed.
    for await (const [, outcomes] of readAhead(batches, workers + 2, readBatch))
      for (const outcome of outcomes) {
        const { file } = outcome;
        if ('refused' in outcome) {
          problems.push(outcome.refused);
          continue;
        }
        if ('stored' in outcome) {
          // Its own checks passed when it was stored; only what lies outside the file can have changed since.
          outcome.stored.topics.forEach((topic, index) => {
            if (!topicIds.has(topic))
              problems.push({ file, field: `topics[${index}]`, message: `unknown topic "${topic}" (add it to content/topics.yaml)` });
          });
          reused.push(outcome.stored);
          continue;
        }
        const { source, result } = outcome;
        if (result === undefined) throw new Error(`${file}: its check gave no result`);
        for (const problem of result.problems) problems.push(problem);
        for (const warning of result.warnings) warnings.push(warning);
        if (result.article === undefined) continue;
        const kept = setAside?.(result.article, source) ?? '';
        // Already a copy, not slices of the file's text (`checkBatch`).
        const { html: _html, ...article } = result.article;
        checked.push({ article, kept, photos: {} });
      }
  } finally {
    await pool?.destroy();
  }
  for (const problem of await checkPhotos(checked, options)) problems.push(problem);

  const summaries: ArticleSummary[] = [
    ...checked.map(({ article }) => ({
      file: article.file,
      slug: article.data.slug,
      published: article.data.published,
      updated: article.data.updated,
      sourceVariant: article.data.sourceVariant,
      authors: article.data.authors,
      topics: article.data.topics,
      glossary: article.data.glossary,
    })),
    ...reused,
  ];
  // Appended one at a time: lists that grow with the archive are never spread as arguments (the call stack's limit).
  const across = [
    ...findDuplicateSlugs(summaries),
    ...(options.future ? [] : checkUpdated(summaries, options.today)),
    ...checkAuthors(summaries, glossary.items),
  ];
  for (const problem of across) problems.push(problem);
  return {
    problems,
    warnings,
    topics: topics.items,
    glossary: glossary.items,
    names: names.items,
    authors: authors.items,
    checked,
    reused,
    files: listed.paths.length,
  };
}
