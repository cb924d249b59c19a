/**
 * The nginx `server` block for `dist/`, generated from the same data as
 * `_headers` and the local server (src/serving/security.ts, static-site.ts), so
 * the three cannot drift apart. docs/nginx.conf is its output for the root;
 * `npm run nginx-conf -- --base /guoji/` prints it for a sub-path, and
 * tests/serve runs it under Debian's nginx.
 */
import { scripts } from '../site/scripts.ts';
import { contentTypes, defaultContentType, immutablePattern, privatePattern } from './static-site.ts';
import { assetCacheControl, assetHeaders, pageHeaders } from './security.ts';
import { normaliseBase } from '../site/urls.ts';

export interface NginxOptions {
  /** The site's base path, as built (`SITE_BASE`): `/` or `/news/`. */
  base: string;
  /** nginx's `root`: `dist/` itself for `/`; for `/news/`, the folder that holds `dist/` renamed `news/`. */
  root: string;
  /** nginx's `listen`. */
  listen: string;
  serverName: string;
}

export const defaultNginxOptions: NginxOptions = {
  base: '/',
  root: '/srv/guoji-shiping/dist',
  listen: '80',
  serverName: 'news.example.org',
};

const quote = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;

const addHeaders = (headers: Readonly<Record<string, string>>, always = true): string[] =>
  Object.entries(headers).map(([name, value]) => `add_header ${name} ${quote(value)}${always ? ' always' : ''};`);

const indent = (lines: string[], depth = 1): string[] => lines.map((line) => (line === '' ? '' : `${'  '.repeat(depth)}${line}`));

function validBase(base: string): string {
  const normalised = normaliseBase(base.startsWith('/') ? base : `/${base}`);
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(normalised) || /\/\.\.?\//.test(normalised))
    throw new Error(`nginx-conf: the base "${base}" is not a plain path such as /news/`);
  return normalised;
}

/** The `server { … }` block, with a header saying where it comes from and what to change. */
export function nginxConf(options: NginxOptions = defaultNginxOptions): string {
  const base = validBase(options.base);
  const prefix = base.slice(0, -1);
  const textTypes = [...new Set(Object.values(contentTypes).flatMap(({ type, text }) => (text ? [type] : [])))];
  const site = [
    `location ${base} {`,
    ...indent([
      ...addHeaders(pageHeaders),
      '',
      '# Hashed assets and Pagefind chunks never change under the same name; never an HTML file.',
      `location ~* ${quote(immutablePattern(prefix))} {`,
      ...indent(addHeaders(assetHeaders)),
      '  # Without `always`: only on 200, 206 and 304, so that an error is never cached for a year.',
      ...indent(addHeaders({ 'Cache-Control': assetCacheControl }, false)),
      '}',
      ...scripts.flatMap((script) => [
        '',
        `# The not-found page of ${script}/ is in its own script.`,
        `location ${base}${script}/ {`,
        `  error_page 404 ${base}${script}/404.html;`,
        `  error_page 403 =404 ${base}${script}/404.html;`,
        '}',
      ]),
    ]),
    '}',
  ];
  const outside =
    base === '/'
      ? []
      : [
          '',
          `# Nothing outside ${base} is served; ${prefix} is the site's folder without its slash.`,
          'location / {',
          ...indent(addHeaders(pageHeaders)),
          '  return 404;',
          '}',
          `location = ${prefix} {`,
          ...indent(addHeaders(pageHeaders)),
          `  return 301 ${base}$is_args$args;`,
          '}',
        ];
  const lines = [
    `# 國際時評 on nginx, for a build with SITE_BASE=${base}.`,
    '# Generated from src/serving/security.ts and src/serving/static-site.ts by',
    `#   npm run nginx-conf${base === '/' ? '' : ` -- --base ${base}`}`,
    '# and tested against Debian nginx by tests/serve/ (npm test). Do not edit by hand.',
    '#',
    '# Goes inside http {} (Debian: a file in /etc/nginx/sites-enabled/). Needs the brotli_static',
    '# module (Debian: apt-get install nginx libnginx-mod-http-brotli-static).',
    '# Change listen (add TLS), server_name and root.',
    'server {',
    ...indent([
      `listen ${options.listen};`,
      `server_name ${options.serverName};`,
      base === '/'
        ? '# The built dist/ folder.'
        : `# The folder that holds the built dist/, renamed ${base.slice(1, -1)}/ (the site is at ${base}).`,
      `root ${options.root};`,
      '',
      'server_tokens off;',
      '# No file is served through a symbolic link. Every folder of the path is checked, the root',
      '# too: give root as a real path. (Not `from=$document_root`: brotli_static then serves nothing.)',
      'disable_symlinks on;',
      '# Redirects are relative (Location: /zh-hant/), never built from the Host header.',
      'absolute_redirect off;',
      'autoindex off;',
      'index index.html;',
      '',
      '# dist/ holds .br and .gz twins of its text files, written at build time: nothing is compressed per request.',
      'brotli_static on;',
      'gzip_static on;',
      'gzip_vary on;',
      'gzip off;',
      '',
      '# The same media types as npm run serve; nothing else is guessed.',
      'types {',
      ...indent(Object.entries(contentTypes).map(([extension, { type }]) => `${type} ${extension};`)),
      '}',
      `default_type ${defaultContentType};`,
      'charset utf-8;',
      `charset_types ${textTypes.join(' ')};`,
      '',
      '# Responses made before a location is chosen (405 below, 400 for a path above the root)',
      '# carry the page headers too.',
      ...addHeaders({ ...pageHeaders, Allow: 'GET, HEAD' }),
      '',
      'if ($request_method !~ ^(?:GET|HEAD)$) {',
      '  return 405;',
      '}',
      '# Files of the build that are not part of the site: dot files, _headers, the .br/.gz twins.',
      `if ($uri ~ ${quote(privatePattern(prefix))}) {`,
      '  return 404;',
      '}',
      '',
      `error_page 404 ${base}404.html;`,
      '# A folder without index.html, or a symbolic link: not found, rather than forbidden.',
      `error_page 403 =404 ${base}404.html;`,
      '',
      ...site,
      ...outside,
    ]),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
