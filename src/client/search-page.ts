/**
 * The search page: reads `?q=`, searches as the reader types, keeps the URL
 * shareable, and says what happened in the reader's script.
 */
import { loadUi } from '../i18n/load.ts';
import { isScript } from '../lib/scripts.ts';
import { cleanQuery } from '../search/query.ts';
import { createSearchEngine } from './search-engine.ts';
import { element, outcomeMessage, renderResult } from './search-render.ts';

export function runSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const heading = document.querySelector<HTMLElement>('[data-search-heading]');
  const script = document.documentElement.dataset['script'];
  if (!form || !input || !status || !list || !heading || !isScript(script)) return;
  document.querySelector<HTMLElement>('[data-search-needs-js]')?.setAttribute('hidden', '');
  const engine = createSearchEngine(import.meta.env.BASE_URL, script);
  engine.preload();
  const strings = loadUi(script);
  let latest = 0;

  const run = async (raw: string): Promise<void> => {
    const query = cleanQuery(raw);
    const ticket = ++latest;
    const t = await strings;
    if (ticket !== latest) return;
    const url = new URL(location.href);
    if (query === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    history.replaceState(history.state, '', url);
    heading.textContent = query === '' ? t.searchTitle : t.searchTitleFor(query);
    document.title = `${heading.textContent}｜${t.siteName}`;
    if (query === '') {
      status.textContent = t.searchEmpty;
      list.replaceChildren();
      return;
    }
    status.textContent = t.searchLoading;
    const outcome = await engine.search(query);
    if (ticket !== latest) return;
    status.textContent = outcomeMessage(outcome, query, t);
    list.replaceChildren(...outcome.results.map((match) => element('li', {}, renderResult(match, script, t))));
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 30);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  // Listeners first, so nothing typed while the strings load is lost.
  const initial = input.value === '' ? (new URLSearchParams(location.search).get('q') ?? '') : input.value;
  input.value = cleanQuery(initial);
  void run(initial);
}
