/**
 * The requests both servers must answer alike: traversal in every spelling,
 * redirects that try to leave the site, pages however their path is spelled,
 * not-found pages, methods, conditional and range requests, compression, and
 * caching per file type. Each probe names the status, the header set and the
 * body it expects; tests/serve/serving.test.ts adds the checks every answer
 * must pass (no secret byte, no off-site Location, page headers on HTML).
 */
import type { Site } from './sites.ts';

export interface Expectation {
  status: number;
  /** The header set: a page's (the default, also for redirects and errors) or an immutable asset's. */
  kind?: 'page' | 'asset';
  location?: string;
  /** The body is this file of the site (after undoing its content encoding)… */
  file?: string;
  /** …or this part of it (`Buffer.subarray` arguments), sent as 206 with its Content-Range. */
  slice?: [number, number?];
  /** 416: `Content-Range: bytes *\/<size of file>`. */
  unsatisfiable?: boolean;
  /** No body at all (HEAD, 304). */
  empty?: boolean;
  /** A short body of the server's own (400, 405, 301): not a page of the site. */
  generic?: boolean;
  /** The Content-Encoding (none when absent). */
  encoding?: 'br' | 'gzip';
  contentType?: string;
  /** `Allow: GET, HEAD`. */
  allow?: boolean;
}

export interface Probe {
  name: string;
  method?: string;
  /** Sent as is: not normalised or encoded by the client. */
  path: string;
  headers?: Record<string, string>;
  /** Send the validator a first GET of the same path returned. */
  conditional?: 'If-None-Match' | 'If-Modified-Since';
  expect: Expectation;
}

const html = 'text/html; charset=utf-8';

/** The probes for one site; hashed file names are taken from its files. */
export function probes(site: Site): Probe[] {
  const p = site.prefix;
  const f = site.folder;
  const find = (pattern: RegExp): string => {
    const file = site.files.find((name) => pattern.test(name));
    if (!file) throw new Error(`no file matches ${pattern} in ${site.dir}`);
    return file;
  };
  const css = find(/^\/_astro\/.*\.css$/);
  const js = find(/^\/_astro\/.*\.js$/);
  const fragment = find(/^\/pagefind\/[^/]+\/fragment\//);
  const pfIndex = find(/^\/pagefind\/[^/]+\/index\//);
  const pfMeta = find(/^\/pagefind\/[^/]+\/[^/]+\.pf_meta$/);
  const notFound: Expectation = { status: 404, file: '/404.html', contentType: html };
  const notFoundHant: Expectation = { status: 404, file: '/zh-hant/404.html', contentType: html };
  // `..` above the server's root is refused outright; under /news/ the same spelling only leaves the site.
  const aboveRoot: Expectation = site.base === '/' ? { status: 400, generic: true, allow: true } : notFound;
  const page = (file: string): Expectation => ({ status: 200, file, contentType: html });
  const redirect = (location: string): Expectation => ({ status: 301, location, generic: true });
  const notAllowed: Expectation = { status: 405, generic: true, allow: true };
  const badRequest: Expectation = { status: 400, generic: true, allow: true };
  const asset = (file: string, contentType: string): Expectation => ({ status: 200, kind: 'asset', file, contentType });
  const other = (file: string, contentType: string): Expectation => ({ status: 200, file, contentType });

  return [
    // Reading outside the site.
    { name: 'an encoded slash after .. does not leave the folder', path: `${p}/..%2f${f}-secret.txt`, expect: aboveRoot },
    { name: 'nor into a sibling folder', path: `${p}/..%2f${f}.bak/secret.txt`, expect: aboveRoot },
    { name: 'encoded dots do not leave it', path: `${p}/%2e%2e/${f}-secret.txt`, expect: aboveRoot },
    { name: 'encoded dots and slash do not leave it', path: `${p}/%2e%2e%2f${f}-secret.txt`, expect: aboveRoot },
    { name: 'nor from a script folder', path: `${p}/zh-hant/..%2f..%2f${f}-secret.txt`, expect: aboveRoot },
    {
      name: 'climbing above the server root is a bad request',
      path: `${p}/zh-hant/%2e%2e/%2e%2e/%2e%2e/${f}-secret.txt`,
      expect: badRequest,
    },
    { name: 'unencoded dot segments above the root are a bad request', path: `${p}/../../${f}-secret.txt`, expect: badRequest },
    { name: 'a backslash is no separator', path: `${p}/..%5c${f}-secret.txt`, expect: notFound },
    { name: 'nor are backslashes around dots', path: `${p}/%5c..%5c${f}-secret.txt`, expect: notFound },
    { name: 'a doubly encoded path is decoded once', path: `${p}/%252e%252e%252f${f}-secret.txt`, expect: notFound },
    { name: 'overlong UTF-8 dots are no dots', path: `${p}/%c0%ae%c0%ae/${f}-secret.txt`, expect: notFound },
    { name: 'nor an overlong slash', path: `${p}/%c0%ae%c0%ae%c0%af${f}-secret.txt`, expect: notFound },
    { name: 'nor three-byte overlong dots', path: `${p}/%e0%80%ae%e0%80%ae/${f}-secret.txt`, expect: notFound },
    { name: 'a NUL byte is a bad request', path: `${p}/${f}-secret.txt%00.html`, expect: badRequest },
    { name: 'a NUL byte after a page is a bad request', path: `${p}/zh-hant/index.html%00`, expect: badRequest },
    { name: 'a malformed escape is a bad request', path: `${p}/zh-hant/%zz`, expect: badRequest },
    { name: 'a symbolic link to a file outside is not followed', path: `${p}/leak.txt`, expect: notFound },
    { name: 'a symbolic link to a folder outside is not followed', path: `${p}/leak-dir/secret.txt`, expect: notFound },
    {
      name: 'a symbolic link inside the site is not followed either',
      path: `${p}/zh-hant/alias.html`,
      expect: notFoundHant,
    },
    {
      name: 'a 404 page that is a link outside is never used',
      path: `${p}/zh-hant/articles/missing`,
      expect: notFoundHant,
    },
    {
      name: 'a compressed twin that is a link outside is ignored',
      path: `${p}/robots.txt`,
      headers: { 'Accept-Encoding': 'gzip' },
      expect: other('/robots.txt', 'text/plain; charset=utf-8'),
    },
    { name: 'a file beside the site is not part of it', path: `/${f}-secret.txt`, expect: notFound },
    { name: 'dot files are not served', path: `${p}/.env`, expect: notFound },
    { name: 'the hosts’ _headers file is not served', path: `${p}/_headers`, expect: notFound },
    { name: 'compressed twins are not served by their own name', path: `${p}/index.html.gz`, expect: notFound },
    { name: 'nor in a script folder', path: `${p}/zh-hant/index.html.br`, expect: notFound },

    // Redirects stay on the site.
    { name: 'a folder without its slash is redirected to it', path: `${p}/zh-hant`, expect: redirect(`${p}/zh-hant/`) },
    { name: 'the redirect keeps the query', path: `${p}/zh-hant?q=1`, expect: redirect(`${p}/zh-hant/?q=1`) },
    {
      name: 'an encoded double slash does not make an off-site redirect',
      path: `${p}/%2Fevil.example%2F..%2Fzh-hant`,
      expect: redirect(`${p}/zh-hant/`),
    },
    {
      name: 'an encoded backslash does not make an off-site redirect',
      path: `${p}/%5Cevil.example/..%2Fzh-hant`,
      expect: redirect(`${p}/zh-hant/`),
    },
    {
      name: 'a literal double slash does not make an off-site redirect',
      path: `${p}//evil.example/..%2Fzh-hant`,
      expect: redirect(`${p}/zh-hant/`),
    },
    {
      name: 'three slashes and encoded dots redirect on the site',
      path: `${p}///evil.example/%2e%2e/zh-hans`,
      expect: redirect(`${p}/zh-hans/`),
    },
    {
      name: 'a deeper folder is redirected to its slash',
      path: `${p}/zh-hant/articles`,
      expect: redirect(`${p}/zh-hant/articles/`),
    },
    {
      name: 'a query cannot add a header to a redirect',
      path: `${p}/zh-hans/search?q=%0d%0aSet-Cookie:%20x=1`,
      expect: redirect(`${p}/zh-hans/search/?q=%0d%0aSet-Cookie:%20x=1`),
    },
    site.base === '/'
      ? { name: 'the site’s own folder is its root page', path: '/', expect: page('/index.html') }
      : { name: 'the site’s own folder is redirected to its slash', path: p, expect: redirect(`${p}/`) },

    // A page is a page however its path is spelled.
    {
      name: 'a page reached through encoded slashes keeps its headers',
      path: `${p}/x%2f..%2fzh-hant%2findex.html`,
      expect: page('/zh-hant/index.html'),
    },
    {
      name: 'a page reached through the assets folder is not cached for a year',
      path: `${p}/_astro/..%2fzh-hant%2findex.html`,
      expect: page('/zh-hant/index.html'),
    },
    {
      name: 'nor through Pagefind’s chunk folder',
      path: `${p}/pagefind/zh-hant/fragment/..%2f..%2f..%2fzh-hans%2findex.html`,
      expect: page('/zh-hans/index.html'),
    },
    { name: 'the root 404 page asked for by name is a page', path: `${p}/_astro/%2e%2e/404.html`, expect: page('/404.html') },
    { name: 'a dot segment before a page', path: `${p}/zh-hant/./index.html`, expect: page('/zh-hant/index.html') },
    { name: 'an encoded letter in a page name', path: `${p}/zh-hant/%69ndex.html`, expect: page('/zh-hant/index.html') },
    { name: 'doubled slashes around a folder', path: `${p}//zh-hant//`, expect: page('/zh-hant/index.html') },
    { name: 'a folder spelled with a final dot', path: `${p}/zh-hant/.`, expect: page('/zh-hant/index.html') },
    {
      name: 'unencoded dots through the assets folder',
      path: `${p}/_astro/../zh-hant/index.html`,
      expect: page('/zh-hant/index.html'),
    },
    { name: 'the search page', path: `${p}/zh-hans/search/`, expect: page('/zh-hans/search/index.html') },
    {
      name: 'an article page',
      path: `${p}/zh-hant/articles/xi-mishustin-after-trump-summit-2025/`,
      expect: page('/zh-hant/articles/xi-mishustin-after-trump-summit-2025/index.html'),
    },

    // Not found: the nearest 404 page, with the page headers.
    { name: 'a missing file gets the site’s 404 page', path: `${p}/missing`, expect: notFound },
    { name: 'a missing folder in a script gets that script’s 404 page', path: `${p}/zh-hant/missing/`, expect: notFoundHant },
    {
      name: 'a missing page in the other script gets its 404 page',
      path: `${p}/zh-hans/missing.html`,
      expect: { status: 404, file: '/zh-hans/404.html', contentType: html },
    },
    { name: 'the assets folder itself is not found, not forbidden', path: `${p}/_astro/`, expect: notFound },
    { name: 'a missing asset is not found and not cached for a year', path: `${p}/_astro/missing.js`, expect: notFound },
    { name: 'a file asked for as a folder is not found', path: `${p}/zh-hant/index.html/`, expect: notFoundHant },
    { name: 'a name that is not UTF-8 is not found', path: `${p}/zh-hant/%ff`, expect: notFoundHant },

    // Methods.
    { name: 'POST is not allowed', method: 'POST', path: `${p}/zh-hant/`, expect: notAllowed },
    { name: 'PUT is not allowed', method: 'PUT', path: `${p}/zh-hant/index.html`, expect: notAllowed },
    { name: 'DELETE of an asset is not allowed', method: 'DELETE', path: `${p}${css}`, expect: notAllowed },
    { name: 'OPTIONS is not allowed', method: 'OPTIONS', path: `${p}/`, expect: notAllowed },
    { name: 'TRACE is not allowed', method: 'TRACE', path: `${p}/`, expect: notAllowed },
    { name: 'POST to a missing file is not allowed', method: 'POST', path: `${p}/missing`, expect: notAllowed },
    {
      name: 'PATCH with a path that climbs out is refused',
      method: 'PATCH',
      path: `${p}/..%2f${f}-secret.txt`,
      expect: site.base === '/' ? badRequest : notAllowed,
    },
    {
      name: 'HEAD of a page has its headers and no body',
      method: 'HEAD',
      path: `${p}/zh-hant/`,
      expect: { status: 200, empty: true, contentType: html, file: '/zh-hant/index.html' },
    },
    {
      name: 'HEAD of a missing page is a 404 without body',
      method: 'HEAD',
      path: `${p}/missing`,
      expect: { status: 404, empty: true, contentType: html, file: '/404.html' },
    },

    // Conditional and range requests.
    {
      name: 'a page unchanged since its ETag is 304 with the page headers',
      path: `${p}/zh-hant/`,
      conditional: 'If-None-Match',
      expect: { status: 304, empty: true },
    },
    {
      name: 'an asset unchanged since its ETag is 304 and immutable',
      path: `${p}${css}`,
      conditional: 'If-None-Match',
      expect: { status: 304, kind: 'asset', empty: true },
    },
    {
      name: 'a page unchanged since its date is 304',
      path: `${p}/zh-hant/`,
      conditional: 'If-Modified-Since',
      expect: { status: 304, empty: true },
    },
    {
      name: 'a stale ETag gets the whole asset',
      path: `${p}${css}`,
      headers: { 'If-None-Match': '"stale"' },
      expect: asset(css, 'text/css; charset=utf-8'),
    },
    {
      name: 'the first ten bytes of a file',
      path: `${p}/robots.txt`,
      headers: { Range: 'bytes=0-9' },
      expect: { status: 206, file: '/robots.txt', slice: [0, 10], contentType: 'text/plain; charset=utf-8' },
    },
    {
      name: 'the last five bytes of a file',
      path: `${p}/robots.txt`,
      headers: { Range: 'bytes=-5' },
      expect: { status: 206, file: '/robots.txt', slice: [-5], contentType: 'text/plain; charset=utf-8' },
    },
    {
      name: 'a range past the end is 416',
      path: `${p}/robots.txt`,
      headers: { Range: 'bytes=100000-' },
      expect: { status: 416, file: '/robots.txt', unsatisfiable: true },
    },
    {
      name: 'part of a page keeps the page headers',
      path: `${p}/zh-hant/`,
      headers: { Range: 'bytes=0-99' },
      expect: { status: 206, file: '/zh-hant/index.html', slice: [0, 100], contentType: html },
    },
    {
      name: 'part of an asset is immutable',
      path: `${p}${css}`,
      headers: { Range: 'bytes=10-19' },
      expect: { status: 206, kind: 'asset', file: css, slice: [10, 20], contentType: 'text/css; charset=utf-8' },
    },

    // Compression: the twins written at build time.
    {
      name: 'a page in gzip',
      path: `${p}/zh-hant/`,
      headers: { 'Accept-Encoding': 'gzip' },
      expect: { ...page('/zh-hant/index.html'), encoding: 'gzip' },
    },
    {
      name: 'a page in brotli',
      path: `${p}/zh-hant/`,
      headers: { 'Accept-Encoding': 'br' },
      expect: { ...page('/zh-hant/index.html'), encoding: 'br' },
    },
    {
      name: 'a page for a browser that takes either',
      path: `${p}/zh-hant/`,
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
      expect: { ...page('/zh-hant/index.html'), encoding: 'br' },
    },
    {
      name: 'an asset in gzip is still immutable',
      path: `${p}${js}`,
      headers: { 'Accept-Encoding': 'gzip' },
      expect: { ...asset(js, 'text/javascript; charset=utf-8'), encoding: 'gzip' },
    },
    {
      name: 'a 404 page in brotli',
      path: `${p}/zh-hant/missing/`,
      headers: { 'Accept-Encoding': 'br' },
      expect: { ...notFoundHant, encoding: 'br' },
    },

    // Caching and type per file.
    { name: 'a stylesheet is immutable', path: `${p}${css}`, expect: asset(css, 'text/css; charset=utf-8') },
    ...[
      ['jpg', 'image/jpeg'],
      ['webp', 'image/webp'],
      ['avif', 'image/avif'],
    ].map(([extension = '', type = '']) => ({
      name: `a photo size (.${extension}) is immutable and served as ${type}`,
      path: `${p}/photos/0123456789abcdef-320.${extension}`,
      expect: asset(`/photos/0123456789abcdef-320.${extension}`, type),
    })),
    { name: 'a script is immutable', path: `${p}${js}`, expect: asset(js, 'text/javascript; charset=utf-8') },
    { name: 'a Pagefind fragment is immutable', path: `${p}${fragment}`, expect: asset(fragment, 'application/octet-stream') },
    { name: 'a Pagefind index chunk is immutable', path: `${p}${pfIndex}`, expect: asset(pfIndex, 'application/octet-stream') },
    { name: 'a Pagefind meta file is immutable', path: `${p}${pfMeta}`, expect: asset(pfMeta, 'application/octet-stream') },
    {
      name: 'Pagefind’s entry script is revalidated',
      path: `${p}/pagefind/zh-hant/pagefind.js`,
      expect: other('/pagefind/zh-hant/pagefind.js', 'text/javascript; charset=utf-8'),
    },
    {
      name: 'Pagefind’s entry file is revalidated',
      path: `${p}/pagefind/zh-hant/pagefind-entry.json`,
      expect: other('/pagefind/zh-hant/pagefind-entry.json', 'application/json; charset=utf-8'),
    },
    {
      name: 'Pagefind’s WebAssembly is revalidated',
      path: `${p}/pagefind/zh-hant/wasm.unknown.pagefind`,
      expect: other('/pagefind/zh-hant/wasm.unknown.pagefind', 'application/octet-stream'),
    },
    {
      name: 'the sitemap',
      path: `${p}/sitemap-index.xml`,
      expect: other('/sitemap-index.xml', 'application/xml; charset=utf-8'),
    },
    { name: 'a feed', path: `${p}/zh-hant/rss.xml`, expect: other('/zh-hant/rss.xml', 'application/xml; charset=utf-8') },
    { name: 'robots.txt', path: `${p}/robots.txt`, expect: other('/robots.txt', 'text/plain; charset=utf-8') },
    { name: 'the icon', path: `${p}/favicon.svg`, expect: other('/favicon.svg', 'image/svg+xml; charset=utf-8') },
    {
      name: 'the search data',
      path: `${p}/search/zh-hant.json`,
      expect: other('/search/zh-hant.json', 'application/json; charset=utf-8'),
    },
  ];
}
