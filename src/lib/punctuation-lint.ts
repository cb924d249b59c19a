/**
 * Finds ASCII punctuation inside Chinese text: the captures our articles come
 * from lost their full-width forms (，：；？！（）). Latin text keeps ASCII, so
 * only a mark that touches a Han character or CJK punctuation is reported.
 */

export interface PunctuationProblem {
  line: number;
  column: number;
  character: string;
  /** The full-width form to use instead. */
  suggestion: string;
  context: string;
}

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

/** Lists every ASCII mark touching Chinese text, outside code spans and fenced code. */
export function lintPunctuation(text: string): PunctuationProblem[] {
  const problems: PunctuationProblem[] = [];
  let fenced = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced) return;
    const line = raw.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    const characters = Array.from(line);
    characters.forEach((character, at) => {
      const suggestion = fullWidth[character];
      if (suggestion === undefined) return;
      const before = characters[at - 1] ?? '';
      const after = characters[at + 1] ?? '';
      if (!chinese.test(before) && !chinese.test(after)) return;
      problems.push({
        line: index + 1,
        column: at + 1,
        character,
        suggestion,
        context: characters.slice(Math.max(0, at - 8), at + 9).join(''),
      });
    });
  });
  return problems;
}
