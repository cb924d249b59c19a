/**
 * The one Markdown pipeline. Every article body is parsed, checked,
 * sanitized and rendered here, once: the build and `npm run lint:content` run
 * the same remark + GFM parse, and the checks are plugins over the tree that
 * becomes the page. Problems are vfile messages with line and column; errors
 * are `fatal`, the review list is warnings. Work per file is bounded: a
 * text that asks more of the parser than an article needs (nesting,
 * emphasis marks, brackets, block lines: `markup-budget.ts`) is refused
 * before parsing, and a parser that still runs out of stack is reported,
 * not thrown.
 */
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Glossary } from '../conversion/index.ts';
import remarkInlineRules from './remark-inline-rules.ts';
import type { SourceVariant } from '../site/scripts.ts';
import { sanitizeSchema } from './html-policy.ts';
import { findBudgetExcess } from './markup-budget.ts';
import rehypeAttributeRules from './rehype-attribute-rules.ts';
import rehypeFigures, { type FigureText } from './rehype-figures.ts';
import rehypeHanCount from './rehype-han-count.ts';
import rehypeHeadingIds, { type Heading } from './rehype-heading-ids.ts';
import rehypeLatinRuns from './rehype-latin-runs.ts';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import rehypeSanitizeChecked from './rehype-sanitize-checked.ts';
import rehypeTextCharacters from './rehype-text-characters.ts';
import remarkConversionReview from './remark-conversion-review.ts';
import remarkPunctuation from './remark-punctuation.ts';
import remarkSafeHtml from './remark-safe-html.ts';
import remarkScriptCheck, { type ProbableVariant } from './remark-script-check.ts';

export interface ArticleMarkdownOptions {
  variant: SourceVariant;
  /** The site's and the article's pinned terms (for the review list). */
  glossary: Glossary;
  /** Also run the editors' lint: punctuation and the conversion review list. */
  lint?: boolean | undefined;
  /** Also list the review items (warnings only), without the punctuation lint: the editor's preview. */
  review?: boolean | undefined;
  /** Check that the text is in the variant's script (off when the variant itself is invalid). */
  checkScript?: boolean | undefined;
  /** Text outside the body that tells its script too: the headline and summary. */
  extraText?: string | undefined;
  /** The article's figures (file, caption, credit), which the body places by file name. */
  figures?: readonly FigureText[] | undefined;
}

export interface RenderedMarkdown {
  /** The body as sanitized HTML in its source script, inline rules still in the text. */
  html: string;
  headings: Heading[];
  /** Han characters in the body (rules counted as written), for the reading time. */
  hanCharacters: number;
  messages: VFile['messages'];
  /** Set when the text is mostly in another script than its variant says. */
  probable?: ProbableVariant | undefined;
  /** The text around each review item, by `line:column` of its message. */
  reviewContexts?: ReadonlyMap<string, { context: string; contextOffset: number }> | undefined;
  /** The figures the body placed, by file name. */
  figuresPlaced: string[];
}

function processor({
  variant,
  glossary,
  lint = false,
  review = false,
  checkScript = true,
  extraText,
  figures = [],
}: ArticleMarkdownOptions) {
  const parse = unified().use(remarkParse).use(remarkGfm).use(remarkInlineRules).use(remarkSafeHtml);
  if (checkScript) parse.use(remarkScriptCheck, { variant, extraText });
  if (lint) parse.use(remarkPunctuation);
  if (lint || review) parse.use(remarkConversionReview, { variant, glossary });
  return (
    parse
      // The footnotes' heading is shown (a news page names its notes); its text is put in each page's script later.
      .use(remarkRehype, { allowDangerousHtml: true, footnoteLabelProperties: { className: ['footnotes__title'] } })
      .use(rehypeRaw)
      .use(rehypeSanitizeChecked, sanitizeSchema)
      // After the sanitizer, which refuses <figure> from an editor's hand: the pipeline makes figures, editors do not.
      .use(rehypeFigures, { figures })
      .use(rehypeTextCharacters)
      .use(rehypeAttributeRules)
      .use(rehypeHeadingIds)
      .use(rehypeParagraphIds)
      .use(rehypeLatinRuns)
      .use(rehypeHanCount)
      .use(rehypeStringify)
  );
}

/** Parses, checks and renders one article body. `path` names the file in messages. */
export function renderArticleMarkdown(markdown: string, path: string, options: ArticleMarkdownOptions): RenderedMarkdown {
  const file = new VFile({ value: markdown, path });
  const fail = (reason: string, line?: number): RenderedMarkdown => {
    const message = file.message(reason, {
      place: line === undefined ? undefined : { line, column: 1 },
      ruleId: 'size',
      source: 'guoji',
    });
    message.fatal = true;
    return { html: '', headings: [], hanCharacters: 0, messages: file.messages, figuresPlaced: [] };
  };
  const excess = findBudgetExcess(markdown);
  if (excess) return fail(excess.message, excess.line);
  let result: VFile;
  try {
    result = processor(options).processSync(file);
  } catch (error) {
    if (error instanceof RangeError)
      return fail('is nested too deeply to be read (HTML or Markdown inside itself, thousands of times)');
    throw error;
  }
  return {
    html: String(result.value),
    headings: (result.data['headings'] as Heading[] | undefined) ?? [],
    hanCharacters: Number(result.data['hanCharacters'] ?? 0),
    messages: result.messages,
    probable: result.data['probableVariant'] as ProbableVariant | undefined,
    reviewContexts: result.data['reviewContexts'] as RenderedMarkdown['reviewContexts'],
    figuresPlaced: (result.data['figuresPlaced'] as string[] | undefined) ?? [],
  };
}
