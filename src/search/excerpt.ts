/**
 * Where a result's excerpt starts and ends: around the first hit, from the
 * start of its sentence (or, in a long sentence, of its clause) and to the
 * end of a sentence or clause, so that it reads as text; where no such
 * mark is near, at a word boundary as the browser's segmenter reads the
 * text, never inside a word (「…ump）舉行」 was an excerpt once). A cut is
 * shown as 「…」.
 */

/** Characters an excerpt may show before its first hit, and about how many it shows in all. */
const maxBefore = 40;
const length = 100;
/** How far past the planned end an excerpt may run to reach the end of a sentence or clause. */
const maxAfter = 30;

const sentenceEnd = /[。！？!?；;\n]/u;
const clauseEnd = /[，、：,:]/u;
/** Closing marks that belong to the sentence before them. */
const closing = /[」』）)”’\]】]/u;

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/** The word boundary at or after `at` in `text` (its end if none), reading a little context around it. */
function wordBoundaryFrom(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  if (segmenter === undefined) {
    // Without a segmenter, a Latin word is still whole: move past its letters.
    let position = at;
    while (
      position < text.length &&
      /[\p{Script=Latin}\p{N}]/u.test(text[position] ?? '') &&
      /[\p{Script=Latin}\p{N}]/u.test(text[position - 1] ?? '')
    )
      position++;
    return position;
  }
  const from = Math.max(0, at - 20);
  for (const { index } of segmenter.segment(text.slice(from, Math.min(text.length, at + 40))))
    if (from + index >= at) return from + index;
  return Math.min(text.length, at + 40);
}

/** The excerpt's range of `text` around the hit [start, end), and whether text was cut before or after it. */
export function excerptWindow(
  text: string,
  start: number,
  end: number,
): { from: number; to: number; cutBefore: boolean; cutAfter: boolean } {
  // Back to the start of the sentence, else of the clause, else to a word boundary.
  let from = 0;
  let cutBefore = false;
  const earliest = Math.max(0, start - maxBefore);
  let clause = -1;
  let sentence = -1;
  for (let at = start - 1; at >= earliest; at--) {
    const character = text[at] ?? '';
    if (sentenceEnd.test(character)) {
      sentence = at + 1;
      break;
    }
    if (clause === -1 && clauseEnd.test(character)) clause = at + 1;
  }
  if (sentence !== -1) from = sentence;
  else if (earliest === 0) from = 0;
  else if (clause !== -1) [from, cutBefore] = [clause, true];
  else [from, cutBefore] = [wordBoundaryFrom(text, earliest), true];
  while (from < start && (closing.test(text[from] ?? '') || /\s/u.test(text[from] ?? ''))) from++;

  // On to the end of a sentence, else of a clause, else to a word boundary.
  const planned = Math.max(end, from + length);
  if (planned >= text.length) return { from, to: text.length, cutBefore, cutAfter: false };
  let to = -1;
  let clauseTo = -1;
  for (let at = Math.max(end, from + length / 2); at < Math.min(text.length, planned + maxAfter); at++) {
    const character = text[at] ?? '';
    if (sentenceEnd.test(character) && at + 1 >= planned - length / 3) {
      to = at + 1;
      break;
    }
    if (clauseEnd.test(character) && at >= planned - 10 && clauseTo === -1) clauseTo = at;
  }
  if (to !== -1) {
    // A whole sentence needs no mark after it.
    while (to < text.length && closing.test(text[to] ?? '')) to++;
    return { from, to, cutBefore, cutAfter: false };
  }
  to = clauseTo !== -1 ? clauseTo : wordBoundaryFrom(text, planned);
  return { from, to, cutBefore, cutAfter: to < text.length };
}
