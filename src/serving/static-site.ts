/**
 * What every server of `dist/` agrees on, the local one (`npm run serve`) and
 * the nginx configuration generated from this module: the type of each file,
 * which files are never served, which are immutable assets, and the headers
 * each response gets. Paths here are below the site's base and start with `/`.
 */
import { assetCacheControl, assetHeaders, immutableFiles, pageHeaders } from './security.ts';

/** Media types by file extension; `text` types are sent with `; charset=utf-8` and compressed at build time. */
export const contentTypes: Readonly<Record<string, { type: string; text: boolean }>> = {
  html: { type: 'text/html', text: true },
  css: { type: 'text/css', text: true },
  js: { type: 'text/javascript', text: true },
  json: { type: 'application/json', text: true },
  xml: { type: 'application/xml', text: true },
  txt: { type: 'text/plain', text: true },
  svg: { type: 'image/svg+xml', text: true },
  png: { type: 'image/png', text: false },
  jpg: { type: 'image/jpeg', text: false },
  jpeg: { type: 'image/jpeg', text: false },
  webp: { type: 'image/webp', text: false },
  avif: { type: 'image/avif', text: false },
  ico: { type: 'image/x-icon', text: false },
  wasm: { type: 'application/wasm', text: false },
};

/** The type of any other file (Pagefind's `.pf_*` chunks and its gzipped WebAssembly). */
export const defaultContentType = 'application/octet-stream';

const extensionOf = (name: string): string => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The `Content-Type` header of a file. */
export function contentType(name: string): string {
  const known = contentTypes[extensionOf(name)];
  if (!known) return defaultContentType;
  return known.text ? `${known.type}; charset=utf-8` : known.type;
}

/** Whether the build writes `.br` and `.gz` twins of a file. */
export function isCompressible(name: string): boolean {
  return contentTypes[extensionOf(name)]?.text ?? false;
}

/** The encodings written beside compressible files, most preferred first, with their file suffixes. */
export const precompressed = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Escapes text for a pattern nginx's PCRE and JavaScript both read. Not
 * `RegExp.escape`: it writes `\x2d`-style escapes that make the generated
 * nginx configuration hard to read.
 */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The regular expression (PCRE and JavaScript alike) for the immutable assets
 * of a site whose paths start with `prefix` (`''` or `/news`). Case-blind, and
 * never a name ending in `.html`: a page is never cached for a year.
 */
export function immutablePattern(prefix = ''): string {
  const names = immutableFiles.map((glob) => glob.split('*').map(escapeRegExp).join('[^/]+'));
  return `^${escapeRegExp(prefix)}/(?:${names.join('|')})(?<!\\.html)$`;
}

/**
 * The regular expression for files of the build that are not part of the site:
 * any name starting with a dot, the hosts' `_headers` and `_redirects`, and the
 * precompressed twins (served only in place of their original).
 */
export function privatePattern(prefix = ''): string {
  const names = precompressed.map(({ suffix }) => escapeRegExp(suffix.slice(1))).join('|');
  return `^${escapeRegExp(prefix)}/(?:(?:[^/]+/)*\\.|_headers$|_redirects$)|\\.(?:${names})$`;
}

const immutable = new RegExp(immutablePattern(), 'i');
const hidden = new RegExp(privatePattern());

/** Whether a path is a build file that no request may reach. */
export const isPrivate = (path: string): boolean => hidden.test(path);

/** Whether a path is an immutable asset (`/_astro/…`); never a page. */
export const isImmutable = (path: string): boolean => immutable.test(path);

/**
 * The headers of a response: an immutable asset's for a file that is one,
 * the page headers for everything else, errors and redirects included.
 */
export function responseHeaders(path: string | undefined, status: number): Record<string, string> {
  if (path === undefined || !isImmutable(path)) return { ...pageHeaders };
  return [200, 206, 304].includes(status) ? { ...assetHeaders, 'Cache-Control': assetCacheControl } : { ...assetHeaders };
}
