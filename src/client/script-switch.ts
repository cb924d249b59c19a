/**
 * Makes the 繁體/简体 link keep the reader's place: the query (search page),
 * the section (the current `#fragment`, or the id of the paragraph or heading
 * at the top of the screen) and, where sessionStorage allows, the exact
 * scroll offset of that element. The choice is remembered for `/`. A
 * paragraph reached that way is where the reader was, not one a link
 * pointed to, so it does not keep the mark of a linked paragraph.
 */
import { savePreference } from './preference.ts';

const placeKey = 'guoji-shiping:place';

interface Place {
  path: string;
  id: string;
  /** Distance of the element's top from the viewport's top, in CSS pixels. */
  offset: number;
}

/**
 * The first element with an id that is still on screen below the sticky
 * header; not the table of contents, which on a wide screen stays in view
 * beside the text wherever the reader is.
 */
function elementAtTop(): HTMLElement | undefined {
  if (window.scrollY < 40) return undefined;
  const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const candidates = document.querySelectorAll<HTMLElement>('main :is(h2, h3, p, li)[id]:not(.toc *)');
  return [...candidates].find((element) => element.getBoundingClientRect().bottom > top);
}

function restorePlace(): void {
  let place: Place | undefined;
  try {
    place = JSON.parse(sessionStorage.getItem(placeKey) ?? 'null') as Place | undefined;
    sessionStorage.removeItem(placeKey);
  } catch {
    return;
  }
  if (!place || place.path !== location.pathname) return;
  const { id, offset } = place;
  // The fragment only carried the reader's place: the paragraph is not one a link pointed to, so it is not marked.
  if (decodeURIComponent(location.hash.slice(1)) === id) document.getElementById(id)?.classList.add('is-place');
  // Absolute, so it can run again after the browser's own jump to the fragment.
  const scroll = (): void => {
    const element = document.getElementById(id);
    if (element) window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - offset);
  };
  scroll();
  requestAnimationFrame(scroll);
  window.addEventListener('load', scroll, { once: true });
}

export function enhanceScriptSwitch(): void {
  restorePlace();
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-script-switch]') : null;
    if (!link) return;
    savePreference(link.dataset['scriptSwitch']);
    const url = new URL(link.href);
    url.search = location.search;
    const element = location.hash === '' ? elementAtTop() : undefined;
    url.hash = element ? `#${element.id}` : location.hash;
    if (element) {
      const place: Place = { path: url.pathname, id: element.id, offset: element.getBoundingClientRect().top };
      try {
        sessionStorage.setItem(placeKey, JSON.stringify(place));
      } catch {
        // Without storage the fragment alone keeps the section.
      }
    }
    link.href = url.href;
  });
}
