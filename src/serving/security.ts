/**
 * The Content Security Policy and the other response headers of the site.
 * Every script is an external file from our own origin, so no hash or
 * `'unsafe-inline'` is needed; Pagefind needs WebAssembly and a worker.
 */

import { scripts } from '../site/scripts.ts';

const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const policy = (extra: Record<string, string[]> = {}): string =>
  Object.entries({ ...directives, ...extra })
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** For `<meta http-equiv>`, which cannot carry `frame-ancestors`. */
export const metaContentSecurityPolicy = policy();

/**
 * For `npm run dev` only, never built: Vite's dev server injects the styles
 * as inline `<style>` elements and its client as inline scripts, which the
 * site's policy refuses; the preview must look like the page.
 */
export const devContentSecurityPolicy = policy({
  'script-src': ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
});

/** For the HTTP header. */
export const headerContentSecurityPolicy = policy({ 'frame-ancestors': ["'none'"] });

/** On every response. */
const everywhere = { 'X-Content-Type-Options': 'nosniff' };

/** On documents only: a policy on a script, style or index file protects nothing and costs bytes on every request. */
const documentHeaders = {
  'Content-Security-Policy': headerContentSecurityPolicy,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const immutable = 'public, max-age=31536000, immutable';
const short = 'public, max-age=300, must-revalidate';

/**
 * Files that never change under the same name: Astro's hashed assets and
 * Pagefind's chunks named by their content, the photos' sizes named by the
 * digest of their original. `*` stands for one file name.
 */
export const immutableFiles = [
  '_astro/*',
  'photos/*',
  'pagefind/*/index/*',
  'pagefind/*/fragment/*',
  'pagefind/*/*.pf_meta',
] as const;

/**
 * The headers of every response that is not an immutable asset: pages, feeds,
 * search files, redirects and errors (301, 304, 404, 405…), however the path
 * was spelled. The local server and the nginx configuration both send these.
 */
export const pageHeaders: Readonly<Record<string, string>> = { ...everywhere, ...documentHeaders, 'Cache-Control': short };

/** The headers of an immutable asset, on every status. */
export const assetHeaders: Readonly<Record<string, string>> = everywhere;

/** The cache header of an immutable asset: only on 200, 206 and 304, so that an error is never kept for a year. */
export const assetCacheControl = immutable;

/**
 * A `_headers` file (Netlify, Cloudflare Pages) for a site under `base`.
 * Cache rules never overlap, because hosts join repeated headers with commas.
 */
export function headersFile(base: string): string {
  const at = (path: string): string => `${base.replace(/\/?$/, '/')}${path}`;
  const rules: [string, Record<string, string>][] = [
    [at('*'), everywhere],
    ...[at(''), at('index.html'), at('404.html'), ...scripts.map((script) => at(`${script}/*`))].map(
      (path): [string, Record<string, string>] => [path, { ...documentHeaders, 'Cache-Control': short }],
    ),
    ...[at('sitemap-*'), at('robots.txt')].map((path): [string, Record<string, string>] => [path, { 'Cache-Control': short }]),
    ...immutableFiles.map((path): [string, Record<string, string>] => [at(path), { 'Cache-Control': immutable }]),
    ...[at('pagefind/*/*.js'), at('pagefind/*/*.json'), at('pagefind/*/wasm.*')].map((path): [string, Record<string, string>] => [
      path,
      { 'Cache-Control': short },
    ]),
  ];
  return (
    rules
      .map(([path, headers]) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'))
      .join('\n') + '\n'
  );
}
