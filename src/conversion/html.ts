/**
 * An HTML fragment (an article body) in a page's script: parsed, converted
 * by `rehype-convert-script`, the words remark-rehype generated (footnotes)
 * put in the page's script, and serialised. It measures the text before and
 * after, so that text lost or added by the conversion is a bug that stops
 * the build rather than a page that reads wrong.
 */
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { unified } from 'unified';
import rehypeConvertScript from './rehype-convert-script.ts';
import rehypeFootnoteLabels, { type FootnoteLabelsOptions } from './rehype-footnote-labels.ts';
import { createConversionLog, type ConvertOptions } from './types.ts';

export interface ConvertedHtml {
  html: string;
  /** Code points of text in the result: what the page's body must hold. */
  textLength: number;
}

const codePoints = (tree: Root): number => Array.from(toString(tree)).length;

export interface ConvertHtmlExtras {
  /** The footnotes' words in the page's script. */
  footnotes?: Omit<FootnoteLabelsOptions, 'log'> | undefined;
  /** Runs on the parsed tree before it is converted: the pages sanitize stored HTML here. */
  prepare?: ((tree: Root) => void) | undefined;
  /** Runs on the converted tree after its text is measured, before it is written: markup that adds no text (¶ links). */
  finish?: ((tree: Root) => void) | undefined;
}

export function convertHtml(
  html: string,
  options: ConvertOptions,
  { footnotes, prepare, finish }: ConvertHtmlExtras = {},
): ConvertedHtml {
  const log = options.log ?? createConversionLog();
  const before = log.lengthChange;
  let sourceLength = 0;
  let textLength = 0;
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: Root) => {
      prepare?.(tree);
      sourceLength = codePoints(tree);
    })
    .use(rehypeConvertScript, { ...options, log })
    .use(rehypeFootnoteLabels, { label: 'Footnotes', backLabel: (note) => `↩ ${note}`, ...footnotes, log })
    .use(() => (tree: Root) => {
      textLength = codePoints(tree);
      finish?.(tree);
    })
    .use(rehypeStringify);
  const result = String(processor.processSync(html));
  const expected = sourceLength + log.lengthChange - before;
  if (textLength !== expected) {
    throw new Error(
      `Conversion to ${options.to} changed the text: ${sourceLength} code points in, ${textLength} out, ${expected} expected from its rules and pins.`,
    );
  }
  return { html: result, textLength };
}
