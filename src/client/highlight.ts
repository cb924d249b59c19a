/**
 * On an article reached from a search result (`?hl=…`), marks the searched
 * words in the article and brings the first one into view. `hl` holds the
 * forms the page prints, space-separated (普丁 for a search for 普京,
 * 克利福德·庫南 for 克利福德庫南), matched as search matches them: folded
 * (case, a transliterated name's middle dot), a Latin word from its start. Text only: the words are matched against text nodes, never
 * inserted as HTML.
 */
import { fold, foldText, occurrences, sourceRange } from '../search/fold.ts';
import { cleanQuery } from '../search/query.ts';

/** The forms to mark: `hl` split at spaces, longest first so a longer form wins where two overlap. */
export function highlightForms(raw: string): string[] {
  return [
    ...new Set(
      cleanQuery(raw)
        .toLowerCase()
        .split(' ')
        .filter((form) => /[\p{L}\p{N}]/u.test(form)),
    ),
  ].sort((a, b) => b.length - a.length);
}

export function highlightSearchTerms(root: ParentNode = document): void {
  const raw = new URLSearchParams(location.search).get('hl');
  const article = root.querySelector('article');
  if (raw === null || !article) return;
  const forms = highlightForms(raw);
  if (forms.length === 0) return;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    // Folded character by character, keeping where each came from: lower case can change a text's length (İ → i̇).
    const folded = foldText(text.data);
    const hits = forms
      .flatMap((form) => occurrences(folded.text, fold(form)).map(([start, end]) => sourceRange(folded, start, end)))
      .sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    let last = Number.POSITIVE_INFINITY;
    for (const [start, end] of hits) {
      if (end > last) continue;
      text.splitText(end);
      const hit = text.splitText(start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = hit.data;
      hit.replaceWith(mark);
      marks.unshift(mark);
      last = start;
    }
  }
  if (location.hash === '' && marks[0]) marks[0].scrollIntoView({ block: 'center' });
}
