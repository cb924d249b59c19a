/**
 * remark plugin (lint): the review list of an article's body. Where the
 * conversion into the other script decided a character by its own default
 * and another sense is common (`reviewConversion`), a warning says what the
 * other page shows, the other forms, and the rule to write if another form
 * is meant. Text a rule, a name, a phrase or the glossary decided is left
 * out: someone or something already decided it.
 */
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reviewConversion, type Glossary, type ReviewItem } from '../conversion/index.ts';
import type { SourceVariant } from '../site/scripts.ts';
import { ruleReporter } from './messages.ts';
import { textRuns } from './text-runs.ts';

export interface ConversionReviewOptions {
  variant: SourceVariant;
  glossary: Glossary;
}

/** The review item in words an editor acts on. */
export function describeReviewItem({ character, chosen, alternatives, word, fix }: ReviewItem): string {
  const others = alternatives.join(' or ');
  return `${character} is shown as ${chosen} in 「${word}」 on the other script’s page; if ${others} is meant, write ${fix}`;
}

export default function remarkConversionReview({ variant, glossary }: ConversionReviewOptions) {
  return (tree: Root, file: VFile): void => {
    // The text around each item, by its place, for the editor's preview to find it on the page.
    const contexts = new Map<string, { context: string; contextOffset: number }>();
    file.data['reviewContexts'] = contexts;
    const noteContext = (point: Point | undefined, { context, contextOffset }: ReviewItem): Point | undefined => {
      if (point !== undefined) contexts.set(`${point.line}:${point.column}`, { context, contextOffset });
      return point;
    };
    // A long list is a list nobody reads to the end: past a thousand, the count of what is left.
    const report = ruleReporter(file, 'conversion-review', { fatal: false, limit: 1000 });
    for (const run of textRuns(tree)) {
      for (const item of reviewConversion(run.text, { variant, glossary })) {
        report(describeReviewItem(item), () => noteContext(run.pointAt(item.index), item), {
          actual: item.chosen,
          expected: item.alternatives,
          note: item.fix,
        });
      }
    }
    // An image's description is read too (and converted like any text).
    visit(tree, 'image', (node) => {
      if (!node.alt) return;
      for (const item of reviewConversion(node.alt, { variant, glossary }))
        report(describeReviewItem(item), () => noteContext(node.position?.start, item), {
          actual: item.chosen,
          expected: item.alternatives,
          note: item.fix,
        });
    });
    report.finish();
  };
}
