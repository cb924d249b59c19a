/**
 * A worker thread of the article pages' bodies (tinypool): converts one
 * article page's body ahead of the page (`article-page-bodies.ts`), so that
 * the conversion runs on the second core while Astro renders the pages on
 * the first. Run as plain Node, outside Astro.
 */
import { readArticleBody } from '../build/article-bodies.ts';
import type { PhotoFacts } from '../site/photos.ts';
import type { Script } from '../site/scripts.ts';
import { articlePageFinish, convertArticleBody, type BodySource, type ConvertedBody } from './article-body.ts';

export interface PageBodyTask {
  article: BodySource & {
    /** The article's file, for messages. */
    file: string;
    /** Where the build keeps the stored body (`src/build/article-bodies.ts`). */
    bodyFile: string;
    photos: Readonly<Record<string, PhotoFacts>>;
  };
  script: Script;
  /** The site's base path, for the photos' addresses. */
  base: string;
}

export interface PageBodyResult extends ConvertedBody {
  /** Milliseconds the conversion took in the worker (the build's `conversion` time). */
  milliseconds: number;
}

export default function convertPageBody({ article, script, base }: PageBodyTask): PageBodyResult {
  const started = performance.now();
  const html = readArticleBody(article.bodyFile, article.file);
  const body = convertArticleBody(html, article, script, articlePageFinish(script, article.photos, base));
  return { ...body, milliseconds: performance.now() - started };
}
