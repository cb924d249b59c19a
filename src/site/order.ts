/** The order of every list of articles: newest first; equal dates by slug, so the order never depends on file order. */

export function newestFirst<T extends { slug: string; published: Date }>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));
}
