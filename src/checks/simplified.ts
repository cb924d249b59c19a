/**
 * Checks that Simplified text keeps no Traditional character: OpenCC's own
 * t→cn conversion must leave it unchanged, and every Han character must be
 * in GB2312 (the mainland's basic set) or on the allow-list. Characters a
 * glossary pinned on purpose are not reported.
 */
import { openccConverter } from '../lib/convert.ts';

/** Han characters outside GB2312 that are correct in Simplified text (names, rare words). */
export const simplifiedAllowList: ReadonlySet<string> = new Set(['镕', '堃', '喆', '赟', '珺', '昇']);

let gb2312: Set<string> | undefined;

/** The 6,763 Han characters of GB2312, read from the platform's GBK decoder. */
export function gb2312Han(): ReadonlySet<string> {
  if (gb2312 === undefined) {
    gb2312 = new Set();
    const decoder = new TextDecoder('gbk');
    for (let row = 0xb0; row <= 0xf7; row++) {
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        const character = decoder.decode(new Uint8Array([row, cell]));
        if (/\p{Script=Han}/u.test(character)) gb2312.add(character);
      }
    }
  }
  return gb2312;
}

export interface LeftoverCharacter {
  character: string;
  /** A few characters either side, to find it on the page. */
  context: string;
  reason: 'opencc' | 'gb2312';
}

/** Positions covered by a pinned glossary term, which may keep a character OpenCC would change. */
function pinnedPositions(text: string, pinned: readonly string[]): Set<number> {
  const positions = new Set<number>();
  for (const term of pinned) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      const start = Array.from(text.slice(0, at)).length;
      for (let offset = 0; offset < Array.from(term).length; offset++) positions.add(start + offset);
    }
  }
  return positions;
}

/** Traditional characters left in a piece of Simplified text. */
export function findLeftoverTraditional(text: string, pinned: readonly string[] = []): LeftoverCharacter[] {
  if (!/\p{Script=Han}/u.test(text)) return [];
  const source = Array.from(text);
  const converted = Array.from(openccConverter('zh-Hant')(text));
  const allowed = pinnedPositions(text, pinned);
  const gb = gb2312Han();
  const found: LeftoverCharacter[] = [];
  source.forEach((character, index) => {
    if (allowed.has(index) || !/\p{Script=Han}/u.test(character)) return;
    const context = source.slice(Math.max(0, index - 6), index + 7).join('');
    if (converted.length === source.length && converted[index] !== character)
      found.push({ character, context, reason: 'opencc' });
    else if (!gb.has(character) && !simplifiedAllowList.has(character)) found.push({ character, context, reason: 'gb2312' });
  });
  return found;
}
