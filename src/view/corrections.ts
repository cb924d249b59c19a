/**
 * The corrections log: every correction of every published article, newest
 * first, as news sites keep one. A correction is dated by its own `date`;
 * one without (a fix made before publication, such as a typo of the source)
 * by its article's publication day. Ties keep the articles' order.
 */
import type { ArticleView } from './article-view.ts';

export interface LoggedCorrection {
  article: ArticleView;
  correction: ArticleView['corrections'][number];
  /** The day it is listed under. */
  day: Date;
  /** Whether `day` is the correction's own date, not the article's. */
  dated: boolean;
}

/** Every correction of `articles` (newest article first), newest first. */
export function correctionLog(articles: readonly ArticleView[]): LoggedCorrection[] {
  const entries = articles.flatMap((article) =>
    article.corrections.map((correction) => ({
      article,
      correction,
      day: correction.date ?? article.published,
      dated: correction.date !== undefined,
    })),
  );
  // Array.prototype.sort is stable: entries of one day keep the articles' order.
  return entries.sort((a, b) => b.day.getTime() - a.day.getTime());
}
