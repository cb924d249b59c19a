/**
 * The search page: reads `?q=`, searches as the reader types, keeps the URL
 * shareable, and says what happened in the reader's script: exact results,
 * or, only when there are none, near matches in their own list, a
 * correction that would match, and the ways to browse (sections, topics,
 * the latest articles). When older articles were not searched (an archive
 * of several search bundles), or candidates were left unread because the
 * search's allowance was spent (`src/search/allowance.ts`), it says so, and a
 * button at the end of the results searches further.
 */
import { loadUi } from '../i18n/load.ts';
import { isScript } from '../site/scripts.ts';
import { cleanQuery } from '../search/query.ts';
import { createSearchEngine } from './search-engine.ts';
import { element, outcomeMessage, outcomeNotes, renderResult, suggestionNode } from './search-render.ts';

export function runSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const notes = document.querySelector<HTMLElement>('[data-search-notes]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const near = document.querySelector<HTMLElement>('[data-approximate]');
  const nearList = near?.querySelector<HTMLOListElement>('[data-search-approximate-results]');
  const heading = document.querySelector<HTMLElement>('[data-search-heading]');
  const browse = document.querySelector<HTMLElement>('[data-search-browse]');
  const script = document.documentElement.dataset['script'];
  if (!form || !input || !status || !notes || !list || !near || !nearList || !heading || !isScript(script)) return;
  document.querySelector<HTMLElement>('[data-search-needs-js]')?.setAttribute('hidden', '');
  const engine = createSearchEngine(import.meta.env.BASE_URL, script);
  engine.preload();
  const strings = loadUi(script);
  let latest = 0;
  /** The last outcome left candidates unread: the button reads them before it merges older bundles. */
  let unreadLeft = false;
  /** The button that searches further (unread candidates, older articles): after the results, where the reader who read them all arrives. */
  const older = element('button', { type: 'button', 'data-search-older': '' });
  const olderBlock = element('p', { class: 'search-older', hidden: '' }, older);
  near.after(olderBlock);

  const clear = (): void => {
    notes.replaceChildren();
    olderBlock.hidden = true;
    list.replaceChildren();
    nearList.replaceChildren();
    near.hidden = true;
  };

  const run = async (raw: string, { older: olderToo = false } = {}): Promise<void> => {
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
      engine.cancel();
      status.textContent = t.searchEmpty;
      clear();
      browse?.removeAttribute('hidden');
      return;
    }
    status.textContent = t.searchLoading;
    const outcome = await engine.search(raw, { older: olderToo });
    if (ticket !== latest) return;
    clear();
    status.textContent = outcomeMessage(outcome, t);
    const suggestion = suggestionNode(outcome, t, location.pathname);
    notes.append(
      ...outcomeNotes(outcome, t).map((note) => element('p', { class: 'notice' }, note)),
      ...(suggestion ? [suggestion] : []),
    );
    list.append(...outcome.results.map((match) => element('li', {}, renderResult(match, script, t))));
    nearList.append(...outcome.approximate.map((match) => element('li', {}, renderResult(match, script, t, 'h3'))));
    near.hidden = outcome.approximate.length === 0;
    // Candidates left unread come first (they rank above older articles'): asking again reads them; then older bundles.
    unreadLeft = outcome.partial;
    older.textContent = outcome.partial ? t.searchFurther : t.searchOlder;
    olderBlock.hidden = !(outcome.older || outcome.partial);
    // Nothing found exactly: the near list (if any), then the topics and the latest articles.
    browse?.toggleAttribute('hidden', outcome.results.length > 0);
    // What the lists now show, for tests and the quality measurement to wait on.
    status.dataset['searched'] = outcome.query;
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
  older.addEventListener('click', () => {
    older.disabled = true;
    void run(input.value, { older: !unreadLeft }).finally(() => {
      older.disabled = false;
      // Everything searched, the button is gone: the focus goes to the first result rather than to the page.
      if (olderBlock.hidden && (document.activeElement === older || document.activeElement === document.body))
        list.querySelector('a')?.focus();
    });
  });
  // A suggestion searches at once, keeping the page.
  notes.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-query]') : null;
    if (!link) return;
    event.preventDefault();
    input.value = link.dataset['query'] ?? '';
    void run(input.value);
  });
  // Listeners first, so nothing typed while the strings load is lost.
  const initial = input.value === '' ? (new URLSearchParams(location.search).get('q') ?? '') : input.value;
  input.value = cleanQuery(initial);
  // A query to search: the ways to browse wait for its outcome, so they never show and go while it loads.
  if (input.value !== '') browse?.setAttribute('hidden', '');
  void run(initial);
}
