/**
 * remark plugin (lint): ASCII punctuation inside Chinese text. The captures
 * our articles come from lost their full-width forms (，：；？！（）); Latin
 * text keeps ASCII, so only a mark that touches a Han character or CJK
 * punctuation is reported, across inline markup, never inside code.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseRules } from '../conversion/index.ts';
import { ruleReporter } from './messages.ts';
import { textRuns } from './text-runs.ts';

export const fullWidth: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Han characters and the full-width and CJK punctuation blocks. */
const chinese = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\ufe30-\ufe6f]/u;

export default function remarkPunctuation() {
  return (tree: Root, file: VFile): void => {
    const report = ruleReporter(file, 'punctuation', { fatal: true });
    for (const run of textRuns(tree)) {
      const characters = Array.from(run.text);
      // The colons and semicolons of an inline rule (-{zh-hans:…;zh-hant:…}-) are its syntax, not punctuation.
      const rules = parseRules(run.text).segments.filter((segment) => segment.type === 'rule');
      let next = 0;
      /** Offsets only grow: one pass over the rules in order. */
      const inRule = (offset: number): boolean => {
        while (next < rules.length && offset >= (rules[next]?.start ?? 0) + (rules[next]?.raw.length ?? 0)) next += 1;
        const rule = rules[next];
        return rule !== undefined && offset >= rule.start;
      };
      let index = 0;
      characters.forEach((character, at) => {
        const suggestion = inRule(index) ? undefined : fullWidth[character];
        const before = characters[at - 1] ?? '';
        const after = characters[at + 1] ?? '';
        if (suggestion !== undefined && (chinese.test(before) || chinese.test(after))) {
          const context = characters.slice(Math.max(0, at - 8), at + 9).join('');
          const offset = index;
          report(`ASCII "${character}" in Chinese text, use "${suggestion}": …${context}…`, () => run.pointAt(offset));
        }
        index += character.length;
      });
    }
    report.finish();
  };
}
