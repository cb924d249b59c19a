/**
 * Near matches, for a query that no page contains exactly (a typo: 米舒斯經,
 * Mishustn): how close a page comes to every term, within a few edits, and
 * the one-character corrections that would make an exact match. Shown apart
 * from exact results, never mixed with them.
 */
import { fold, foldText, occurrences, sourceRange, type FoldTable } from './fold.ts';
import type { SearchData, TermPlan } from './search-data.ts';
import { excerptAndSections, type PageMatch, type PageRecord } from './matching.ts';

/** Longest term (in characters) we look for approximately; longer terms must occur exactly. */
const maxFuzzyLength = 24;

const latinTerm = /^[a-z0-9]/;

/** Edits a term may be from the page's text and still be near: none for very short terms. */
export function allowedEdits(term: string): number {
  const length = Array.from(term).length;
  if (length > maxFuzzyLength) return 0;
  if (latinTerm.test(term)) return length <= 3 ? 0 : length <= 7 ? 1 : 2;
  return length <= 2 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * Edit distance between two strings, by character: insertions, deletions,
 * substitutions, and two neighbours swapped (Macorn, Nvidai: a slip of the
 * fingers is one edit, as in Damerau's distance, optimal-alignment form);
 * stops early past `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min((previous[j - 1] ?? 0) + cost, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1] && x[i - 1] !== x[i - 2])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The nearest occurrence of a term in folded text: edits, its [start, end)
 * in that text, and whether it starts as the term does. Among equally near
 * forms, one that starts alike is the nearer name: the variants of one name
 * differ in its later syllables (梅爾茨, 梅爾茲), another name in its first
 * (朔爾茨).
 */
export interface Nearest {
  distance: number;
  start: number;
  end: number;
  sameStart: boolean;
}

/** Whether `near` is nearer than `best`: fewer edits, else the same start. */
function nearer(near: Nearest, best: Nearest): boolean {
  return near.distance < best.distance || (near.distance === best.distance && near.sameStart && !best.sameStart);
}

/** Characters of `text` with their UTF-16 offsets. */
function characters(text: string, offset: number): { character: string; at: number }[] {
  const list: { character: string; at: number }[] = [];
  let at = offset;
  for (const character of text) {
    list.push({ character, at });
    at += character.length;
  }
  return list;
}

/**
 * Sellers' algorithm: the substring of `run` nearest to `pattern` (edit
 * distance, free start and end), preferring one of the pattern's length.
 */
function nearestInRun(pattern: readonly string[], run: { character: string; at: number }[], end: number): Nearest {
  const m = pattern.length;
  let distances = Array.from({ length: m + 1 }, (_, index) => index);
  let starts = Array.from({ length: m + 1 }, () => 0);
  let best: Nearest & { length: number } = {
    distance: m,
    start: run[0]?.at ?? end,
    end: run[0]?.at ?? end,
    length: 0,
    sameStart: false,
  };
  for (let j = 1; j <= run.length; j++) {
    const nextDistances = [0];
    const nextStarts = [j];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === run[j - 1]?.character ? 0 : 1;
      const options: [number, number][] = [
        [(distances[i - 1] ?? 0) + cost, starts[i - 1] ?? 0],
        [(distances[i] ?? 0) + 1, starts[i] ?? 0],
        [(nextDistances[i - 1] ?? 0) + 1, nextStarts[i - 1] ?? 0],
      ];
      const [value, start] = options.reduce((a, b) => (b[0] < a[0] ? b : a));
      nextDistances.push(value);
      nextStarts.push(start);
    }
    distances = nextDistances;
    starts = nextStarts;
    const distance = distances[m] ?? m;
    const start = starts[m] ?? 0;
    const length = j - start;
    const near = {
      distance,
      start: run[start]?.at ?? end,
      end: run[j]?.at ?? end,
      length,
      sameStart: run[start]?.character === pattern[0],
    };
    const closerLength = Math.abs(length - m) < Math.abs(best.length - m);
    const sameLength = Math.abs(length - m) === Math.abs(best.length - m);
    if (nearer(near, best) || (distance === best.distance && near.sameStart === best.sameStart && closerLength)) best = near;
    else if (distance === best.distance && sameLength && near.sameStart && !best.sameStart) best = near;
  }
  return best;
}

/**
 * Where `term` (folded) comes nearest in `folded` text: a Latin term against
 * whole words, any other term against any stretch of letters between
 * punctuation.
 */
export function nearestOccurrence(term: string, folded: string): Nearest {
  let best: Nearest = { distance: Number.POSITIVE_INFINITY, start: 0, end: 0, sameStart: false };
  if (latinTerm.test(term)) {
    for (const word of folded.matchAll(/[a-z0-9]+/g)) {
      const distance = editDistance(term, word[0], best.distance);
      const near = { distance, start: word.index, end: word.index + word[0].length, sameStart: word[0][0] === term[0] };
      if (nearer(near, best)) best = near;
    }
    return best;
  }
  const pattern = Array.from(term);
  for (const run of folded.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const near = nearestInRun(pattern, characters(run[0], run.index), run.index + run[0].length);
    if (nearer(near, best)) best = near;
  }
  return best;
}

/** A page near the query, with the printed form that would correct each term by one character. */
export interface NearMatch {
  match: PageMatch;
  /** 1 for exact, less the more edits the terms need. */
  closeness: number;
  /** How many terms the page has exactly or in a form that starts as the term does (see `Nearest`). */
  sameStarts: number;
  /** Edits each term needs on this page (0: it occurs exactly). */
  edits: number[];
  /** For a term one edit away, the form the page prints. */
  corrections: (string | undefined)[];
}

/** How near a page comes to every term, or `undefined` if a term is further than it may be. */
export function nearMatch(record: PageRecord, plans: readonly TermPlan[], table: FoldTable = {}): NearMatch | undefined {
  const content = foldText(record.content, table);
  const found = new Set<string>();
  const edits: number[] = [];
  const corrections: (string | undefined)[] = [];
  let closeness = 0;
  let sameStarts = 0;
  for (const plan of plans) {
    const exact = plan.spellings.flatMap((spelling) => occurrences(content.text, spelling));
    if (exact.length > 0) {
      for (const [start, end] of exact) found.add(record.content.slice(...sourceRange(content, start, end)));
      edits.push(0);
      corrections.push(undefined);
      closeness += 1;
      sameStarts += 1;
      continue;
    }
    const options = plan.spellings
      .filter((spelling) => allowedEdits(spelling) > 0)
      .map((spelling) => ({ spelling, near: nearestOccurrence(spelling, content.text) }))
      .filter(({ spelling, near }) => near.distance <= allowedEdits(spelling))
      .sort((a, b) => a.near.distance - b.near.distance || Number(b.near.sameStart) - Number(a.near.sameStart));
    const best = options[0];
    if (!best) return undefined;
    const printed = record.content.slice(...sourceRange(content, best.near.start, best.near.end));
    found.add(printed);
    edits.push(best.near.distance);
    corrections.push(best.near.distance === 1 ? printed : undefined);
    closeness += 1 - best.near.distance / Array.from(best.spelling).length;
    if (best.near.sameStart) sameStarts += 1;
  }
  const needles = [...found].map((form) => fold(form, table));
  return {
    match: {
      record,
      inTitle: false,
      occurrences: found.size,
      found: [...found],
      ...excerptAndSections(record, needles, table),
    },
    closeness: closeness / Math.max(1, plans.length),
    sameStarts,
    edits,
    corrections,
  };
}

/** The query corrected by one character from a near page: one term one edit away, every other term exact. */
export function correctionFrom(near: NearMatch, plans: readonly TermPlan[]): string | undefined {
  const changed = near.edits.filter((edits) => edits > 0);
  if (changed.length !== 1 || changed[0] !== 1) return undefined;
  return plans.map((plan, index) => near.corrections[index] ?? plan.term).join(' ');
}

/** Most regional forms a mistyped term may lead to. */
const maxNearForms = 6;

/**
 * The forms the site prints for a regional form or name within the allowed
 * edits of a term (Nvidai is near NVIDIA, which the site prints 輝達): the
 * pages that print them are near, though the typed word is on none of them.
 */
export function nearAliasForms(plan: TermPlan, data: SearchData): string[] {
  const term = fold(plan.term, data.fold);
  const allowed = allowedEdits(term);
  if (allowed === 0) return [];
  const forms = new Set<string>();
  for (const [keys, targets] of data.aliases) {
    if (!keys.some((key) => key !== term && editDistance(term, key, allowed) <= allowed)) continue;
    for (const target of targets) if (!plan.spellings.includes(target)) forms.add(target);
    if (forms.size >= maxNearForms) break;
  }
  return [...forms].slice(0, maxNearForms);
}

/** Queries one character away from a regional form the site knows (普金 → 普京, which finds 普丁). */
export function aliasCorrections(plans: readonly TermPlan[], data: SearchData): string[] {
  const corrected: string[] = [];
  plans.forEach((plan, index) => {
    const term = fold(plan.term, data.fold);
    if (Array.from(term).length < 2) return;
    for (const [keys] of data.aliases) {
      for (const key of keys) {
        if (key === term || editDistance(term, key, 1) !== 1) continue;
        corrected.push(plans.map((other, at) => (at === index ? key : other.term)).join(' '));
      }
    }
  });
  return [...new Set(corrected)];
}
