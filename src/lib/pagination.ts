/**
 * How the site's lists are paged: twenty articles a page, and which page
 * numbers a page links to (the first, the last and those around the current
 * one), so that a list of a thousand pages still shows a short row.
 */

/** Articles on one page of a list (home, topic, month, author). */
export const listPageSize = 20;

/** The page numbers to link, in order, `undefined` where numbers are left out. */
export function pageNumbers(current: number, last: number, around = 2): (number | undefined)[] {
  const shown = new Set([1, last]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= last) shown.add(page);
  const numbers: (number | undefined)[] = [];
  let previous = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - previous > 1) numbers.push(undefined);
    numbers.push(page);
    previous = page;
  }
  return numbers;
}
