/**
 * The character guards, run on what is rendered (pages and feed items):
 * a page in one script holds no character that only another script uses, no
 * quotation mark of another script and no inline-rule marker. The texts that
 * rules and glossary pins fixed on purpose are let stand; code and regions
 * marked with another language are not read (see `pageText`).
 */
// The modules themselves, not the converter's index: the checks' worker threads load no dictionary of the converter.
import { belongsToOtherFamily } from '../conversion/characters.ts';
import { ruleClose, ruleOpen } from '../conversion/rules.ts';
import { scriptInfo, scripts, type Script } from '../site/scripts.ts';

export interface GuardProblem {
  /** What was found: a character, a quotation mark or a rule marker. */
  found: string;
  reason: 'character' | 'quotation mark' | 'rule marker';
  /** A few characters either side, to find it on the page. */
  context: string;
}

const han = /\p{Script=Han}/u;
const latin = /[\p{Script=Latin}\p{N}]/u;
const digit = /\p{N}/u;

/**
 * Whether the ’ at `index` is an apostrophe, which every script writes the
 * same way: after a letter or digit of a Latin word (Xi’s, 1990’s, Jones’),
 * or eliding a century before digits (’90年代). Anywhere else in Chinese
 * text it closes a Simplified inner quotation.
 */
function isApostrophe(characters: readonly string[], index: number): boolean {
  return characters[index] === '’' && (latin.test(characters[index - 1] ?? '') || digit.test(characters[index + 1] ?? ''));
}

/** Quotation marks of other scripts that `script` does not use. */
const foreignQuoteSets = new Map<Script, ReadonlySet<string>>();

function foreignQuotes(script: Script): ReadonlySet<string> {
  let marks = foreignQuoteSets.get(script);
  if (marks === undefined) {
    const own = new Set<string>(scriptInfo(script).quotes);
    marks = new Set(scripts.flatMap((other) => scriptInfo(other).quotes).filter((mark) => !own.has(mark)));
    foreignQuoteSets.set(script, marks);
  }
  return marks;
}

/** Code-point positions of `text` covered by a fixed text. */
function fixedPositions(text: string, fixed: ReadonlySet<string>, candidates: ReadonlySet<string>): Set<number> {
  const positions = new Set<number>();
  for (const term of fixed) {
    if (![...term].some((character) => candidates.has(character))) continue;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const start = Array.from(text.slice(0, at)).length;
      for (let offset = 0; offset < Array.from(term).length; offset++) positions.add(start + offset);
    }
  }
  return positions;
}

/** Every problem in one piece of text shown on a page of `script`. */
export function guardText(text: string, script: Script, fixed: ReadonlySet<string> = new Set()): GuardProblem[] {
  const family = scriptInfo(script).family;
  const quotes = foreignQuotes(script);
  const chinese = han.test(text);
  // Nearly every piece of a page holds nothing suspect: one pass over the string finds that before any array or set is
  // made (a third of the guards' time on an archive's pages).
  const anySuspect = (): boolean => {
    for (const character of text) if (belongsToOtherFamily(character, family) || (chinese && quotes.has(character))) return true;
    return false;
  };
  if (!anySuspect() && !text.includes(ruleOpen) && !text.includes(ruleClose)) return [];
  const characters = Array.from(text);
  const suspects = new Set<number>();
  const reasons = new Map<number, GuardProblem['reason']>();
  characters.forEach((character, index) => {
    if (belongsToOtherFamily(character, family)) reasons.set(index, 'character');
    else if (chinese && quotes.has(character) && !isApostrophe(characters, index)) reasons.set(index, 'quotation mark');
    if (reasons.has(index)) suspects.add(index);
  });
  const problems: GuardProblem[] = [];
  if (suspects.size > 0) {
    const allowed = fixedPositions(text, fixed, new Set([...suspects].map((index) => characters[index] ?? '')));
    for (const index of suspects) {
      if (allowed.has(index)) continue;
      const context = characters.slice(Math.max(0, index - 6), index + 7).join('');
      problems.push({ found: characters[index] ?? '', reason: reasons.get(index) ?? 'character', context });
    }
  }
  for (const marker of [ruleOpen, ruleClose]) {
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
      if ([...fixed].some((term) => term.includes(marker))) continue;
      problems.push({ found: marker, reason: 'rule marker', context: text.slice(Math.max(0, at - 6), at + 8) });
    }
  }
  return problems;
}
