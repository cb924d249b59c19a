/**
 * The form in which a query and a page are compared: lower case, variant
 * characters folded to one form (峯 and 峰, 説 and 說, from OpenCC's variant
 * tables, chosen per script at build time), full-width letters and
 * digits as ASCII, and the separators of transliterated names (克利福德·庫南,
 * ・, ‧, ･, •, ．) dropped between Han characters. Both sides are folded the same way before the exact-sequence
 * test, so precision is kept; every folded character remembers where it came
 * from, so a match is shown and highlighted as the page prints it.
 */

/** Variant character → the form compared (built per script: `src/indexer/search-data-build.ts`). */
export type FoldTable = Readonly<Record<string, string>>;

/** Dots that separate the parts of a transliterated name: ·・‧･, the bullet • and the full-width full stop ． some editors type. */
export const separatorCharacters = '\u00B7\u30FB\u2027\uFF65\u2022\uFF0E';
export const nameSeparator = new RegExp(`[${separatorCharacters}]`, 'u');
const separators = new Set(Array.from(separatorCharacters));

const han = /\p{Script=Han}/u;
const digit = /\p{Nd}/u;

/** Full-width letters, digits and ％ compare as their ASCII forms (８２.５％ is 82.5%). */
const fullWidth = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]/u;

/**
 * One character as compared: its variant form, its ASCII form if it is a
 * full-width one, and a middle dot between two digits as the middle dot
 * (9·11, 9・11, 9‧11 and 9．11, the full-width full stop of Chinese
 * typesetting, are one; 9·11 is neither 9 nor 11, nor the number 9.11).
 */
function foldCharacter(characters: readonly string[], index: number, table: FoldTable): string {
  const character = characters[index] ?? '';
  const mapped = table[character];
  if (mapped !== undefined) return mapped.toLowerCase();
  // CJK ideographs have no case and no other form here: the common case, answered first (the build folds whole archives).
  const code = character.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return character;
  if (separators.has(character) && digit.test(characters[index - 1] ?? '') && digit.test(characters[index + 1] ?? ''))
    return '\u00B7';
  if (fullWidth.test(character)) return String.fromCharCode(code - 0xfee0).toLowerCase();
  return character.toLowerCase();
}

/** Folded text, and for each of its UTF-16 units the source range it came from. */
export interface FoldedText {
  text: string;
  /** Source index where the character behind folded unit `i` starts. */
  starts: number[];
  /** Source index just after the character behind folded unit `i`. */
  ends: number[];
}

/** Whether the character at `index` of `characters` is a name separator between two Han characters. */
function joinsName(characters: readonly string[], index: number): boolean {
  return (
    separators.has(characters[index] ?? '') && han.test(characters[index - 1] ?? '') && han.test(characters[index + 1] ?? '')
  );
}

/** Folds `source` with `table`, keeping where each folded unit came from. */
export function foldText(source: string, table: FoldTable = {}): FoldedText {
  const characters = Array.from(source);
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  let at = 0;
  characters.forEach((character, index) => {
    const start = at;
    at += character.length;
    if (joinsName(characters, index)) return;
    const folded = foldCharacter(characters, index, table);
    for (let unit = 0; unit < folded.length; unit++) {
      starts.push(start);
      ends.push(at);
    }
    text += folded;
  });
  return { text, starts, ends };
}

/** The folded form of a query term or a search form, or of a whole text (no positions kept). */
export function fold(text: string, table: FoldTable = {}): string {
  const characters = Array.from(text);
  let folded = '';
  for (let index = 0; index < characters.length; index++) {
    if (joinsName(characters, index)) continue;
    // Character by character, as foldText does (a whole-string lower case treats a final Σ differently).
    folded += foldCharacter(characters, index, table);
  }
  return folded;
}

/** Latin letters and digits: a Latin term matches only at the start of a word (Xi is not in Mexico). */
const latin = /[a-z0-9]/;

/** The browser's word segmenter (ICU's dictionary for Chinese), where there is one. */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
const hanWord = /^\p{Script=Han}{2,}$/u;
/** Characters of context the segmenter reads on each side of a match. */
const segmentContext = 6;

/**
 * Whether [start, end) of `text` runs across a word boundary with both of
 * its ends inside words, as the segmenter reads the text around it: 國會 in
 * 美國|會見, 山西 in 火山|西側. A match that starts or ends a word is kept
 * (火山 in 火山口, which ICU reads 火|山口), so is one inside one word.
 */
export function crossesWords(text: string, start: number, end: number): boolean {
  if (segmenter === undefined) return false;
  const from = Math.max(0, start - segmentContext);
  const to = Math.min(text.length, end + segmentContext);
  const boundaries = new Set<number>([to]);
  for (const { index } of segmenter.segment(text.slice(from, to))) boundaries.add(from + index);
  if (boundaries.has(start) || boundaries.has(end)) return false;
  for (let at = start + 1; at < end; at++) if (boundaries.has(at)) return true;
  return false;
}

/**
 * Every occurrence of `needle` (folded) in `folded`, as [start, end) in the
 * folded text. A needle that starts with a Latin letter or digit must start
 * a word; a Han needle may not run across a word boundary with both ends
 * inside words (`crossesWords`).
 */
export function occurrences(folded: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (needle === '') return found;
  const wordStart = latin.test(needle[0] ?? '');
  const han = hanWord.test(needle);
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
    if (wordStart && latin.test(folded[at - 1] ?? '')) continue;
    if (han && crossesWords(folded, at, at + needle.length)) continue;
    found.push([at, at + needle.length]);
  }
  return found;
}

/** The source text behind folded range [start, end). */
export function sourceRange(folded: FoldedText, start: number, end: number): [number, number] {
  return [folded.starts[start] ?? 0, folded.ends[end - 1] ?? 0];
}
