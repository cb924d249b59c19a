/** Related articles by shared topics, and the neighbours of an article in time. */

export interface Filed {
  slug: string;
  published: Date;
  topics: readonly { id: string }[];
}

/** Newest first; equal dates by slug, so the order never depends on file order. */
export function newestFirst<T extends Filed>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));
}

/** Articles sharing a topic with `article`, most shared topics first, then newest. */
export function relatedArticles<T extends Filed>(article: Filed, all: readonly T[], limit = 3): T[] {
  const topics = new Set(article.topics.map(({ id }) => id));
  return newestFirst(all)
    .map((other) => ({ other, shared: other.topics.filter(({ id }) => topics.has(id)).length }))
    .filter(({ other, shared }) => other.slug !== article.slug && shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The article published just before and just after `article`. */
export function neighbours<T extends Filed>(article: Filed, all: readonly T[]): { older?: T; newer?: T } {
  const ordered = newestFirst(all);
  const index = ordered.findIndex((other) => other.slug === article.slug);
  const newer = index > 0 ? ordered[index - 1] : undefined;
  const older = index >= 0 ? ordered[index + 1] : undefined;
  return { ...(older && { older }), ...(newer && { newer }) };
}
