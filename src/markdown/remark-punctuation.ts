/**
 * remark plugin (lint): ASCII punctuation inside Chinese text. The captures
 * our articles come from lost their full-width forms (，：；？！（）); Latin
 * text keeps ASCII, so only a mark that touches a Han character or CJK
 * punctuation is reported, across inline markup, never inside code.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
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
    for (const run of textRuns(tree)) {
      const characters = Array.from(run.text);
      let index = 0;
      characters.forEach((character, at) => {
        const suggestion = fullWidth[character];
        const before = characters[at - 1] ?? '';
        const after = characters[at + 1] ?? '';
        if (suggestion !== undefined && (chinese.test(before) || chinese.test(after))) {
          const context = characters.slice(Math.max(0, at - 8), at + 9).join('');
          const message = file.message(`ASCII "${character}" in Chinese text, use "${suggestion}": …${context}…`, {
            place: run.pointAt(index),
            ruleId: 'punctuation',
            source: 'guoji',
          });
          message.fatal = true;
        }
        index += character.length;
      });
    }
  };
}
