/**
 * An article body converted into a script, as a pure function of the
 * article's stored HTML, script and glossary: the same in Astro's thread
 * (`article-view.ts`) and in the worker thread that converts the article
 * pages' bodies ahead of them (`article-page-bodies.ts`). What it fixed and
 * its text length come back with it, for the page to note.
 */
import type { Root } from 'hast';
import { convertHtml, createConversionLog, type Glossary } from '../conversion/index.ts';
import { ui } from '../i18n/index.ts';
import { storedHtmlSchema } from '../markdown/html-policy.ts';
import { sanitizedCopy } from '../markdown/rehype-sanitize-checked.ts';
import type { PhotoFacts } from '../site/photos.ts';
import type { Script, SourceVariant } from '../site/scripts.ts';
import rehypeParagraphLinks from './rehype-paragraph-links.ts';
import rehypePhotos from './rehype-photos.ts';
import rehypeSearchExtent from './rehype-search-extent.ts';

/** What converting a body reads of an article. */
export interface BodySource {
  sourceVariant: SourceVariant;
  /** The article's own pinned terms, then the site's. */
  glossary: Glossary;
}

export interface ConvertedBody {
  html: string;
  /** Code points of text in the converted body (`noteBodyLength`). */
  textLength: number;
  /** Texts a rule or pin fixed (`noteFixedTexts`). */
  fixed: string[];
}

/**
 * `html` (the stored body, in the source script, inline rules still in it) in
 * `script`. `finish` adds markup that holds no text to the converted tree
 * before it is written.
 */
export function convertArticleBody(
  html: string,
  article: BodySource,
  script: Script,
  finish?: (tree: Root) => void,
): ConvertedBody {
  const log = createConversionLog();
  const t = ui(script);
  // The stored HTML is sanitized again here: a poisoned content cache cannot reach a page or a feed.
  const body = convertHtml(
    html,
    { from: article.sourceVariant, to: script, glossary: article.glossary, log },
    {
      footnotes: { label: t.footnotes, backLabel: t.footnoteBack },
      prepare: (tree) => void (tree.children = sanitizedCopy(tree, storedHtmlSchema).children),
      finish,
    },
  );
  return { html: body.html, textLength: body.textLength, fixed: [...log.fixed] };
}

/** What an article page adds to its converted body: a ¶ link on each paragraph, the search's extent, the photos. */
export function articlePageFinish(
  script: Script,
  photos: Readonly<Record<string, PhotoFacts>>,
  base: string,
): (tree: Root) => void {
  const addParagraphLinks = rehypeParagraphLinks({ label: ui(script).paragraphLink });
  const limitSearch = rehypeSearchExtent();
  const addPhotos = rehypePhotos({ photos, base, form: 'picture' });
  return (tree) => {
    addParagraphLinks(tree);
    limitSearch(tree);
    addPhotos(tree);
  };
}
