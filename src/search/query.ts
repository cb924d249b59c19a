/**
 * What a reader typed, made safe and searchable: bidi controls and lone
 * surrogates removed, length capped, split into terms, and rewritten into the
 * script of the index being searched (so 制裁 and 製裁-style differences, or
 * 会见 typed on a Traditional page, still find 會見).
 */
import type { ScriptMap } from './script-map.ts';

/** Longest query we search, in characters; longer input is cut, not refused. */
export const maxQueryLength = 100;

/** Query text with controls, bidi overrides and lone surrogates removed, spaces collapsed. */
export function cleanQuery(input: string): string {
  const wellFormed = input.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  const visible = wellFormed.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  return Array.from(visible.replace(/\s+/g, ' ').trim()).slice(0, maxQueryLength).join('').trim();
}

/** Search terms: runs of letters, digits and Han characters; punctuation separates them. */
export function queryTerms(query: string): string[] {
  return cleanQuery(query)
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((term) => term !== '');
}

/** Most spellings of one query we try, where a character maps to several in the other script. */
export const maxVariants = 8;

/**
 * The ways `term` can be written in the index's script: each character is
 * replaced by the characters it stands for there (发 → 發 or 髮), keeping the
 * character itself when it also occurs unchanged in that script.
 */
export function termVariants(term: string, map: ScriptMap): string[] {
  let variants = [''];
  for (const character of Array.from(term)) {
    const options = Array.from(map[character] ?? character);
    variants = variants.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, maxVariants);
  }
  return variants;
}
