/**
 * Turns the header's search form into search as you type: a combobox whose
 * list shows the best matches. `/` or Ctrl/⌘+K focuses it, arrow keys move
 * through the results, Enter opens one (or the search page), Esc closes.
 * Pagefind loads only when the reader reaches for the box.
 */
import { ui } from '../i18n/index.ts';
import { isScript } from '../lib/scripts.ts';
import { cleanQuery } from '../lib/search/query.ts';
import { createSearchEngine } from './search-engine.ts';
import { element, hitUrl, segmentsToNodes } from './search-render.ts';

const shown = 5;

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function enhanceSearchBox(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = form?.querySelector<HTMLElement>('[data-search-panel]');
  const script = document.documentElement.dataset['script'];
  if (!form || !input || !panel || !isScript(script)) return;
  const t = ui(script);
  const engine = createSearchEngine(import.meta.env.BASE_URL, script);
  const listId = 'site-search-results';
  const status = element('p', { class: 'search-box__status', role: 'status' });
  const list = element('ul', { id: listId, role: 'listbox', 'aria-label': t.searchLabel, class: 'search-box__list' });
  const more = element('a', { class: 'search-box__more' });
  panel.append(status, list, more);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  let options: HTMLElement[] = [];
  let active = -1;
  let latest = 0;

  const open = (isOpen: boolean): void => {
    panel.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen && options.length > 0));
    if (!isOpen) select(-1);
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
          id: `${listId}-${index}`,
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
    status.textContent =
      outcome.status === 'unavailable'
        ? t.searchUnavailable
        : outcome.results.length === 0
          ? t.searchNoResults(query)
          : t.searchResults(outcome.results.length);
    const all = new URL(form.action, location.href);
    all.searchParams.set('q', query);
    more.href = all.pathname + all.search;
    more.textContent = `${t.search}「${query}」→`;
    open(true);
    select(-1);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('focus', () => engine.preload(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 60);
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
        open(false);
      } else input.blur();
    }
  });
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (shortcut || (event.key === '/' && !isEditable(event.target) && !event.altKey && !event.ctrlKey && !event.metaKey)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !form.contains(event.target)) open(false);
  });
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) open(false);
  });
}
