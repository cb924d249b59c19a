/**
 * What a query needs to search one script's index, and how it is used: the
 * character map for a query typed in another script, the variant folding,
 * and the regional forms of words and names (普京 → 普丁), all built at build
 * time from the site's own text (`search-data-build.ts`) and fetched with the
 * first query. `planQuery` turns the reader's terms into the spellings that
 * are searched and compared.
 */
import { fold, type FoldTable } from './fold.ts';
import { maxVariants, termVariants } from './query.ts';
import type { ScriptMap } from './script-map.ts';

/** One script's search data (`/search/<script>.json`). */
export interface SearchData {
  /** Characters of the other scripts → the characters they stand for in this one. */
  map: ScriptMap;
  /** Variant characters → the form compared. */
  fold: FoldTable;
  /** A folded form → every form the site prints for it, where it prints more than one (for Pagefind). */
  forms: Readonly<Record<string, string>>;
  /** Regional forms: [forms a reader may type, the forms this script's pages print], all folded. */
  aliases: readonly (readonly [readonly string[], readonly string[]])[];
  /** The bundles of this script's search index under `pagefind/`, newest first: the first loaded at once, the others merged as a search reaches them (`reach.ts`). */
  bundles?: readonly string[];
}

/** A data that changes nothing: for tests, and before the data has loaded. */
export const emptySearchData: SearchData = { map: {}, fold: {}, forms: {}, aliases: [] };

/** A regional form used for a term: the reader typed `typed`, the site prints `printed`. */
export interface AliasUse {
  typed: string;
  printed: string;
}

/** How one term is searched. */
export interface TermPlan {
  /** The term as typed (lower case). */
  term: string;
  /** Folded spellings compared with the folded page text: the term's own first, then its regional forms. */
  spellings: string[];
  /** How many of `spellings` are the term's own (script and variant forms), before the regional ones. */
  own: number;
  /** The regional forms among `spellings`, and the forms they replace. */
  aliases: AliasUse[];
}

/** Most spellings of one term, regional forms included. */
const maxSpellings = 12;

/** Replaces each occurrence of an alias key in `spelling` by each of its printed forms. */
function aliasSpellings(spelling: string, data: SearchData): { spelling: string; use: AliasUse }[] {
  const found: { spelling: string; use: AliasUse }[] = [];
  for (const [keys, targets] of data.aliases) {
    for (const key of keys) {
      if (!spelling.includes(key)) continue;
      for (const target of targets) {
        if (target === key) continue;
        found.push({ spelling: spelling.split(key).join(target), use: { typed: key, printed: target } });
      }
    }
  }
  return found;
}

/**
 * The terms with every run that spells a name of several words (New York
 * Times, Benjamin Netanyahu) joined into one term, longest run first, so
 * that the name leads to its other forms (紐約時報) and is matched as a
 * sequence.
 */
export function joinNames(terms: readonly string[], data: SearchData): string[] {
  const names = new Set(data.aliases.flatMap(([keys]) => keys.filter((key) => key.includes(' '))));
  if (names.size === 0) return [...terms];
  const joined: string[] = [];
  for (let at = 0; at < terms.length;) {
    let end = at + 1;
    for (let last = terms.length; last > at + 1; last--)
      if (names.has(terms.slice(at, last).join(' '))) {
        end = last;
        break;
      }
    joined.push(terms.slice(at, end).join(' '));
    at = end;
  }
  return joined;
}

/** The spellings of every term: script map, variant folding, then regional forms. */
export function planQuery(typed: readonly string[], data: SearchData): TermPlan[] {
  return joinNames(typed, data).map((term) => {
    const own = termVariants(fold(term, data.fold), data.map).map((spelling) => fold(spelling, data.fold));
    const spellings = [...new Set(own)];
    const aliases: AliasUse[] = [];
    for (const spelling of own) {
      for (const { spelling: regional, use } of aliasSpellings(spelling, data)) {
        if (spellings.length >= maxSpellings) break;
        if (spellings.includes(regional)) continue;
        spellings.push(regional);
        aliases.push(use);
      }
    }
    return { term, spellings, own: new Set(own).size, aliases };
  });
}

/**
 * The forms the site prints for a folded spelling, for Pagefind (which
 * indexes the printed text); a number with its marks (82.5%, 9·11) also as
 * its digits alone, however Pagefind splits it: the exact test keeps only
 * pages that print it whole.
 */
function printedForms(spelling: string, data: SearchData): string[] {
  const forms = termVariants(spelling, data.forms, 4);
  const bare = spelling.replace(/[^\p{L}\p{N}\p{M} ]+/gu, ' ').trim();
  return bare === spelling || bare === '' ? forms : [...forms, bare];
}

/**
 * The queries sent to Pagefind for candidates: every combination of the
 * terms' spellings, own spellings first, at most `maxVariants`.
 */
export function pagefindQueries(plans: readonly TermPlan[], data: SearchData): string[] {
  const queries = plans.reduce<string[]>(
    (partial, plan) =>
      partial
        .flatMap((prefix) =>
          plan.spellings.flatMap((spelling) => printedForms(spelling, data)).map((form) => `${prefix} ${form}`.trim()),
        )
        .slice(0, maxVariants * 4),
    [''],
  );
  return [...new Set(queries)].slice(0, maxVariants);
}
