/**
 * Checks one article file the way the build sees it and reports every
 * problem with the file, the line and the field, so that an editor can fix a
 * bad article without reading a stack trace.
 */
import type { z } from 'astro/zod';
import { articleSchema, type ArticleFrontmatter } from './article-schema.ts';
import { fieldLine, FrontmatterError, splitFrontmatter } from './frontmatter.ts';
import { findUnsafeMarkdown } from './markdown-safety.ts';

export interface ContentProblem {
  /** Path of the file as the editor knows it, e.g. `content/articles/foo.md`. */
  file: string;
  line?: number | undefined;
  /** Frontmatter field path (`authors[0].role`), `body` or `frontmatter`. */
  field: string;
  message: string;
}

export interface CheckedArticle {
  file: string;
  /** Frontmatter as written (dates still strings), for the collection schema to parse. */
  raw: Record<string, unknown>;
  data: ArticleFrontmatter;
  body: string;
}

/** Largest article body we publish; the longest real analysis is far below it. */
export const maxBodyBytes = 1_000_000;

export function formatProblem({ file, line, field, message }: ContentProblem): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${field}: ${message}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    return { path: [...issue.path, ...issue.keys.slice(0, 1)], message: `unknown field ${names}` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { path: issue.path, message: 'is required' };
  }
  return { path: issue.path, message: issue.message };
}

/** Validates frontmatter and body of one file; `topicIds` are the topics that exist. */
export function checkArticleFile(
  file: string,
  source: string,
  topicIds: ReadonlySet<string>,
): { problems: ContentProblem[]; article?: CheckedArticle } {
  const problems: ContentProblem[] = [];
  const report = (field: string, message: string, line?: number): void => {
    problems.push({ file, line, field, message });
  };

  let split: ReturnType<typeof splitFrontmatter>;
  try {
    split = splitFrontmatter(source);
  } catch (error) {
    if (error instanceof FrontmatterError) {
      report('frontmatter', error.message, error.line);
      return { problems };
    }
    throw error;
  }
  if (split.data === undefined) {
    report('frontmatter', 'is missing: start the file with a --- block of fields', 1);
    return { problems };
  }

  const parsed = articleSchema.safeParse(split.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { path, message } = describeIssue(issue);
      const top = path[0];
      report(fieldPath(path) || 'frontmatter', message, typeof top === 'string' ? fieldLine(split.frontmatter, top) : undefined);
    }
  }

  const body = split.body;
  if (body.trim() === '') report('body', 'is empty: an article needs its text below the frontmatter', split.bodyLine);
  const bytes = Buffer.byteLength(body);
  if (bytes > maxBodyBytes) {
    report('body', `is ${(bytes / 1e6).toFixed(1)} MB, over the ${maxBodyBytes / 1e6} MB limit for one article`, split.bodyLine);
  }
  for (const { line, message } of findUnsafeMarkdown(body)) report('body', message, split.bodyLine + line - 1);

  if (!parsed.success) return { problems };
  const data = parsed.data;
  data.topics.forEach((topic, index) => {
    if (!topicIds.has(topic)) {
      report(
        `topics[${index}]`,
        `unknown topic "${topic}" (add it to content/topics.yaml)`,
        fieldLine(split.frontmatter, 'topics'),
      );
    }
  });
  data.corrections.forEach((correction, index) => {
    if (!body.includes(correction.corrected) || (correction.original !== '' && body.includes(correction.original))) {
      report(
        `corrections[${index}]`,
        `the body should contain 「${correction.corrected}」 and no longer 「${correction.original}」`,
        fieldLine(split.frontmatter, 'corrections'),
      );
    }
  });
  if (problems.length > 0) return { problems };
  return { problems, article: { file, raw: split.data, data, body } };
}

/** Reports every slug used by more than one file. */
export function findDuplicateSlugs(articles: readonly CheckedArticle[]): ContentProblem[] {
  const bySlug = new Map<string, string[]>();
  for (const article of articles) {
    bySlug.set(article.data.slug, [...(bySlug.get(article.data.slug) ?? []), article.file]);
  }
  return [...bySlug]
    .filter(([, files]) => files.length > 1)
    .flatMap(([slug, files]) =>
      files.map((file) => ({
        file,
        field: 'slug',
        message: `"${slug}" is also used by ${files.filter((other) => other !== file).join(', ')}`,
      })),
    );
}
