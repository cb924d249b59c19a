/**
 * Decides which Pagefind candidates really contain the query, and where.
 * Pagefind matches Chinese queries piece by piece, so 米舒斯京 also finds
 * pages that merely contain 米, 舒, 斯 and 京; we keep a page only if every
 * term occurs in it as an exact sequence (both sides folded: `fold.ts`), and
 * find the paragraphs it occurs in and the forms the page prints.
 */
import { foldText, occurrences, sourceRange, type FoldTable } from './fold.ts';

/** What Pagefind stores for one page (its "fragment"), as far as we use it. */
export interface PageRecord {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: readonly { element: string; id: string; text: string }[];
}

export interface Segment {
  text: string;
  mark: boolean;
}

export interface SectionHit {
  /** Heading of the section. */
  heading: string;
  /** Id to link to: the first matching paragraph (or the heading itself). */
  id: string;
  excerpt: Segment[];
}

export interface PageMatch {
  record: PageRecord;
  /** Every term occurs in the headline. */
  inTitle: boolean;
  occurrences: number;
  /** The forms the page prints for the terms, for highlighting (會見, 普丁 for 普京, 峰會 for 峯會). */
  found: string[];
  excerpt: Segment[];
  sections: SectionHit[];
}

/** Characters of context on each side of a hit in an excerpt. */
const context = 36;

/** Source ranges of every occurrence of the folded `needles` in `text`, sorted, longest first where they start together. */
function rangesOf(text: string, needles: readonly string[], table: FoldTable): [number, number][] {
  const folded = foldText(text, table);
  return needles
    .flatMap((needle) => occurrences(folded.text, needle).map(([start, end]) => sourceRange(folded, start, end)))
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/** Splits `text` into marked and unmarked segments for every occurrence of the folded `needles`. */
export function markText(text: string, needles: readonly string[], table: FoldTable = {}): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of rangesOf(text, needles, table)) {
    if (start < cursor) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: false });
  return segments;
}

/** A window of `text` around its first hit, cut at about `context` characters each side. */
export function excerptAround(text: string, needles: readonly string[], table: FoldTable = {}): Segment[] {
  const first = rangesOf(text, needles, table)[0]?.[0];
  if (first === undefined)
    return markText(
      Array.from(text)
        .slice(0, context * 2)
        .join(''),
      needles,
      table,
    );
  const start = Math.max(0, first - context);
  const end = Math.min(text.length, first + context * 2);
  const segments = markText(text.slice(start, end), needles, table);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < text.length) segments.push({ text: '…', mark: false });
  return segments;
}

/** The sections (after the first heading) whose paragraphs contain one of `needles`, each linked to the first such paragraph. */
export function sectionHits(record: PageRecord, needles: readonly string[], table: FoldTable = {}): SectionHit[] {
  // Text before the first heading is the lead: the page's own excerpt shows it, so it is not a section.
  const sections: SectionHit[] = [];
  const seen = new Set<string>();
  let heading: { id: string; text: string } | undefined;
  for (const anchor of record.anchors) {
    if (/^h[1-6]$/.test(anchor.element)) heading = { id: anchor.id, text: anchor.text };
    if (!heading || seen.has(heading.id) || rangesOf(anchor.text, needles, table).length === 0) continue;
    seen.add(heading.id);
    sections.push({ heading: heading.text, id: anchor.id, excerpt: excerptAround(anchor.text, needles, table) });
  }
  return sections;
}

/** The excerpt of a page: the first body paragraph holding one of `needles`, else the page text. */
export function pageExcerpt(record: PageRecord, needles: readonly string[], table: FoldTable = {}): Segment[] {
  const firstBody = record.anchors.find(
    (anchor) => !/^h[1-6]$/.test(anchor.element) && rangesOf(anchor.text, needles, table).length > 0,
  );
  return excerptAround(firstBody?.text ?? record.content, needles, table);
}

/**
 * Matches a page against the query: `spellings[i]` are the folded spellings
 * of term `i`. Returns `undefined` unless every term occurs exactly.
 */
export function matchPage(
  record: PageRecord,
  spellings: readonly (readonly string[])[],
  table: FoldTable = {},
): PageMatch | undefined {
  const content = foldText(record.content, table);
  const found = new Set<string>();
  let count = 0;
  for (const options of spellings) {
    const hits = options.flatMap((spelling) => occurrences(content.text, spelling));
    if (hits.length === 0) return undefined;
    count += hits.length;
    for (const [start, end] of hits) found.add(record.content.slice(...sourceRange(content, start, end)));
  }
  const title = foldText(record.meta['title'] ?? '', table).text;
  const inTitle = spellings.every((options) => options.some((spelling) => occurrences(title, spelling).length > 0));
  const needles = spellings.flat();
  return {
    record,
    inTitle,
    occurrences: count,
    found: [...found],
    excerpt: pageExcerpt(record, needles, table),
    sections: sectionHits(record, needles, table),
  };
}

/** Headline matches first, then pages with more occurrences, then Pagefind's own score. */
export function rankMatches<T extends { match: PageMatch; score: number }>(matches: readonly T[]): T[] {
  return [...matches].sort(
    (a, b) => Number(b.match.inTitle) - Number(a.match.inTitle) || b.match.occurrences - a.match.occurrences || b.score - a.score,
  );
}
