/**
 * Search as you type in the header's combobox, loaded when the reader first
 * focuses the box (`search-box.ts`): the list shows the best matches, or,
 * when nothing matches exactly, the near ones under their own label; arrow
 * keys move through them (and reopen a closed list, as the ARIA APG
 * combobox does), Enter opens the chosen one (or the search page), Esc
 * closes the list, and a second Esc clears the box, which keeps the focus.
 */
import { loadUi } from '../i18n/load.ts';
import type { Script } from '../site/scripts.ts';
import { cleanQuery } from '../search/query.ts';
import type { PageMatch } from '../search/matching.ts';
import { createSearchEngine } from './search-engine.ts';
import { element, hitUrl, outcomeMessage, outcomeNotes, segmentsToNodes, suggestionNode } from './search-render.ts';

const shown = 5;

export interface SearchBoxParts {
  form: HTMLFormElement;
  input: HTMLInputElement;
  panel: HTMLElement;
  status: HTMLElement;
  list: HTMLElement;
  more: HTMLAnchorElement;
}

export async function attachCombobox({ form, input, panel, status, list, more }: SearchBoxParts, script: Script): Promise<void> {
  const t = await loadUi(script);
  const engine = createSearchEngine(import.meta.env.BASE_URL, script);
  engine.preload();
  const listLabel = list.getAttribute('aria-label') ?? '';
  const notes = element('div', { class: 'search-box__notes' });
  const nearLabel = element('p', { class: 'search-box__label', id: `${list.id}-label`, hidden: '' }, t.searchApproximate);
  status.after(notes);
  list.before(nearLabel);
  let options: HTMLElement[] = [];
  /** The query whose results `options` are. */
  let listed: string | undefined;
  let active = -1;
  let latest = 0;

  const open = (isOpen: boolean): void => {
    panel.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen && options.length > 0));
    if (!isOpen) select(-1);
  };

  /** Closes the list; a search still under way will not open it again. */
  const close = (): void => {
    latest += 1;
    open(false);
  };

  const select = (index: number): void => {
    options.forEach((option, at) => option.setAttribute('aria-selected', String(at === index)));
    active = index;
    const option = options[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const optionFor = (match: PageMatch, index: number): HTMLElement => {
    const option = element(
      'li',
      { id: `${list.id}-${index}`, role: 'option', class: 'search-result', 'aria-selected': 'false', 'data-href': hitUrl(match) },
      element('span', { class: 'search-result__title' }, match.record.meta['title'] ?? match.record.url),
      // Heard and copied apart from the excerpt, as the eye sees them on their own lines.
      element('span', { class: 'visually-hidden' }, '：'),
      element('span', { class: 'search-result__excerpt' }, ...segmentsToNodes(match.excerpt)),
    );
    option.addEventListener('click', () => location.assign(hitUrl(match)));
    return option;
  };

  /** Searches what the box holds and shows it; resolves once shown (or superseded). */
  const run = async (): Promise<boolean> => {
    const query = cleanQuery(input.value);
    const ticket = ++latest;
    if (query === '') {
      engine.cancel();
      options = [];
      listed = undefined;
      list.replaceChildren();
      notes.replaceChildren();
      open(false);
      return false;
    }
    status.textContent = t.searchLoading;
    open(true);
    const outcome = await engine.search(input.value, { limit: shown });
    if (ticket !== latest) return false;
    const approximate = outcome.results.length === 0 && outcome.approximate.length > 0;
    options = (approximate ? outcome.approximate : outcome.results).map(optionFor);
    listed = query;
    list.replaceChildren(...options);
    // Near matches are never mixed with exact ones: the list is one or the other, and says which.
    list.toggleAttribute('data-approximate', approximate);
    list.setAttribute('aria-label', approximate ? t.searchApproximate : listLabel);
    nearLabel.hidden = !approximate;
    status.textContent = outcomeMessage(outcome, t);
    const suggestion = suggestionNode(outcome, t, form.action);
    notes.replaceChildren(...outcomeNotes(outcome, t).map((note) => element('p', {}, note)), ...(suggestion ? [suggestion] : []));
    const all = new URL(form.action, location.href);
    all.searchParams.set('q', query);
    more.href = all.pathname + all.search;
    more.textContent = `${t.searchTitleFor(query)} →`;
    open(true);
    select(-1);
    return true;
  };

  /** Opens the list again for what the box holds (searching if it changed), then chooses `which` option. */
  const reopen = async (which: 'first' | 'last' | 'none'): Promise<void> => {
    if (listed !== cleanQuery(input.value) && !(await run())) return;
    if (options.length === 0) return;
    open(true);
    if (which !== 'none') select(which === 'first' ? 0 : options.length - 1);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 30);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (panel.hidden) {
        void reopen(event.altKey ? 'none' : event.key === 'ArrowDown' ? 'first' : 'last');
        return;
      }
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      select((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && active >= 0 && !panel.hidden) {
      event.preventDefault();
      const href = options[active]?.dataset['href'];
      if (href) location.assign(href);
    } else if (event.key === 'Escape') {
      // As the ARIA APG combobox: the first Esc closes the list, the next clears the box; focus stays in it.
      event.preventDefault();
      if (!panel.hidden) close();
      else if (input.value !== '') {
        input.value = '';
        void run();
      }
    }
  });
  // A suggestion searches it in the box.
  notes.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-query]') : null;
    if (!link) return;
    event.preventDefault();
    input.value = link.dataset['query'] ?? '';
    input.focus();
    void run();
  });
  // Keep focus in the box while the pointer is on the list, so a click on a result is not lost to focusout.
  panel.addEventListener('mousedown', (event) => event.preventDefault());
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !form.contains(event.target)) close();
  });
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) close();
  });
  // Whatever was typed while this module loaded.
  if (input.value !== '') void run();
}
