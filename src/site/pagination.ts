/**
 * How the site's lists are paged: twenty articles a page, and which page
 * numbers a page links to (the first, the last and those around the current
 * one), so that a list of a thousand pages still shows a short row.
 */
import { pagedKey } from './urls.ts';

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

/**
 * Astro's pages of a list (`paginate()`), moved from its `2/`, `3/`… to the
 * site's `page/2/`, `page/3/`… (`pagedKey`). A bare number is a sibling of the
 * list's other routes: from 8,061 articles on, the home list's page 404 took
 * the address of the script's 404 page and Astro refused the build.
 */
export function atPagedKeys<Path extends { params: { page?: string | number | undefined } }>(paths: Path[]): Path[] {
  return paths.map((path) =>
    path.params.page === undefined
      ? path
      : { ...path, params: { ...path.params, page: pagedKey('', Number(path.params.page)).slice(0, -1) } },
  );
}
