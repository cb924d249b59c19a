/**
 * Characters that are not text, and text that shows nothing. Every field an
 * editor writes and every article body is held to the same rule, so that no
 * page, feed, sitemap or search file can carry them:
 *
 * - control characters (U+0000–U+001F but tab, line feed and carriage
 *   return; U+007F–U+009F), Unicode noncharacters (U+FDD0–U+FDEF and the
 *   last two code points of every plane, U+FFFE, U+FFFF…) and lone
 *   surrogates: XML 1.0 forbids most of them, so one such character in a
 *   headline made every feed that carried it unreadable;
 * - text that shows nothing once Unicode's Default_Ignorable_Code_Point and
 *   White_Space characters are set aside (U+3164 HANGUL FILLER, variation
 *   selectors, U+034F…), or that holds no letter or digit at all (U+2800
 *   BRAILLE PATTERN BLANK): a name or a headline a reader cannot see.
 */

export interface ForbiddenCharacter {
  character: string;
  codePoint: number;
  /** UTF-16 offset in the text. */
  index: number;
}

function isForbidden(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d;
  if (codePoint >= 0x7f && codePoint <= 0x9f) return true;
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return true;
  if ((codePoint & 0xfffe) === 0xfffe) return true;
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}

/** A cheap first test: most texts hold nothing below U+0020 but line ends, and nothing in the rarer ranges. */
const suspect = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

/** Every control character, noncharacter and lone surrogate of `text`, in order. */
export function forbiddenCharacters(text: string): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  if (!suspect.test(text) && !/[\u{1FFFE}-\u{10FFFF}]/u.test(text)) return found;
  let index = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (isForbidden(codePoint)) found.push({ character, codePoint, index });
    index += character.length;
  }
  return found;
}

/** `U+000C`, as a message names a code point. */
export const codePointName = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a forbidden character is, for a message an editor can act on. */
export function describeForbidden({ codePoint }: ForbiddenCharacter): string {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `a lone surrogate (${codePointName(codePoint)})`;
  if (codePoint >= 0xfdd0 || (codePoint & 0xfffe) === 0xfffe) return `the noncharacter ${codePointName(codePoint)}`;
  return `the control character ${codePointName(codePoint)}`;
}

const ignorable = /[\p{Default_Ignorable_Code_Point}\p{White_Space}]/gu;

/** Whether a text shows anything: something that is neither default-ignorable nor white space. */
export function showsSomething(text: string): boolean {
  return text.replace(ignorable, '') !== '';
}

/** Whether a text holds a letter or a digit that shows (a name, a headline, a label). */
export function showsWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(ignorable, ''));
}
