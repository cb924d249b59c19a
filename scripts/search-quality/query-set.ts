/**
 * The search query set (`tests/fixtures/search-queries.yaml`) and how a
 * search's results are scored against it: recall and precision of the
 * exact results per category, near matches for typos, false hits for
 * negatives. Shared by `npm run search:quality` and the browser tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { scripts, type Script } from '../../src/site/scripts.ts';

export const categories = ['regional-names', 'variants', 'separators', 'typos', 'sources', 'negatives'] as const;
export type Category = (typeof categories)[number];

export interface QueryCase {
  /** One of `categories` in the project's set; any name in a set written elsewhere (`loadHeldOutSet`). */
  category: string;
  query: string;
  /** Slugs of the articles the query must find (exact results; near matches for typos). */
  finds: string[];
  /** Slugs it must not find among exact results. */
  misses: string[];
  scripts: Script[];
}

interface QuerySetFile {
  articles: Record<string, string>;
  categories: Record<Category, { query: string; finds: string[]; misses: string[]; scripts?: Script[] }[]>;
}

/** Every query of the set, with article slugs. */
export function loadQuerySet(path = new URL('../../tests/fixtures/search-queries.yaml', import.meta.url)): QueryCase[] {
  const file = yaml.load(readFileSync(path, 'utf8')) as QuerySetFile;
  const slug = (id: string): string => {
    const found = file.articles[id];
    if (found === undefined) throw new Error(`search-queries.yaml: unknown article "${id}"`);
    return found;
  };
  return categories.flatMap((category) =>
    (file.categories[category] ?? []).map((entry) => ({
      category,
      query: entry.query,
      finds: entry.finds.map(slug),
      misses: entry.misses.map(slug),
      scripts: entry.scripts ?? [...scripts],
    })),
  );
}

/**
 * A query set written apart from the project (a held-out evaluation): a
 * YAML list of `{ q, category, expect: [article file names] }`, the articles
 * named by their files in `articlesDir` (each file's `slug:` is its
 * address). `typos` and `negatives` mean what they mean here; every other
 * category is scored as a positive one. Every query runs in every script.
 */
export function loadHeldOutSet(path: string, articlesDir: string): QueryCase[] {
  const slugs = new Map<string, string>();
  for (const file of readdirSync(articlesDir).filter((name) => name.endsWith('.md'))) {
    const slug = /^slug:\s*(\S+)/m.exec(readFileSync(join(articlesDir, file), 'utf8'))?.[1];
    slugs.set(file, slug ?? file.replace(/\.md$/, ''));
  }
  const slug = (file: string): string => {
    const found = slugs.get(file);
    if (found === undefined) throw new Error(`${path}: no article file "${file}" in ${articlesDir}`);
    return found;
  };
  const entries = yaml.load(readFileSync(path, 'utf8')) as { q: string; category: string; expect?: string[] }[];
  return entries.map(({ q, category, expect = [] }) => ({
    category,
    query: q,
    finds: expect.map(slug),
    misses: [],
    scripts: [...scripts],
  }));
}

/** What one search showed: slugs of the exact results and of the near matches. */
export interface Shown {
  exact: string[];
  approximate: string[];
}

/** Counts for one query: relevant found, results shown, false exact hits. */
export interface Score {
  expected: number;
  found: number;
  exactShown: number;
  falseExact: number;
}

/** Scores what a search showed against its case: for typos, near matches count; exact results are always false there. */
export function scoreCase(testCase: QueryCase, shown: Shown): Score {
  const pool = testCase.category === 'typos' ? shown.approximate : shown.exact;
  const relevant = new Set(testCase.category === 'typos' || testCase.category === 'negatives' ? [] : testCase.finds);
  return {
    expected: testCase.finds.length,
    found: testCase.finds.filter((slug) => pool.includes(slug)).length,
    exactShown: shown.exact.length,
    falseExact: shown.exact.filter((slug) => !relevant.has(slug)).length,
  };
}

/** Recall (found of expected) and precision (of exact results, the share that is right) over many scores. */
export function summarise(scores: readonly Score[]): { recall: number; precision: number; falseExact: number; queries: number } {
  const sum = (pick: (score: Score) => number): number => scores.reduce((total, score) => total + pick(score), 0);
  const expected = sum((score) => score.expected);
  const exact = sum((score) => score.exactShown);
  return {
    queries: scores.length,
    recall: expected === 0 ? 1 : sum((score) => score.found) / expected,
    precision: exact === 0 ? 1 : 1 - sum((score) => score.falseExact) / exact,
    falseExact: sum((score) => score.falseExact),
  };
}

/** The slug of an article link, or the path if it is not one. */
export function slugOf(href: string): string {
  return /\/articles\/([^/]+)\//.exec(new URL(href, 'http://x').pathname)?.[1] ?? href;
}
