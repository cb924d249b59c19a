/**
 * The sitemap's links between the two scripts' forms of a page
 * (`<xhtml:link rel="alternate" hreflang>`). Every page under a script's
 * folder has its twin in every other script (the publish checks hold it), so
 * a page's alternates are its address with each script's folder in turn:
 * found for each page alone, not by comparing every page with every other,
 * as @astrojs/sitemap's own `i18n` option does (49,000 pages took it about
 * 40 s).
 */
import { langTag, scripts } from './scripts.ts';

export interface AlternateLink {
  url: string;
  lang: string;
}

/**
 * The alternates of `url` under `root` (the site's origin and base), in the
 * order of their addresses as the sitemap sorts them; none for a page
 * outside the scripts' folders.
 */
export function scriptAlternates(url: string, root: string): AlternateLink[] | undefined {
  if (!url.startsWith(root)) return undefined;
  const path = url.slice(root.length);
  const script = scripts.find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
  if (script === undefined) return undefined;
  const rest = path.slice(script.length);
  return scripts
    .map((other) => ({ url: `${root}${other}${rest}`, lang: langTag(other) }))
    .sort((a, b) => a.url.localeCompare(b.url, 'en', { numeric: true }));
}
