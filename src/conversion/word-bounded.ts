/**
 * OpenCC's Simplified → Traditional conversion (s2tw: STPhrases and
 * STCharacters, then the Taiwan variants), run with the same dictionaries
 * and the same longest match, with two differences:
 *
 * - A phrase may not cross a word boundary (words.ts): a match must lie
 *   inside one word or cover whole words. 艺术的钟情 is 藝術的鍾情, not
 *   藝術的鐘情; 半导体制造 keeps 體 and 製 apart.
 * - A name's surname keeps its surname form (surnames.ts), and its given
 *   name is converted character by character, so no phrase reaches into it.
 *
 * It also says how each character was decided: by a phrase (a dictionary
 * entry of two or more characters), by one character's default, or by a name.
 * The review list reads that: only a character's default can be the wrong
 * sense, so only those are worth an editor's time.
 *
 * Without word boundaries and names this is exactly opencc-js's s2tw; a test
 * holds that on every text of the fixtures.
 */
import * as OpenCC from 'opencc-js';
import { surnameForms, surnameNames, type NameSpan } from './surnames.ts';
import { characterDefaults, simplifiedDefaults } from './data/character-defaults.ts';
import { simplifiedWords } from './words.ts';

/** How a character's form was decided. */
export type Decision = 'phrase' | 'character' | 'name';

export interface DecidedConversion {
  /** One string per code point of the source. */
  output: string[];
  /** How each code point's form was decided. */
  decisions: Decision[];
  /** jieba's words of the text, where it holds no character beyond the BMP (the review list reads them too). */
  words?: string[] | undefined;
}

interface Dictionaries {
  phrases: OpenCC.Trie;
  /** Everything after the first stage (the Taiwan variants), as opencc-js applies it. */
  rest: (text: string) => string;
}

let dictionaries: Dictionaries | undefined;

function simplifiedToTaiwan(): Dictionaries {
  if (dictionaries) return dictionaries;
  const [first, ...rest] = [...(OpenCC.Locale.from['cn'] ?? []), ...(OpenCC.Locale.to['tw'] ?? [])];
  if (first === undefined) throw new Error('opencc-js has no Simplified dictionaries (Locale.from.cn)');
  const phrases = new OpenCC.Trie();
  phrases.loadDictGroup(first);
  dictionaries = { phrases, rest: OpenCC.ConverterFactory(...rest) };
  return dictionaries;
}

/** Whether OpenCC's first stage has an entry for exactly `word`. */
function isPhrase(trie: OpenCC.Trie, word: string): boolean {
  return trie.matchPrefix(word, 0)?.end === word.length;
}

/** Code-point offsets where one word ends and the next begins (0 and the end included). */
function wordBoundaries(words: readonly string[]): Set<number> {
  const boundaries = new Set<number>([0]);
  let position = 0;
  for (const word of words) boundaries.add((position += word.length));
  return boundaries;
}

/**
 * The longest dictionary match at `start` that does not cross a word
 * boundary, as [length, replacement]. Offsets are UTF-16 units: the caller
 * gives text without surrogate pairs, or one code point per element.
 */
function boundedMatch(
  trie: OpenCC.Trie,
  text: string,
  start: number,
  boundaries: ReadonlySet<number> | undefined,
  limit: number,
): [number, string] | undefined {
  let match = trie.matchPrefix(limit < text.length ? text.slice(0, limit) : text, start);
  while (match !== null) {
    const length = match.end - start;
    if (length === 1 || boundaries === undefined || !crosses(start, match.end, boundaries)) return [length, match.value];
    // The next shorter entry: match again on the text cut before this one's last character.
    match = trie.matchPrefix(text.slice(0, match.end - 1), start);
  }
  return undefined;
}

/** Whether [start, end) binds characters of two words without covering them whole. */
function crosses(start: number, end: number, boundaries: ReadonlySet<number>): boolean {
  if (boundaries.has(start) && boundaries.has(end)) return false;
  for (let at = start + 1; at < end; at++) if (boundaries.has(at)) return true;
  return false;
}

export interface WordBoundedOptions {
  /** Read word boundaries and names, and use the site's character defaults (the default); off, this is OpenCC's own s2tw. */
  words?: boolean;
}

/** Converts Simplified text to Taiwan-standard Traditional, within word boundaries, names kept. */
export function convertSimplifiedByWords(text: string, options: WordBoundedOptions = {}): DecidedConversion {
  // Characters beyond the BMP (CJK extension B…) take two UTF-16 units: offsets are kept in code points
  // by converting such text in pieces of one code point; other text is matched in place, which is fast.
  if (/[\uD800-\uDFFF]/.test(text)) return convertInCodePoints(text, options);
  return convertUnits(text, options);
}

function convertInCodePoints(text: string, options: WordBoundedOptions): DecidedConversion {
  // Replace each astral character by a private-use stand-in that no dictionary knows, convert, put them back.
  const astral: string[] = [];
  const standIn = text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (pair) => {
    astral.push(pair);
    return '\uE000';
  });
  const converted = convertUnits(standIn, options);
  const { phrases, rest } = simplifiedToTaiwan();
  let next = 0;
  const output = converted.output.map((piece) => {
    if (piece !== '\uE000') return piece;
    const character = astral[next++] ?? piece;
    return rest(phrases.matchPrefix(character, 0)?.value ?? character);
  });
  return { output, decisions: converted.decisions };
}

function convertUnits(text: string, { words = true }: WordBoundedOptions): DecidedConversion {
  const { phrases, rest } = simplifiedToTaiwan();
  const characters = text.split('');
  const segmented = words ? simplifiedWords(text) : undefined;
  const boundaries = segmented === undefined ? undefined : wordBoundaries(segmented);
  const names = new Map<number, NameSpan>(
    (segmented === undefined ? [] : surnameNames(segmented, (word) => isPhrase(phrases, word))).map((name) => [name.start, name]),
  );
  const nameStarts = [...names.keys()].sort((a, b) => a - b);
  let nextName = 0;
  const firstStage: string[] = [];
  const decisions: Decision[] = [];
  for (let at = 0; at < characters.length;) {
    const name = names.get(at);
    if (name !== undefined) {
      for (let offset = 0; offset < name.length; offset++) {
        const character = characters[at + offset] ?? '';
        const single = offset === 0 ? surnameForms.get(character) : undefined;
        firstStage.push(single ?? phrases.matchPrefix(character, 0)?.value ?? character);
        decisions.push('name');
      }
      at += name.length;
      continue;
    }
    // No phrase reaches into the next name (的钟 before 钟志强).
    while (nameStarts[nextName] !== undefined && (nameStarts[nextName] ?? 0) <= at) nextName += 1;
    const match = boundedMatch(phrases, text, at, boundaries, nameStarts[nextName] ?? text.length);
    if (match === undefined) {
      firstStage.push(characters[at] ?? '');
      decisions.push('character');
      at += 1;
      continue;
    }
    const [length, found] = match;
    // Where one character's default decided, a default of our own may stand in for OpenCC's.
    const replacement = length === 1 && words ? (characterDefaults.get(found) ?? found) : found;
    const replaced = Array.from(replacement);
    if (replaced.length === length) firstStage.push(...replaced);
    else {
      // OpenCC keeps lengths; should an entry not, its whole result goes to its first character.
      firstStage.push(replacement);
      for (let offset = 1; offset < length; offset++) firstStage.push('');
    }
    for (let offset = 0; offset < length; offset++) decisions.push(length > 1 ? 'phrase' : 'character');
    at += length;
  }
  const joined = firstStage.join('');
  const second = Array.from(rest(joined));
  const output =
    second.length === characters.length && firstStage.every((piece) => piece.length === 1) ? second : firstStage.map(rest);
  return { output, decisions, words: segmented };
}

/** Converts a whole text as one person's name: surname form first, every other character on its own. */
export function convertSimplifiedName(name: string): string {
  const { phrases, rest } = simplifiedToTaiwan();
  return Array.from(name)
    .map((character, index) => {
      const surname = index === 0 ? surnameForms.get(character) : undefined;
      const found = phrases.matchPrefix(character, 0)?.value ?? character;
      return rest(surname ?? characterDefaults.get(found) ?? found);
    })
    .join('');
}

/**
 * Traditional text shown in Simplified: OpenCC writes 于 for every 於, but
 * 於 the surname is its own character on the mainland too (通用规范汉字表:
 * 於 "用于姓氏人名"), so 於志豪 stays 於志豪. The names rule reads the
 * Simplified result, where jieba's words apply. Also the Simplified defaults
 * of characters OpenCC leaves as they are (徬 → 彷).
 */
export function keepTraditionalNames(source: string, output: string[]): void {
  output.forEach((piece, index) => {
    const standard = simplifiedDefaults.get(piece);
    if (standard !== undefined) output[index] = standard;
  });
  if (!source.includes('於') || output.some((piece) => piece.length !== 1)) return;
  const { phrases } = simplifiedToTaiwan();
  const sourceCharacters = Array.from(source);
  // Read around each 於 only (a name is a few characters; most 於 are 對於, 由於…): segmenting the whole text would
  // halve the speed of every Traditional → Simplified conversion.
  sourceCharacters.forEach((character, at) => {
    if (character !== '於' || output[at] !== '于') return;
    const start = Math.max(0, at - 6);
    const window = output.slice(start, at + 6).join('');
    const names = surnameNames(simplifiedWords(window), (word) => isPhrase(phrases, word));
    if (names.some((name) => name.start === at - start)) output[at] = '於';
  });
}
