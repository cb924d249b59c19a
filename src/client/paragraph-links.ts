/**
 * The ¶ link of each paragraph: a click copies the paragraph's address
 * (canonical URL and `#p12`) and marks the paragraph in the address bar,
 * without a jump. Where copying is refused the link simply opens `#p12`,
 * as it does without JavaScript.
 */
import { announce, canonicalUrl, copyText } from './clipboard.ts';

export function enhanceParagraphLinks(): void {
  const body = document.querySelector<HTMLElement>('[data-paragraph-links]');
  const status = document.querySelector<HTMLElement>('[data-paragraph-status]');
  if (!body || !status || typeof navigator.clipboard?.writeText !== 'function') return;
  body.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.para-link') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const fragment = link.hash;
    event.preventDefault();
    void copyText(`${canonicalUrl()}${fragment}`).then((copied) => {
      if (!copied) {
        location.hash = fragment;
        return;
      }
      history.replaceState(history.state, '', fragment);
      for (const marked of body.querySelectorAll('.is-linked')) marked.classList.remove('is-linked');
      link.parentElement?.classList.add('is-linked');
      announce(status, body.dataset['copiedLabel'] ?? '');
    });
  });
}
