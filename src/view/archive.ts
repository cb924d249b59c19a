/**
 * The archive's indexes, made once per build from the articles (newest
 * first): by slug, by topic, by month and by author, and each article's
 * neighbours and related articles. Every list page reads a slice of one of
 * these, so no page does work that grows with the archive.
 */
import type { ArticleInput } from './article-view.ts';
import { authorKey } from '../content/author-key.ts';
import { isoDay } from '../site/dates.ts';
import type { Script } from '../site/scripts.ts';

/** A topic with its name in every script. */
export interface Topic {
  id: string;
  names: Readonly<Record<Script, string>>;
}

export interface Month {
  /** `2025-11` */
  key: string;
  year: number;
  month: number;
  /** Newest first. */
  articles: ArticleInput[];
}

export interface Year {
  year: number;
  /** Newest first. */
  months: Month[];
  count: number;
}

export interface Author {
  /** URL segment: the name in Simplified script, as a slug. */
  key: string;
  /** The name as its first article prints it, converted per script by the pages. */
  name: { text: string; article: ArticleInput };
  /** Roles the author is credited with, with how many articles each (and one article that prints it). */
  roles: { role: string; count: number; article: ArticleInput }[];
  /** Newest first. */
  articles: ArticleInput[];
}

export interface ArticleLinks {
  older?: ArticleInput | undefined;
  newer?: ArticleInput | undefined;
  related: ArticleInput[];
}

export interface Archive {
  articles: ArticleInput[];
  topics: Topic[];
  byTopic: ReadonlyMap<string, ArticleInput[]>;
  /** Newest first. */
  years: Year[];
  months: Month[];
  /** By key, in the order of the number of articles (most first), then name. */
  authors: ReadonlyMap<string, Author>;
  /** Neighbours in time and related articles (most topics shared, then newest). */
  links: (slug: string) => ArticleLinks;
}

/** Related articles: the articles nearest in time in each shared topic, ranked by topics shared, then nearness. */
const relatedReach = 6;
const relatedShown = 3;

export function buildArchive(articles: ArticleInput[], topics: Topic[]): Archive {
  const position = new Map(articles.map((article, index) => [article.slug, index]));
  const byTopic = new Map<string, ArticleInput[]>();
  const byMonth = new Map<string, Month>();
  const authors = new Map<string, Author>();
  for (const article of articles) {
    for (const { id } of article.topics) {
      const filed = byTopic.get(id) ?? [];
      filed.push(article);
      byTopic.set(id, filed);
    }
    const key = isoDay(article.published).slice(0, 7);
    let month = byMonth.get(key);
    if (month === undefined) {
      month = { key, year: article.published.getUTCFullYear(), month: article.published.getUTCMonth() + 1, articles: [] };
      byMonth.set(key, month);
    }
    month.articles.push(article);
    for (const { name, role } of article.authors) {
      const key = authorKey(name, article.sourceVariant, article.glossary);
      let author = authors.get(key);
      if (author === undefined) {
        author = { key, name: { text: name, article }, roles: [], articles: [] };
        authors.set(key, author);
      }
      if (author.articles.at(-1) !== article) author.articles.push(article);
      const credited = author.roles.find((entry) => entry.role === role);
      if (credited) credited.count += 1;
      else author.roles.push({ role, count: 1, article });
    }
  }
  const months = [...byMonth.values()];
  const years: Year[] = [];
  for (const month of months) {
    const year = years.at(-1)?.year === month.year ? years.at(-1) : undefined;
    if (year) {
      year.months.push(month);
      year.count += month.articles.length;
    } else years.push({ year: month.year, months: [month], count: month.articles.length });
  }
  const ranked = new Map(
    [...authors.values()]
      .sort((a, b) => b.articles.length - a.articles.length || a.key.localeCompare(b.key))
      .map((author) => [author.key, author]),
  );
  // Each article's place in each of its topics' lists.
  const inTopic = new Map<string, Map<string, number>>();
  for (const [id, filed] of byTopic) inTopic.set(id, new Map(filed.map((article, index) => [article.slug, index])));
  const links = (slug: string): ArticleLinks => {
    const index = position.get(slug) ?? -1;
    const article = articles[index];
    if (article === undefined) return { related: [] };
    const shared = new Map<ArticleInput, number>();
    for (const { id } of article.topics) {
      const filed = byTopic.get(id) ?? [];
      const at = inTopic.get(id)?.get(slug) ?? 0;
      for (const other of filed.slice(Math.max(0, at - relatedReach), at + relatedReach + 1))
        if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const distance = (other: ArticleInput): number => Math.abs((position.get(other.slug) ?? 0) - index);
    const related = [...shared]
      .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || distance(a) - distance(b) || a.slug.localeCompare(b.slug))
      .slice(0, relatedShown)
      .map(([other]) => other);
    return { newer: articles[index - 1], older: articles[index + 1], related };
  };
  return { articles, topics, byTopic, years, months, authors: ranked, links };
}
