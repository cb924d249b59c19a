/**
 * Decides which Pagefind candidates really contain the query, and where.
 * Pagefind matches Chinese queries piece by piece, so 米舒斯京 also finds
 * pages that merely contain 米, 舒, 斯 and 京; we keep a page only if every
 * term occurs in it as an exact sequence, and find the paragraphs it occurs in.
 */

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
  /** The spelling of each term that occurs, in the page's script, for highlighting. */
  found: string[];
  excerpt: Segment[];
  sections: SectionHit[];
}

/** Characters of context on each side of a hit in an excerpt. */
const context = 36;

function indexesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** Splits `text` into marked and unmarked segments for every occurrence of `needles`. */
export function markText(text: string, needles: readonly string[]): Segment[] {
  const lower = text.toLowerCase();
  const ranges = needles
    .filter((needle) => needle !== '')
    .flatMap((needle) => indexesOf(lower, needle).map((start) => [start, start + needle.length] as const))
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: false });
  return segments;
}

/** A window of `text` around its first hit, cut at about `context` characters each side. */
export function excerptAround(text: string, needles: readonly string[]): Segment[] {
  const lower = text.toLowerCase();
  const first = Math.min(...needles.map((needle) => lower.indexOf(needle)).filter((index) => index !== -1));
  if (!Number.isFinite(first))
    return markText(
      Array.from(text)
        .slice(0, context * 2)
        .join(''),
      needles,
    );
  const start = Math.max(0, first - context);
  const end = Math.min(text.length, first + context * 2);
  const segments = markText(text.slice(start, end), needles);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < text.length) segments.push({ text: '…', mark: false });
  return segments;
}

/**
 * Matches a page against the query: `variants[i]` are the spellings of term
 * `i` (lower case). Returns `undefined` unless every term occurs exactly.
 */
export function matchPage(record: PageRecord, variants: readonly (readonly string[])[]): PageMatch | undefined {
  const content = record.content.toLowerCase();
  const found: string[] = [];
  let occurrences = 0;
  for (const spellings of variants) {
    const present = spellings.filter((spelling) => content.includes(spelling));
    if (present.length === 0) return undefined;
    found.push(...present);
    occurrences += present.reduce((sum, spelling) => sum + indexesOf(content, spelling).length, 0);
  }
  const title = (record.meta['title'] ?? '').toLowerCase();
  const inTitle = variants.every((spellings) => spellings.some((spelling) => title.includes(spelling)));

  // Text before the first heading is the lead: the page's own excerpt shows it, so it is not a section.
  const sections: SectionHit[] = [];
  const sectionsSeen = new Set<string>();
  let heading: { id: string; text: string } | undefined;
  for (const anchor of record.anchors) {
    if (/^h[1-6]$/.test(anchor.element)) heading = { id: anchor.id, text: anchor.text };
    if (!heading || sectionsSeen.has(heading.id) || !found.some((spelling) => anchor.text.toLowerCase().includes(spelling)))
      continue;
    sectionsSeen.add(heading.id);
    sections.push({ heading: heading.text, id: anchor.id, excerpt: excerptAround(anchor.text, found) });
  }
  const firstBody = record.anchors.find(
    (anchor) => !/^h[1-6]$/.test(anchor.element) && found.some((spelling) => anchor.text.toLowerCase().includes(spelling)),
  );
  const excerpt = excerptAround(firstBody?.text ?? record.content, found);
  return { record, inTitle, occurrences, found, excerpt, sections };
}

/** Headline matches first, then pages with more occurrences, then Pagefind's own score. */
export function rankMatches<T extends { match: PageMatch; score: number }>(matches: readonly T[]): T[] {
  return [...matches].sort(
    (a, b) => Number(b.match.inTitle) - Number(a.match.inTitle) || b.match.occurrences - a.match.occurrences || b.score - a.score,
  );
}
