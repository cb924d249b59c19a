/**
 * remark plugin (lint): the review list for an article written in
 * Simplified script. Every character whose Traditional form depends on
 * context (发 → 發 or 髮, 干 → 幹, 乾 or 干) is listed with the form OpenCC
 * chose in this sentence and the alternatives, as a warning, so an editor can
 * read through them and pin what is wrong. Text a rule or the glossary fixes
 * is left out: someone already decided it.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { convertRunAligned, parseRules, traditionalForms, type Glossary } from '../conversion/index.ts';
import { scriptInfo, scriptOfVariant, scripts, type SourceVariant } from '../site/scripts.ts';
import { ruleReporter } from './messages.ts';
import { textRuns } from './text-runs.ts';

export interface ConversionReviewOptions {
  variant: SourceVariant;
  glossary: Glossary;
}

export default function remarkConversionReview({ variant, glossary }: ConversionReviewOptions) {
  const target = scripts.find((script) => scriptInfo(script).family === 'traditional');
  return (tree: Root, file: VFile): void => {
    if (target === undefined || scriptInfo(scriptOfVariant(variant)).family !== 'simplified') return;
    // A long list is a list nobody reads to the end: past a thousand, the count of what is left.
    const report = ruleReporter(file, 'conversion-review', { fatal: false, limit: 1000 });
    for (const run of textRuns(tree)) {
      for (const segment of parseRules(run.text).segments) {
        if (segment.type !== 'text') continue;
        const { aligned, fixed } = convertRunAligned(segment.value, { from: variant, to: target, glossary });
        let index = segment.start;
        Array.from(segment.value).forEach((character, at) => {
          const forms = traditionalForms(character);
          if (forms !== undefined && !fixed.has(at)) {
            const chosen = aligned[at] ?? character;
            const context = Array.from(run.text.slice(Math.max(0, index - 8), index + 9)).join('');
            const others = forms.filter((form) => form !== chosen).join(' ');
            const offset = index;
            report(`${character} → ${chosen} (other forms: ${others}) in 「${context}」`, () => run.pointAt(offset));
          }
          index += character.length;
        });
      }
    }
    report.finish();
  };
}
