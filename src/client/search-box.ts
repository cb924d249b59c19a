/**
 * The header's search box, enhanced: `/` or Ctrl/⌘+K focuses it, and the
 * first focus loads search as you type (`search-combobox.ts`) with Pagefind,
 * so a page that is only read never downloads search code.
 */
import { isScript } from '../site/scripts.ts';
import type { SearchBoxParts } from './search-combobox.ts';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function enhanceSearchBox(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
  const script = document.documentElement.dataset['script'];
  const parts = {
    form,
    input: form?.querySelector<HTMLInputElement>('input[name="q"]'),
    panel: form?.querySelector<HTMLElement>('[data-search-panel]'),
    status: form?.querySelector<HTMLElement>('[data-search-panel] [role="status"]'),
    list: form?.querySelector<HTMLElement>('[data-search-panel] [role="listbox"]'),
    more: form?.querySelector<HTMLAnchorElement>('[data-search-panel] a'),
  };
  const { input, list } = parts;
  if (!input || !list || !Object.values(parts).every(Boolean) || !isScript(script)) return;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.addEventListener(
    'focus',
    () => void import('./search-combobox.ts').then(({ attachCombobox }) => attachCombobox(parts as SearchBoxParts, script)),
    { once: true },
  );
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (shortcut || (event.key === '/' && !isEditable(event.target) && !event.altKey && !event.ctrlKey && !event.metaKey)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
