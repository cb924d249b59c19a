/**
 * Links to a paragraph, two ways in. The ¶ link of each paragraph (for the
 * pointer: shown on hover, always on a touch screen) copies the paragraph's
 * address, canonical URL and `#p12`, and marks it in the address bar without
 * a jump. The ¶ links are out of the Tab order and hidden from screen
 * readers, so the keyboard has one button instead, at the top of the Tab
 * order and shown only with focus: it copies the link of the paragraph the
 * reader was on (the one holding the last focus, or the paragraph in the
 * address) if it is on the screen, else of the first paragraph that starts
 * on the screen. Either way one status line says which paragraph's link was
 * copied. Where copying is refused the page simply goes to `#p12`, as a ¶
 * link does without JavaScript.
 */
import { loadUi } from '../i18n/load.ts';
import { isScript } from '../site/scripts.ts';
import { announce, canonicalUrl, copyText } from './clipboard.ts';

/** The paragraphs a reader can link to: the body's own, numbered `p1`, `p2`… */
const paragraphSelector = ':scope > p[id^="p"]';

/** Whether any of `element` is on the screen below the sticky header. */
function onScreen(element: Element, top: number): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > top && box.top < innerHeight;
}

/** The paragraph the copy button acts on (see the module's comment). */
function paragraphToCopy(body: HTMLElement, lastFocused: Element | null): HTMLElement | undefined {
  const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const paragraphs = [...body.querySelectorAll<HTMLElement>(paragraphSelector)];
  const focused = lastFocused?.closest<HTMLElement>('p[id]');
  const addressed = location.hash === '' ? null : document.getElementById(decodeURIComponent(location.hash.slice(1)));
  for (const candidate of [focused, addressed])
    if (candidate && paragraphs.includes(candidate) && onScreen(candidate, top)) return candidate;
  return (
    paragraphs.find((paragraph) => {
      const box = paragraph.getBoundingClientRect();
      return box.top >= top && box.top < innerHeight;
    }) ??
    paragraphs.find((paragraph) => onScreen(paragraph, top)) ??
    paragraphs[0]
  );
}

export function enhanceParagraphLinks(): void {
  const body = document.querySelector<HTMLElement>('[data-paragraph-links]');
  const status = document.querySelector<HTMLElement>('[data-paragraph-status]');
  const button = document.querySelector<HTMLButtonElement>('[data-paragraph-copy]');
  const script = document.documentElement.dataset['script'];
  if (!body || !status || !isScript(script)) return;

  /** Copies paragraph `paragraph`'s address and says so; where the browser refuses, goes to it. */
  const copy = async (paragraph: HTMLElement): Promise<void> => {
    const fragment = `#${paragraph.id}`;
    if (!(await copyText(`${canonicalUrl()}${fragment}`))) {
      location.hash = fragment;
      return;
    }
    history.replaceState(history.state, '', fragment);
    for (const marked of body.querySelectorAll('.is-linked')) marked.classList.remove('is-linked');
    paragraph.classList.add('is-linked');
    const t = await loadUi(script);
    announce(status, t.paragraphLinkCopied(Number(paragraph.id.slice(1))));
  };

  body.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.para-link') : null;
    if (!link?.parentElement || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    void copy(link.parentElement);
  });

  if (!button) return;
  let lastFocused: Element | null = null;
  document.addEventListener('focusin', (event) => {
    if (event.target !== button && event.target instanceof Element) lastFocused = event.target;
  });
  /** The paragraph the button would copy now, outlined while the button has focus so the reader sees which. */
  let chosen: HTMLElement | undefined;
  const choose = (): void => {
    chosen?.classList.remove('is-copy-target');
    chosen = paragraphToCopy(body, lastFocused);
    chosen?.classList.add('is-copy-target');
  };
  button.addEventListener('focus', choose);
  button.addEventListener('blur', () => {
    chosen?.classList.remove('is-copy-target');
    chosen = undefined;
  });
  button.addEventListener('click', () => {
    if (!chosen) choose();
    if (chosen) void copy(chosen);
  });
  button.hidden = false;
}
