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

/** Quotation marks and brackets a run may end with, when the run itself opened them: each closer and its opener. */
const closerMarks = Object.keys(closers);

/**
 * Splits `text` into Latin runs, numeral runs and the rest, in order; joined,
 * the pieces are `text`. Linear in the length of the text, whatever it holds
 * (a paragraph of "1 1 1 …" once took minutes): each position is tested in
 * constant time against spans found in one pass, and the characters a run
 * drops from its end are never read again as part of another run.
 */
export function westernRuns(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const chars = Array.from(text);
  const length = chars.length;
  // spanEnd[i]: where the run of characters a Latin run may hold, started at i, ends (exclusive).
  // nextLetter[i]: the first Latin letter at or after i (length if none).
  const spanEnd = new Int32Array(length + 1);
  const nextLetter = new Int32Array(length + 1);
  spanEnd[length] = length;
  nextLetter[length] = length;
  for (let index = length - 1; index >= 0; index--) {
    const char = chars[index] ?? '';
    spanEnd[index] = inside.test(chars[index + 1] ?? '') ? (spanEnd[index + 1] ?? length) : index + 1;
    nextLetter[index] = letter.test(char) ? index : (nextLetter[index + 1] ?? length);
  }
  let other = '';
  const flush = (): void => {
    if (other !== '') pieces.push({ kind: 'other', text: other });
    other = '';
  };
  let index = 0;
  while (index < length) {
    const char = chars[index] ?? '';
    // A run may start with a digit (3M, 5G) but must hold a letter.
    if ((letter.test(char) || numeral.test(char)) && (nextLetter[index] ?? length) < (spanEnd[index] ?? length)) {
      const end = latinRunEnd(chars, index, spanEnd[index] ?? length);
      flush();
      pieces.push({ kind: 'latin', text: chars.slice(index, end).join('') });
      index = end;
      continue;
    }
    if (numeral.test(char)) {
      let end = index + 1;
      // Thousands separators and decimal points belong to the number: 2,920 and 3.5.
      while (
        end < length &&
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

/**
 * Where a Latin run from `start` ends: the longest part of the span up to
 * `spanEnd` whose last character may end a run (a letter, a digit, or a
 * closing mark the run opened), found by dropping characters from the end
 * while counting the marks, so the span is read once.
 */
function latinRunEnd(chars: readonly string[], start: number, spanEnd: number): number {
  const counts = new Map<string, number>(
    closerMarks.flatMap((mark) => [
      [mark, 0],
      [closers[mark] ?? '', 0],
    ]),
  );
  for (let index = start; index < spanEnd; index++) {
    const char = chars[index] ?? '';
    const known = counts.get(char);
    if (known !== undefined) counts.set(char, known + 1);
  }
  let end = spanEnd;
  while (end > start) {
    const last = chars[end - 1] ?? '';
    if (/[\p{Script=Latin}\p{N}\p{M}]/u.test(last)) return end;
    const opener = closers[last];
    if (opener !== undefined) {
      const closing = counts.get(last) ?? 0;
      const opening = counts.get(opener) ?? 0;
      // A closing mark stays only if the run opened it: “AUKUS” keeps its Chinese quotes outside.
      if (opener === last ? closing % 2 === 0 : opening >= closing) return end;
    }
    const known = counts.get(last);
    if (known !== undefined) counts.set(last, known - 1);
    end -= 1;
  }
  return end;
}

/** Whether a text holds anything `westernRuns` would mark. */
export function hasWesternRun(text: string): boolean {
  return /[\p{Script=Latin}0-9]/u.test(text);
}
