/**
 * Finds the Western runs inside Chinese text: Latin words and phrases
 * (`Donald Trump`, `AUKUS`, `China’s`) and bare Western numerals (`2025`).
 * Pages mark the first with `lang="en"`, so they are set in a Latin face
 * (narrow quotes and apostrophes) and justification never spaces their
 * letters, and the second so that no browser spaces a date (`2025年`).
 */

/** One piece of a text: a Latin run, a run of Western digits, or anything else. */
export interface TextPiece {
  kind: 'latin' | 'numeral' | 'other';
  text: string;
}

const letter = /[\p{Script=Latin}]/u;
/** What a Latin run may hold between its first and last character. */
const inside = /[\p{Script=Latin}\p{N}\p{M} \u00a0'’‘“”".,:;!?&/()\-–—]/u;
/** What may end a Latin run: a letter, a digit, or a closing mark whose opening mark is in the run. */
const closers: Readonly<Record<string, string>> = { '’': '‘', '”': '“', ')': '(', '"': '"', "'": "'" };
const numeral = /[0-9]/;

function count(text: string, mark: string): number {
  return text.split(mark).length - 1;
}

/** Whether `run` may end with its last character. */
function endsCleanly(run: string): boolean {
  const last = run.at(-1) ?? '';
  if (/[\p{Script=Latin}\p{N}\p{M}]/u.test(last)) return true;
  const opener = closers[last];
  if (opener === undefined) return false;
  // A closing mark stays only if the run opened it: “AUKUS” keeps its Chinese quotes outside.
  return opener === last ? count(run, last) % 2 === 0 : count(run, opener) >= count(run, last);
}

/** Splits `text` into Latin runs, numeral runs and the rest, in order; joined, the pieces are `text`. */
export function westernRuns(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const chars = Array.from(text);
  let other = '';
  const flush = (): void => {
    if (other !== '') pieces.push({ kind: 'other', text: other });
    other = '';
  };
  let index = 0;
  while (index < chars.length) {
    const char = chars[index] ?? '';
    // A run may start with a digit (3M, 5G) but must hold a letter.
    if (letter.test(char) || numeral.test(char)) {
      let end = index + 1;
      while (end < chars.length && inside.test(chars[end] ?? '')) end += 1;
      let run = chars.slice(index, end).join('');
      while (run !== '' && !endsCleanly(run)) run = Array.from(run).slice(0, -1).join('');
      if (letter.test(run)) {
        flush();
        pieces.push({ kind: 'latin', text: run });
        index += Array.from(run).length;
        continue;
      }
    }
    if (numeral.test(char)) {
      let end = index + 1;
      // Thousands separators and decimal points belong to the number: 2,920 and 3.5.
      while (
        end < chars.length &&
        (numeral.test(chars[end] ?? '') || (/[.,]/.test(chars[end] ?? '') && numeral.test(chars[end + 1] ?? '')))
      )
        end += 1;
      flush();
      pieces.push({ kind: 'numeral', text: chars.slice(index, end).join('') });
      index = end;
      continue;
    }
    other += char;
    index += 1;
  }
  flush();
  return pieces;
}

/** Whether a text holds anything `westernRuns` would mark. */
export function hasWesternRun(text: string): boolean {
  return /[\p{Script=Latin}0-9]/u.test(text);
}
