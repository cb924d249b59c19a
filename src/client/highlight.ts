/**
 * On an article reached from a search result (`?hl=…`), marks the searched
 * words in the article and brings the first one into view. Text only: the
 * words are matched against text nodes, never inserted as HTML.
 */
import { queryTerms } from '../search/query.ts';

export function highlightSearchTerms(root: ParentNode = document): void {
  const raw = new URLSearchParams(location.search).get('hl');
  const article = root.querySelector('article');
  if (raw === null || !article) return;
  const terms = queryTerms(raw);
  if (terms.length === 0) return;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    const lower = text.data.toLowerCase();
    const hits = terms
      .flatMap((term) =>
        [...lower.matchAll(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map(
          (m) => [m.index, m.index + term.length] as const,
        ),
      )
      .sort((a, b) => b[0] - a[0]);
    let rest = text;
    let last = Number.POSITIVE_INFINITY;
    for (const [start, end] of hits) {
      if (end > last) continue;
      const after = rest.splitText(end);
      const hit = rest.splitText(start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = hit.data;
      hit.replaceWith(mark);
      marks.unshift(mark);
      last = start;
      void after;
    }
  }
  if (location.hash === '' && marks[0]) marks[0].scrollIntoView({ block: 'center' });
}
