/**
 * The articles and topics of the content collections, as the pages use them:
 * plain `ArticleInput`s, newest first, read once per build.
 */
import type { MarkdownHeading } from 'astro';
import { getCollection } from 'astro:content';
import type { ArticleInput } from '../lib/article-view.ts';
import { newestFirst } from '../lib/related.ts';

export interface Topic {
  id: string;
  name: string;
}

let loaded: Promise<{ articles: ArticleInput[]; topics: Topic[] }> | undefined;

async function load(): Promise<{ articles: ArticleInput[]; topics: Topic[] }> {
  const [entries, topicEntries] = await Promise.all([getCollection('articles'), getCollection('topics')]);
  const topics = topicEntries.map(({ data }) => ({ id: data.id, name: data.name }));
  const topicName = new Map(topics.map((topic) => [topic.id, topic.name]));
  const articles = entries.map(({ id, digest, data, rendered }): ArticleInput => ({
    ...data,
    slug: id,
    digest: String(digest ?? ''),
    topics: data.topics.map(({ id: topic }) => ({ id: topic, name: topicName.get(topic) ?? topic })),
    html: rendered?.html ?? '',
    headings: (rendered?.metadata?.['headings'] as MarkdownHeading[] | undefined) ?? [],
  }));
  return { articles: newestFirst(articles), topics };
}

/** Every article, newest first, and every topic; cached for the build (not in dev, where content changes). */
export function siteContent(): Promise<{ articles: ArticleInput[]; topics: Topic[] }> {
  if (import.meta.env.DEV) return load();
  loaded ??= load();
  return loaded;
}
