/**
 * Search as you type in the header's combobox, loaded when the reader first
 * focuses the box (`search-box.ts`): the list shows the best matches, arrow
 * keys move through them, Enter opens one (or the search page), Esc closes.
 */
import { loadUi } from '../i18n/load.ts';
import type { Script } from '../lib/scripts.ts';
import { cleanQuery } from '../search/query.ts';
import { createSearchEngine } from './search-engine.ts';
import { element, hitUrl, outcomeMessage, segmentsToNodes } from './search-render.ts';

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
  let options: HTMLElement[] = [];
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

  const run = async (): Promise<void> => {
    const query = cleanQuery(input.value);
    const ticket = ++latest;
    if (query === '') {
      options = [];
      list.replaceChildren();
      open(false);
      return;
    }
    status.textContent = t.searchLoading;
    open(true);
    const outcome = await engine.search(query, shown);
    if (ticket !== latest) return;
    options = outcome.results.map((match, index) => {
      const option = element(
        'li',
        {
          id: `${list.id}-${index}`,
          role: 'option',
          class: 'search-result',
          'aria-selected': 'false',
          'data-href': hitUrl(match),
        },
        element('span', { class: 'search-result__title' }, match.record.meta['title'] ?? match.record.url),
        element('span', { class: 'search-result__excerpt' }, ...segmentsToNodes(match.excerpt)),
      );
      option.addEventListener('click', () => location.assign(hitUrl(match)));
      return option;
    });
    list.replaceChildren(...options);
    status.textContent = outcomeMessage(outcome, query, t);
    const all = new URL(form.action, location.href);
    all.searchParams.set('q', query);
    more.href = all.pathname + all.search;
    more.textContent = `${t.searchTitleFor(query)} →`;
    open(true);
    select(-1);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 30);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      select((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      const href = options[active]?.dataset['href'];
      if (href) location.assign(href);
    } else if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        close();
      } else input.blur();
    }
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
