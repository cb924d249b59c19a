/**
 * What a reader typed, made safe and searchable: bidi controls and lone
 * surrogates removed, cut to a length we search (at a term boundary, and
 * saying so), split into terms, and rewritten into the script of the index
 * being searched (so 会见 typed on a Traditional page still finds 會見).
 */
import { nameSeparator, separatorCharacters } from './fold.ts';
import type { ScriptMap } from './script-map.ts';

/** Longest query we search, in characters; longer input is cut at a term boundary, and the reader told. */
export const maxQueryLength = 100;

/** A query as searched. */
export interface PreparedQuery {
  /** The text searched: cleaned, and cut if it was too long. */
  text: string;
  /** Whether words after `text` were left out because the query was too long. */
  cut: boolean;
}

/** Query text with controls, bidi overrides and lone surrogates removed, spaces collapsed; not cut. */
function cleanText(input: string): string {
  const wellFormed = input.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  const visible = wellFormed.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  return visible.replace(/\s+/g, ' ').trim();
}

const termCharacter = /[\p{L}\p{N}\p{M}]/u;

/**
 * Cleans the query and, past `maxQueryLength` characters, cuts it after the
 * last whole term that fits; a single term longer than that is cut inside.
 */
export function prepareQuery(input: string): PreparedQuery {
  const characters = Array.from(cleanText(input));
  if (characters.length <= maxQueryLength) return { text: characters.join(''), cut: false };
  // The character just past the limit may itself be the boundary.
  for (let boundary = maxQueryLength; boundary > 0; boundary--) {
    const next = characters[boundary] ?? '';
    if (!termCharacter.test(next) && !nameSeparator.test(next)) {
      const text = characters.slice(0, boundary).join('').trim();
      if (text !== '') return { text, cut: true };
    }
  }
  return { text: characters.slice(0, maxQueryLength).join(''), cut: true };
}

/** The query as searched (see `prepareQuery`). */
export function cleanQuery(input: string): string {
  return prepareQuery(input).text;
}

/** A name separator between two Han characters joins them: 克利福德·庫南 is one term. */
const joinedName = new RegExp(`(?<=\\p{Script=Han})[${separatorCharacters}](?=\\p{Script=Han})`, 'gu');

/**
 * A term: letters, digits and Han characters, with the marks that hold a
 * number together kept inside it: a decimal point or a thousands comma
 * (1935.3克, 1,200), the dot, slash, hyphen or colon of a date or a time
 * (9·11, 2026-06-30, 11/5, 10:30), and a percent sign after a number (82.5%).
 */
const term = new RegExp(
  `[\\p{L}\\p{N}\\p{M}]+(?:(?<=\\p{N})[.,:/\\-${separatorCharacters}](?=\\p{N})[\\p{L}\\p{N}\\p{M}]+)*(?:(?<=\\p{N})[%\uFF05])?`,
  'gu',
);

/**
 * Search terms: runs of letters, digits and Han characters, lower case;
 * punctuation and spaces separate them, the middle dot of a transliterated
 * name does not, nor the marks inside a number (see `term`).
 */
export function queryTerms(query: string): string[] {
  return [...cleanQuery(query).toLowerCase().replace(joinedName, '').matchAll(term)].map((match) => match[0]);
}

/** Most spellings of one query we try, where a character maps to several in the other script. */
export const maxVariants = 8;

/**
 * The ways `term` can be written in the index's script: each character is
 * replaced by the characters it stands for there (发 → 發 or 髮), keeping the
 * character itself when it also occurs unchanged in that script.
 */
export function termVariants(term: string, map: Readonly<ScriptMap>, limit = maxVariants): string[] {
  let variants = [''];
  for (const character of Array.from(term)) {
    const options = Array.from(map[character] ?? character);
    variants = variants.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, limit);
  }
  return variants;
}
