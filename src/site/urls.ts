/**
 * Site URLs. A page is named by its script and a script-free key
 * (`articles/foo/`), so its twin in the other script is the same key.
 * `base` is Astro's `import.meta.env.BASE_URL` (`/` or `/news/`).
 */
import { isScript, type Script } from './scripts.ts';

/** Base with exactly one trailing slash. */
export function normaliseBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

export function pageUrl(base: string, script: Script, key = ''): string {
  return `${normaliseBase(base)}${script}/${key}`;
}

export const articleKey = (slug: string): string => `articles/${slug}/`;
export const topicKey = (topic: string): string => `topics/${topic}/`;
export const authorPageKey = (author: string): string => `authors/${author}/`;

/** The archive (`archive/`), a year's page (`archive/2025/`) or a month's (`archive/2025/11/`). */
export function archiveKey(year?: number, month?: number): string {
  if (year === undefined) return 'archive/';
  return month === undefined ? `archive/${year}/` : `archive/${year}/${String(month).padStart(2, '0')}/`;
}

/**
 * Page `page` of a paginated list whose first page is `key`: `topics/x/`,
 * `topics/x/page/2/`… Never a bare number: page 404 of the home list would
 * take the address of the script's 404 page.
 */
export const pagedKey = (key: string, page: number): string => (page <= 1 ? key : `${key}page/${page}/`);

/** The script-free key of a path inside the site, or `undefined` outside a script. */
export function keyOfPath(base: string, path: string): { script: Script; key: string } | undefined {
  const prefix = normaliseBase(base);
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  const script = rest.slice(0, slash);
  if (slash === -1 || !isScript(script)) return undefined;
  return { script, key: rest.slice(slash + 1) };
}
