/**
 * Decides which Pagefind candidates really contain the query, and where.
 * Pagefind matches Chinese queries piece by piece, so 米舒斯京 also finds
 * pages that merely contain 米, 舒, 斯 and 京; we keep a page only if every
 * term occurs in it as an exact sequence (both sides folded: `fold.ts`), and
 * find the paragraphs it occurs in and the forms the page prints.
 */
import { excerptWindow } from './excerpt.ts';
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

/** A window of `text` around its first hit that reads as text: whole sentences or clauses, never part of a word (`excerptWindow`). */
export function excerptAround(text: string, needles: readonly string[], table: FoldTable = {}): Segment[] {
  const [start, end] = rangesOf(text, needles, table)[0] ?? [0, 0];
  const { from, to, cutBefore, cutAfter } = excerptWindow(text, start, end);
  const segments = markText(text.slice(from, to), needles, table);
  if (cutBefore) segments.unshift({ text: '…', mark: false });
  if (cutAfter) segments.push({ text: '…', mark: false });
  return segments;
}

/** The first body paragraph (not a heading) holding one of `needles`: the page's own excerpt shows it. */
function leadAnchor(record: PageRecord, needles: readonly string[], table: FoldTable): PageRecord['anchors'][number] | undefined {
  return record.anchors.find((anchor) => !/^h[1-6]$/.test(anchor.element) && rangesOf(anchor.text, needles, table).length > 0);
}

/**
 * The sections (after the first heading) whose heading or paragraphs
 * contain one of `needles`, each linked to its first such paragraph (or its
 * heading), with an excerpt of a paragraph that neither repeats the page's
 * excerpt (the paragraph `shown`) nor the heading: a section whose only hit
 * is there is listed by its heading alone.
 */
export function sectionHits(record: PageRecord, needles: readonly string[], table: FoldTable = {}, shown?: string): SectionHit[] {
  // Text before the first heading is the lead: the page's own excerpt shows it, so it is not a section.
  const sections = new Map<string, SectionHit>();
  let heading: { id: string; text: string } | undefined;
  for (const anchor of record.anchors) {
    const isHeading = /^h[1-6]$/.test(anchor.element);
    if (isHeading) heading = { id: anchor.id, text: anchor.text };
    if (!heading || rangesOf(anchor.text, needles, table).length === 0) continue;
    const known = sections.get(heading.id);
    if (known && known.excerpt.length > 0) continue;
    const quoted = isHeading || anchor.id === shown;
    const hit: SectionHit = {
      heading: heading.text,
      id: known && (quoted || known.id !== heading.id) ? known.id : anchor.id,
      excerpt: quoted ? [] : excerptAround(anchor.text, needles, table),
    };
    sections.set(heading.id, hit);
  }
  return [...sections.values()];
}

/** The excerpt of a page: the first body paragraph holding one of `needles`, else the page text. */
export function pageExcerpt(record: PageRecord, needles: readonly string[], table: FoldTable = {}): Segment[] {
  return excerptAround(leadAnchor(record, needles, table)?.text ?? record.content, needles, table);
}

/** A page's excerpt and the sections it occurs in, never repeating each other. */
export function excerptAndSections(
  record: PageRecord,
  needles: readonly string[],
  table: FoldTable = {},
): Pick<PageMatch, 'excerpt' | 'sections'> {
  const lead = leadAnchor(record, needles, table);
  return {
    excerpt: excerptAround(lead?.text ?? record.content, needles, table),
    sections: sectionHits(record, needles, table, lead?.id),
  };
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
    ...excerptAndSections(record, needles, table),
  };
}

/** Headline matches first, then pages with more occurrences, then Pagefind's own score. */
export function rankMatches<T extends { match: PageMatch; score: number }>(matches: readonly T[]): T[] {
  return [...matches].sort(
    (a, b) => Number(b.match.inTitle) - Number(a.match.inTitle) || b.match.occurrences - a.match.occurrences || b.score - a.score,
  );
}
