/**
 * Builds each script's search data (`SearchLexicon`) at build time from the
 * site's own text, so the browser gets only what this site can match:
 * the character map for the other script, the variant characters to fold
 * (OpenCC's TW and HK variant tables), and the regional forms of words and
 * names (OpenCC's TW and HK phrase tables and their reverses, and the
 * editors' names table), each kept only if a form of it occurs in the site.
 * Pure: the tables and the converter are passed in.
 */
import { scriptInfo, scripts, type Script } from '../lib/scripts.ts';
import { fold, occurrences, type FoldTable } from './fold.ts';
import type { SearchLexicon } from './lexicon.ts';
import { buildScriptMaps } from './script-map.ts';

export interface LexiconSources {
  /** The site's texts, each written in every script (aligned, as for the script map). */
  texts: readonly Readonly<Record<Script, string>>[];
  /** Pairs of variant forms of one character (峯, 峰), from OpenCC's variant tables. */
  variantPairs: readonly (readonly [string, string])[];
  /** Regional phrases, one way: a reader writes `from`, a page may print one of `to`. */
  phrases: readonly { readonly from: string; readonly to: readonly string[] }[];
  /** The editors' names: every form of one name, in any script (content/names.yaml). */
  names: readonly (readonly string[])[];
  /** A form, in whichever script it is written, converted into `to`. */
  convert: (text: string, to: Script) => string;
  /** Whether a character is standard Simplified (通用规范汉字表): those are never folded on Simplified pages. */
  isSimplifiedStandard: (character: string) => boolean;
}

/** Groups of characters that are variants of each other (union of every pair). */
function variantGroups(pairs: LexiconSources['variantPairs']): string[][] {
  const parent = new Map<string, string>();
  const root = (character: string): string => {
    let at = character;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at) ?? at;
    return at;
  };
  for (const [a, b] of pairs) {
    if (Array.from(a).length !== 1 || Array.from(b).length !== 1 || a === b) continue;
    for (const character of [a, b]) if (!parent.has(character)) parent.set(character, character);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const character of parent.keys()) groups.set(root(character), [...(groups.get(root(character)) ?? []), character]);
  return [...groups.values()];
}

function countCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts;
}

/**
 * Traditional pages: every variant of a character the site prints folds to
 * the form the site prints most; where it prints several, `forms` lists them.
 */
function traditionalFolding(groups: string[][], counts: Map<string, number>): Pick<SearchLexicon, 'fold' | 'forms'> {
  const table: Record<string, string> = {};
  const forms: Record<string, string> = {};
  for (const group of groups) {
    const printed = group.filter((character) => (counts.get(character) ?? 0) > 0);
    const representative = printed.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
    if (representative === undefined) continue;
    for (const character of group) if (character !== representative) table[character] = representative;
    if (printed.length > 1) forms[representative] = printed.join('');
  }
  return { fold: table, forms };
}

/**
 * Simplified pages: a variant that is no standard Simplified character
 * (峯, 説, 衞) folds to its Simplified form, or to that of another form of
 * the same character, where the site prints it; standard characters (着
 * and 著, 只) stay apart.
 */
function simplifiedFolding(
  groups: string[][],
  counts: Map<string, number>,
  sources: LexiconSources,
  script: Script,
): Pick<SearchLexicon, 'fold' | 'forms'> {
  const table: Record<string, string> = {};
  const printed = (character: string): boolean => Array.from(character).length === 1 && (counts.get(character) ?? 0) > 0;
  for (const group of groups) {
    const converted = group.map((character) => sources.convert(character, script));
    const common = converted.filter(printed).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
    group.forEach((character, index) => {
      if (sources.isSimplifiedStandard(character)) return;
      const own = converted[index] ?? character;
      const target = own !== character && printed(own) ? own : common;
      if (target !== undefined && target !== character) table[character] = target;
    });
  }
  return { fold: table, forms: {} };
}

/** Regional forms for one script: keys in every script's spelling, targets the forms its pages print. */
function aliasesFor(sources: LexiconSources, script: Script, table: FoldTable, siteText: string): SearchLexicon['aliases'] {
  const printed = (form: string): boolean => occurrences(siteText, form).length > 0;
  const spellings = (form: string): string[] => [
    ...new Set([form, ...scripts.map((other) => sources.convert(form, other))].map((text) => fold(text, table))),
  ];
  const entries = new Map<string, [string[], string[]]>();
  const add = (typed: readonly string[], shown: readonly string[]): void => {
    const targets = [...new Set(shown.map((form) => fold(sources.convert(form, script), table)))].filter(printed);
    const keys = [...new Set(typed.flatMap(spellings))].filter((key) => Array.from(key).length >= 2);
    if (targets.length === 0 || keys.every((key) => targets.includes(key))) return;
    const id = `${keys.join(' ')}→${targets.join(' ')}`;
    if (!entries.has(id)) entries.set(id, [keys, targets]);
  };
  for (const { from, to } of sources.phrases) add([from], to);
  for (const forms of sources.names) add(forms, forms);
  return [...entries.values()].sort(([a], [b]) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** Every script's search data. */
export function buildLexicons(sources: LexiconSources): Record<Script, SearchLexicon> {
  const maps = buildScriptMaps(sources.texts);
  const groups = variantGroups(sources.variantPairs);
  return Object.fromEntries(
    scripts.map((script) => {
      const raw = sources.texts.map((text) => text[script]).join('\n');
      const counts = countCharacters(raw);
      const folding =
        scriptInfo(script).family === 'traditional'
          ? traditionalFolding(groups, counts)
          : simplifiedFolding(groups, counts, sources, script);
      const lexicon: SearchLexicon = {
        map: maps[script],
        ...folding,
        aliases: aliasesFor(sources, script, folding.fold, fold(raw, folding.fold)),
      };
      return [script, lexicon];
    }),
  ) as Record<Script, SearchLexicon>;
}
