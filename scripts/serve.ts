/**
 * `npm start` serves `dist/` on localhost the way a static host does:
 * folders as `index.html`, the nearest `404.html` for a missing page, the
 * headers of `dist/_headers` (CSP, caching), gzip or brotli for text, and
 * the site under its base path (`SITE_BASE=/news/`).
 *
 * Usage: node scripts/serve.ts [--dir dist] [--port 4321] [--base /]
 */
import './check-runtime.mjs';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/lib/headers-file.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: process.env['PORT'] ?? '4321' },
    base: { type: 'string', default: process.env['SITE_BASE'] ?? '/' },
  },
});
const dir = resolve(values.dir);
const base = values.base.replace(/\/?$/, '/');
const port = Number(values.port);

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};
const compressible = /^(text\/|application\/(json|xml)|image\/svg)/;

let rules: HeaderRule[] = [];
try {
  rules = parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8'));
} catch {
  // No _headers file: serve without extra headers.
}

async function findFile(path: string): Promise<{ file: string; status: number } | { redirect: string } | undefined> {
  const candidate = join(dir, path);
  if (!candidate.startsWith(dir)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return { file: candidate, status: 200 };
  if (info?.isDirectory()) {
    if (path !== '' && !path.endsWith('/')) return { redirect: `${base}${path}/` };
    const index = join(candidate, 'index.html');
    if (await stat(index).catch(() => undefined)) return { file: index, status: 200 };
  }
  return undefined;
}

async function notFound(path: string): Promise<string | undefined> {
  const segments = path.split('/').filter(Boolean);
  for (let depth = segments.length; depth >= 0; depth--) {
    const page = join(dir, ...segments.slice(0, depth), '404.html');
    if (await stat(page).catch(() => undefined)) return page;
  }
  return undefined;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = '';
  }
  if (`${pathname}/` === base) {
    response.writeHead(301, { Location: base }).end();
    return;
  }
  const inside = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
  const found = inside === undefined ? undefined : await findFile(inside);
  if (found && 'redirect' in found) {
    response.writeHead(301, { Location: found.redirect + url.search }).end();
    return;
  }
  const file = found?.file ?? (await notFound(inside ?? ''));
  const status = found?.status ?? 404;
  if (file === undefined) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
    return;
  }
  const type = types[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, ...headersFor(rules, pathname) };
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (compressible.test(type) && /\b(br|gzip)\b/.test(accepts)) {
    const body = await readFile(file);
    const useBrotli = /\bbr\b/.test(accepts);
    headers['Content-Encoding'] = useBrotli ? 'br' : 'gzip';
    headers['Vary'] = 'Accept-Encoding';
    response
      .writeHead(status, headers)
      .end(request.method === 'HEAD' ? undefined : useBrotli ? brotliCompressSync(body) : gzipSync(body));
    return;
  }
  response.writeHead(status, headers);
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    response.writeHead(500).end(String(error));
  });
}).listen(port, '127.0.0.1', () => {
  console.log(`Serving ${values.dir} at http://localhost:${port}${base}  (Ctrl+C to stop)`);
});
