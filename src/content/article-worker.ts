/**
 * A worker process of the content check (tinypool): checks a batch of article
 * files (`checkArticleFile`, the one Markdown pipeline) and gives back each
 * file's result, in the batch's order, so that the check of an archive runs
 * on every core; the folder's check (`content-folder.ts`) reads the files and
 * keeps what passes. Run as plain Node, outside Astro.
 */
import { checkArticleFile, type ArticleCheckContext, type ArticleCheckResult } from './article-check.ts';

export interface ArticleBatch {
  /** Each file as the editor knows it (`content/articles/foo.md`), with its text. */
  files: { file: string; source: string }[];
  context: ArticleCheckContext;
}

export default function checkArticleBatch({ files, context }: ArticleBatch): ArticleCheckResult[] {
  return files.map(({ file, source }) => checkArticleFile(file, source, context));
}
