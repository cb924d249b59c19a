/**
 * Builds each script's search data (`SearchData`) at build time from the
 * site's own text, so the browser gets only what this site can match:
 * the character map for the other script, the variant characters to fold
 * (OpenCC's TW and HK variant tables), and the regional forms of words and
 * names (OpenCC's TW and HK phrase tables and their reverses, and the
 * editors' names table), each kept only if a form of it occurs in the site.
 * The site's texts are read once, one at a time, and none is kept: what is
 * kept grows with the characters and phrases the site uses, not with the
 * number of its articles. Pure: the tables and the converter are passed in.
 */
import { scriptInfo, scripts, type Script } from '../site/scripts.ts';
import { fold, type FoldTable } from '../search/fold.ts';
import type { SearchData } from '../search/search-data.ts';
import { ScriptMapBuilder, type ScriptMap, type ScriptMapPart } from '../search/script-map.ts';

export interface SearchDataSources {
  /** The site's texts, each written in every script (aligned, as for the script map); read once, in order. */
  texts: Iterable<Readonly<Record<Script, string>>>;
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

/** Characters joined into classes (union–find), each remembered in the order it was first joined. */
class CharacterClasses {
  readonly #parent = new Map<string, string>();

  root(character: string): string {
    let at = character;
    while (this.#parent.has(at) && this.#parent.get(at) !== at) at = this.#parent.get(at) ?? at;
    return at;
  }

  join(a: string, b: string): void {
    for (const character of [a, b]) if (!this.#parent.has(character)) this.#parent.set(character, character);
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.#parent.set(rb, ra);
  }

  characters(): string[] {
    return [...this.#parent.keys()];
  }
}

/** Groups of characters that are variants of each other (union of every pair). */
function variantGroups(pairs: SearchDataSources['variantPairs']): string[][] {
  const classes = new CharacterClasses();
  for (const [a, b] of pairs) if (Array.from(a).length === 1 && Array.from(b).length === 1 && a !== b) classes.join(a, b);
  const groups = new Map<string, string[]>();
  for (const character of classes.characters()) {
    const root = classes.root(character);
    groups.set(root, [...(groups.get(root) ?? []), character]);
  }
  return [...groups.values()];
}

/** Counts the characters of `text` that are in `counted`. */
function countCharacters(text: string, counted: ReadonlySet<string>, counts: Map<string, number>): void {
  for (const character of text) if (counted.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
}

/**
 * Characters that a script's folding may make equal, joined in one class:
 * each group of variants with the forms the script converts them to. The
 * folding is chosen only once every text is counted, so whether a phrase
 * occurs is decided in these classes while the texts are read: two strings
 * that fold alike always have the same classes (the converse can fail only
 * for a rare variant, and then keeps an alias the site cannot match, which
 * costs a few bytes and finds nothing wrong).
 */
function foldClasses(groups: string[][], sources: SearchDataTables, script: Script): FoldTable {
  const classes = new CharacterClasses();
  for (const group of groups)
    for (const character of group) {
      classes.join(group[0] ?? character, character);
      const converted = sources.convert(character, script);
      if (Array.from(converted).length === 1) classes.join(character, converted);
    }
  return Object.fromEntries(classes.characters().map((character) => [character, classes.root(character)]));
}

/** Latin letters and digits: a Latin form occurs only at the start of a word (Xi is not in Mexico). */
const latin = /[a-z0-9]/;

/** A trie of forms: each node, the next code unit's nodes, and the form that ends here. */
interface FormNode {
  next: Map<string, FormNode>;
  form?: string;
}

/** Which of a set of forms occur in a text, compared in fold classes. */
class FormFinder {
  readonly #classes: FoldTable;
  /**
   * The forms' keys in a trie, so that a text is read once whatever the
   * number of forms: from each of its positions, a walk as long as the
   * longest form that starts there, not a comparison per form.
   */
  #root: FormNode | undefined;
  readonly #forms: () => Iterable<string>;

  /** `forms` are listed when a text is first read: a builder that only merges parts never lists them. */
  constructor(forms: () => Iterable<string>, classes: FoldTable) {
    this.#classes = classes;
    this.#forms = forms;
  }

  #trie(): FormNode {
    if (this.#root !== undefined) return this.#root;
    const root: FormNode = { next: new Map() };
    for (const form of this.#forms()) {
      const key = this.key(form);
      if (key === '') continue;
      let node = root;
      for (const unit of key) {
        let child = node.next.get(unit);
        if (child === undefined) {
          child = { next: new Map() };
          node.next.set(unit, child);
        }
        node = child;
      }
      node.form = key;
    }
    this.#root = root;
    return root;
  }

  /** A form as it is compared. */
  key(form: string): string {
    return fold(form, this.#classes);
  }

  /** Adds to `found` the key of every form `text` holds. */
  read(text: string, found: Set<string>): void {
    const root = this.#trie();
    if (root.next.size === 0) return;
    const folded = fold(text, this.#classes);
    for (let at = 0; at < folded.length; at++) {
      let node = root.next.get(folded[at] ?? '');
      for (let end = at + 1; node !== undefined; end++) {
        const key = node.form;
        if (key !== undefined && !found.has(key) && !(latin.test(key[0] ?? '') && latin.test(folded[at - 1] ?? '')))
          found.add(key);
        node = end < folded.length ? node.next.get(folded[end] ?? '') : undefined;
      }
    }
  }
}

/**
 * Traditional pages: every variant of a character the site prints folds to
 * the form the site prints most; where it prints several, `forms` lists them.
 */
function traditionalFolding(groups: string[][], counts: Map<string, number>): Pick<SearchData, 'fold' | 'forms'> {
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
 * (峯, 説, 衞), or a standard one the site's Simplified pages never print
 * (祕), folds to its Simplified form, or to that of another form of the
 * same character, where the site prints it; standard characters the site
 * prints (着 and 著, 只) stay apart.
 */
function simplifiedFolding(
  groups: string[][],
  counts: Map<string, number>,
  sources: SearchDataTables,
  script: Script,
): Pick<SearchData, 'fold' | 'forms'> {
  const table: Record<string, string> = {};
  const printed = (character: string): boolean => Array.from(character).length === 1 && (counts.get(character) ?? 0) > 0;
  for (const group of groups) {
    const converted = group.map((character) => sources.convert(character, script));
    const common = converted.filter(printed).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
    group.forEach((character, index) => {
      // A standard character stays itself where the site prints it; one it never prints (祕, which 秘 writes) folds.
      if (sources.isSimplifiedStandard(character) && printed(character)) return;
      const own = converted[index] ?? character;
      const target = own !== character && printed(own) ? own : common;
      if (target !== undefined && target !== character) table[character] = target;
    });
  }
  return { fold: table, forms: {} };
}

/** The forms a script's pages may print for the phrases and names: what the texts are searched for. */
function shownForms(sources: SearchDataTables, script: Script): Set<string> {
  const forms = new Set<string>();
  for (const { to } of sources.phrases) for (const form of to) forms.add(sources.convert(form, script));
  for (const names of sources.names) for (const form of names) forms.add(sources.convert(form, script));
  return forms;
}

/** Regional forms for one script: keys in every script's spelling, targets the forms its pages print. */
function aliasesFor(
  sources: SearchDataTables,
  script: Script,
  table: FoldTable,
  printed: (form: string) => boolean,
  map: ScriptMap,
): SearchData['aliases'] {
  /**
   * A key the query's own rewriting already turns into another key of its
   * entry (默克尔 becomes 默克爾 on a Traditional page: each of its characters
   * has one form there) need not be shipped; a key with a character of
   * several forms, or of none the map knows, is kept.
   */
  const rewritten = (key: string): string | undefined => {
    let result = '';
    for (const character of Array.from(key)) {
      const options = Array.from(map[character] ?? character);
      if (options.length !== 1) return undefined;
      result += options[0] ?? character;
    }
    return fold(result, table);
  };
  const spellings = (form: string): string[] => [
    ...new Set([form, ...scripts.map((other) => sources.convert(form, other))].map((text) => fold(text, table))),
  ];
  const entries = new Map<string, [string[], string[]]>();
  const add = (typed: readonly string[], shown: readonly string[]): void => {
    const targets = [
      ...new Set(
        shown
          .map((form) => sources.convert(form, script))
          .filter(printed)
          .map((form) => fold(form, table)),
      ),
    ];
    const spelt = [...new Set(typed.flatMap(spellings))].filter((key) => Array.from(key).length >= 2);
    const keys = spelt.filter((key) => {
      const own = rewritten(key);
      return own === undefined || own === key || !spelt.includes(own);
    });
    // Useless only if no key leads anywhere but to itself. An entry whose every form is printed
    // somewhere is the most useful of all: 川普 must find the pages that print 特朗普 or Trump.
    if (targets.length === 0 || keys.every((key) => targets.every((target) => target === key))) return;
    const id = `${keys.join(' ')}→${targets.join(' ')}`;
    if (!entries.has(id)) entries.set(id, [keys, targets]);
  };
  for (const { from, to } of sources.phrases) add([from], to);
  for (const forms of sources.names) add(forms, forms);
  return [...entries.values()].sort(([a], [b]) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * What some texts (an article's) contribute to the search data: their part
 * of the character maps, how often they print each variant character, and
 * which regional forms and names they print. Parts are merged in the order
 * of the texts (`SearchDataBuilder.add`), so an article's part can be kept
 * across builds and the site's data made from the parts alone.
 */
export interface TextsPart {
  map: ScriptMapPart;
  counts: Record<Script, [string, number][]>;
  found: Record<Script, string[]>;
}

/** What texts contribute, gathered: from the texts themselves (`read`) or from their parts (`merge`), in their order. */
class PartTotals {
  readonly maps = new ScriptMapBuilder();
  readonly counts = Object.fromEntries(scripts.map((script) => [script, new Map<string, number>()])) as Record<
    Script,
    Map<string, number>
  >;
  readonly found = Object.fromEntries(scripts.map((script) => [script, new Set<string>()])) as Record<Script, Set<string>>;

  merge(part: TextsPart): void {
    this.maps.merge(part.map);
    for (const script of scripts) {
      const counts = this.counts[script];
      for (const [character, count] of part.counts[script]) counts.set(character, (counts.get(character) ?? 0) + count);
      for (const key of part.found[script]) this.found[script].add(key);
    }
  }

  part(): TextsPart {
    const each = <U>(make: (script: Script) => U): Record<Script, U> =>
      Object.fromEntries(scripts.map((script) => [script, make(script)])) as Record<Script, U>;
    return {
      map: this.maps.part(),
      counts: each((script) => [...this.counts[script]]),
      found: each((script) => [...this.found[script]]),
    };
  }
}

/** The part of several texts' parts together, merged in their order (what `SearchDataBuilder.add` would make of them). */
export function combineParts(parts: readonly TextsPart[]): TextsPart {
  const totals = new PartTotals();
  for (const part of parts) totals.merge(part);
  return totals.part();
}

/** The sources of the search data other than the texts, which are read part by part. */
export type SearchDataTables = Omit<SearchDataSources, 'texts'>;

/** Every script's search data, from the parts of the site's texts, added in order. */
export class SearchDataBuilder {
  readonly #sources: SearchDataTables;
  readonly #groups: string[][];
  /** The variants, and the forms each script converts them to: the only characters whose counts are used. */
  readonly #variants: Set<string>;
  readonly #finders: Record<Script, FormFinder>;
  readonly #totals = new PartTotals();

  constructor(sources: SearchDataTables) {
    this.#sources = sources;
    this.#groups = variantGroups(sources.variantPairs);
    this.#variants = new Set(
      this.#groups.flat().flatMap((character) => [character, ...scripts.map((script) => sources.convert(character, script))]),
    );
    this.#finders = Object.fromEntries(
      scripts.map((script) => [
        script,
        new FormFinder(() => shownForms(sources, script), foldClasses(this.#groups, sources, script)),
      ]),
    ) as Record<Script, FormFinder>;
  }

  /** The part of `texts` (each written in every script, aligned). */
  read(texts: Iterable<Readonly<Record<Script, string>>>): TextsPart {
    const totals = new PartTotals();
    for (const text of texts) {
      totals.maps.add(text);
      for (const script of scripts) {
        countCharacters(text[script], this.#variants, totals.counts[script]);
        this.#finders[script].read(text[script], totals.found[script]);
      }
    }
    return totals.part();
  }

  /** Adds the part of the next texts. */
  add(part: TextsPart): void {
    this.#totals.merge(part);
  }

  finish(): Record<Script, SearchData> {
    const sources = this.#sources;
    const scriptMaps = this.#totals.maps.finish();
    return Object.fromEntries(
      scripts.map((script) => {
        const counted = this.#totals.counts[script];
        const folding =
          scriptInfo(script).family === 'traditional'
            ? traditionalFolding(this.#groups, counted)
            : simplifiedFolding(this.#groups, counted, sources, script);
        const finder = this.#finders[script];
        const found = this.#totals.found[script];
        const data: SearchData = {
          map: scriptMaps[script],
          ...folding,
          aliases: aliasesFor(sources, script, folding.fold, (form) => found.has(finder.key(form)), scriptMaps[script]),
        };
        return [script, data];
      }),
    ) as Record<Script, SearchData>;
  }
}

/** Every script's search data, from one reading of the site's texts. */
export function buildSearchData({ texts, ...tables }: SearchDataSources): Record<Script, SearchData> {
  const builder = new SearchDataBuilder(tables);
  builder.add(builder.read(texts));
  return builder.finish();
}
