/**
 * A keyboard walk through a page, as a reader does it with Tab, measuring
 * at every stop what WCAG 2.2 asks of focus: that it is visible (2.4.7:
 * the pixels around the element change when it takes focus) and not hidden
 * by anything the page draws over it (2.4.11: every line box of the
 * element is what the browser finds at its centre), inside the viewport;
 * and of a target, that it is 24 px square at least (2.5.8), unless it is
 * a link inside a line of text.
 */
import type { Page } from '@playwright/test';
import { contrast, decodePng, pixel } from './pixels.ts';

export interface TabStop {
  /** Tag, class and name, enough to say which element it was. */
  element: string;
  /** Its name as the page gives it: `aria-label`, a field's label, or its text. */
  name: string;
  /** The element's `href`, if it is a link. */
  href: string | null;
  /** Line boxes whose centre is covered by something else, or outside the viewport. */
  obscured: number;
  /** Its size, when it is a target smaller than 24 × 24 px that is not a link inside a line of text (WCAG 2.5.8). */
  undersized?: string;
  /** Pixels around the element that changed, with at least 3:1 contrast, when it took focus. */
  changed?: number;
  /** What that must reach: a one-pixel ring around its first line box. */
  needed?: number;
}

interface StopFacts {
  element: string;
  name: string;
  href: string | null;
  obscured: number;
  box: { x: number; y: number; width: number; height: number };
  ring: number;
  inMain: boolean;
  undersized?: string;
}

/** Facts of the focused element, or `undefined` when focus left the page's content. */
function focusedFacts(page: Page): Promise<StopFacts | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return undefined;
    // Round again to the first stop: the walk is over.
    const walked = window as unknown as { firstTabStop?: Element };
    if (walked.firstTabStop === element) return undefined;
    walked.firstTabStop ??= element;
    const rects = [...element.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    const obscured = rects.filter((rect) => {
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true;
      const found = document.elementFromPoint(x, y);
      return !(found && (found === element || element.contains(found)));
    }).length;
    const bounds = element.getBoundingClientRect();
    // A link inside a line of text is exempt (its size is the text's); anything else is a target of 24 × 24 px at least.
    const block = element.closest('p, li, dd, td');
    const compact = (text: string | null | undefined): number => (text ?? '').replace(/\s+/g, '').length;
    const inText =
      getComputedStyle(element).display === 'inline' &&
      block !== null &&
      compact(block.textContent) > compact(element.textContent);
    const undersized =
      (bounds.width < 24 || bounds.height < 24) && !inText
        ? `${Math.round(bounds.width)} × ${Math.round(bounds.height)} px`
        : undefined;
    const first = rects[0] ?? bounds;
    const margin = 8;
    const left = Math.max(0, Math.floor(bounds.left - margin));
    const top = Math.max(0, Math.floor(bounds.top - margin));
    const right = Math.min(innerWidth, Math.ceil(bounds.right + margin));
    const bottom = Math.min(innerHeight, Math.ceil(bounds.bottom + margin));
    const label = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : undefined;
    const name = (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      element: `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} ${name.slice(0, 24)}`,
      name,
      href: element.getAttribute('href'),
      obscured: rects.length === 0 ? 1 : obscured,
      box: { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) },
      ring: Math.round(2 * (first.width + first.height)),
      inMain: element.closest('main') !== null,
      ...(undersized === undefined ? {} : { undersized }),
    };
  });
}

/**
 * Presses Tab from the top of the page until focus comes back round or
 * leaves the page, and measures each stop. With `appearance`, each stop
 * (`'main'`: each stop in `<main>`, where the header's and footer's were
 * measured on another page) is also photographed focused and unfocused (a
 * blur, then focus again, which keeps the keyboard's focus ring) to count
 * what its focus changed.
 */
export async function tabWalk(
  page: Page,
  { appearance = 'none', limit = 120 }: { appearance?: 'all' | 'main' | 'none'; limit?: number } = {},
): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const facts = await focusedFacts(page);
    if (facts === undefined) break;
    const stop: TabStop = { element: facts.element, name: facts.name, href: facts.href, obscured: facts.obscured };
    if (facts.undersized !== undefined) stop.undersized = facts.undersized;
    if (appearance === 'all' || (appearance === 'main' && facts.inMain)) {
      const focused = decodePng(await page.screenshot({ clip: facts.box, animations: 'disabled' }));
      const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
      await handle.evaluate((element) => element.blur());
      const unfocused = decodePng(await page.screenshot({ clip: facts.box, animations: 'disabled' }));
      await handle.evaluate((element) => element.focus());
      await handle.dispose();
      let changed = 0;
      for (let y = 0; y < Math.min(focused.height, unfocused.height); y++)
        for (let x = 0; x < Math.min(focused.width, unfocused.width); x++)
          if (contrast(pixel(focused, x, y), pixel(unfocused, x, y)) >= 3) changed += 1;
      stop.changed = changed;
      stop.needed = facts.ring;
    }
    stops.push(stop);
  }
  return stops;
}
