/**
 * Draws search results with DOM text nodes only: nothing a reader typed,
 * and nothing from the index, is ever parsed as HTML.
 */
import type { UiStrings } from '../i18n/index.ts';
import { formatDate } from '../site/dates.ts';
import type { Script } from '../site/scripts.ts';
import type { PageMatch, Segment } from '../search/matching.ts';
import type { SearchOutcome } from './search-engine.ts';

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function segmentsToNodes(segments: readonly Segment[]): Node[] {
  return segments.map(({ text, mark }) => (mark ? element('mark', {}, text) : document.createTextNode(text)));
}

/** URL of a hit: the page (or a paragraph of it) with the words to highlight. */
export function hitUrl(match: PageMatch, id?: string): string {
  const url = new URL(match.record.url, location.href);
  url.searchParams.set('hl', match.found.join(' '));
  if (id !== undefined) url.hash = id;
  return url.pathname + url.search + url.hash;
}

function formatDay(iso: string | undefined, script: Script): string | undefined {
  if (iso === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  return formatDate(new Date(`${iso}T00:00:00Z`), script);
}

/** One result: headline (an `h2`, or `h3` inside a headed list), date and topics, excerpt, and the sections it occurs in. */
export function renderResult(match: PageMatch, script: Script, t: UiStrings, heading: 'h2' | 'h3' = 'h2'): HTMLElement {
  const title = match.record.meta['title'] ?? match.record.url;
  const item = element('article', { class: 'search-result' });
  item.append(element(heading, { class: 'search-result__title' }, element('a', { href: hitUrl(match) }, title)));
  const date = formatDay(match.record.meta['date'], script);
  const meta = element('p', { class: 'meta' });
  if (date !== undefined) meta.append(element('time', { datetime: match.record.meta['date'] ?? '' }, date));
  if (match.record.meta['topics']) meta.append(element('span', {}, match.record.meta['topics']));
  item.append(meta, element('p', { class: 'search-result__excerpt' }, ...segmentsToNodes(match.excerpt)));
  if (match.sections.length > 0) {
    const list = element('ul', { class: 'search-result__sections', 'aria-label': t.searchSections });
    for (const section of match.sections) {
      list.append(
        element(
          'li',
          {},
          element('a', { href: hitUrl(match, section.id) }, section.heading),
          // A section whose only hit the page's excerpt or its heading shows is its heading alone.
          ...(section.excerpt.length > 0 ? ['：', ...segmentsToNodes(section.excerpt)] : []),
        ),
      );
    }
    item.append(list);
  }
  return item;
}

/** What a search came to, in the reader's script: a count, "only near matches", "no results", "type a word" or "unavailable". */
export function outcomeMessage(outcome: SearchOutcome, t: UiStrings): string {
  if (outcome.status === 'unavailable') return t.searchUnavailable;
  if (outcome.status === 'empty') return t.searchEmpty;
  if (outcome.results.length > 0) return t.searchResults(outcome.results.length);
  if (outcome.partial)
    return outcome.approximate.length > 0 ? t.searchNoExactPartial(outcome.query) : t.searchNoResultsPartial(outcome.query);
  if (outcome.approximate.length > 0) return t.searchNoExact(outcome.query);
  return outcome.older ? t.searchNoResultsNewer(outcome.query) : t.searchNoResults(outcome.query);
}

/**
 * What the reader should know about how the query was searched: cut for
 * length, regional forms searched too, older articles not searched, or
 * candidates left unread (so the lists are never taken for the whole
 * archive's).
 */
export function outcomeNotes(outcome: SearchOutcome, t: UiStrings): string[] {
  const notes = outcome.cut ? [t.searchCut(Array.from(outcome.query).length)] : [];
  for (const { typed, printed } of outcome.aliases) notes.push(t.searchAliasNote(typed, printed));
  if (outcome.older) notes.push(t.searchOlderNote);
  if (outcome.partial) notes.push(t.searchPartialNote);
  return notes;
}

/** "Did you mean": the corrected query as a link to its search, or nothing. */
export function suggestionNode(outcome: SearchOutcome, t: UiStrings, searchPage: string): HTMLElement | undefined {
  if (outcome.suggestion === undefined) return undefined;
  const url = new URL(searchPage, location.href);
  url.searchParams.set('q', outcome.suggestion);
  return element(
    'p',
    { class: 'search-suggestion', 'data-search-suggestion': '' },
    t.searchDidYouMean,
    element('a', { href: url.pathname + url.search, 'data-query': outcome.suggestion }, outcome.suggestion),
    '？',
  );
}
