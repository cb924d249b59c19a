/**
 * The local static server of `npm run serve`: serves `dist/` the way the
 * generated nginx configuration does, and is tested against it with the same
 * requests (tests/serve/). The path is read once (src/serving/request-path.ts)
 * and everything after it, file lookup and headers alike, uses that reading;
 * a file is served only if its real path is the one asked for, so no symbolic
 * link leads out. `send` (the library under Express's static files) does the
 * file transfer: ETag and Last-Modified with 304, Range with 206 and 416.
 */
import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import send from 'send';
import { parseRequestPath } from '../src/serving/request-path.ts';
import { contentType, isPrivate, precompressed, responseHeaders } from '../src/serving/static-site.ts';
import { normaliseBase } from '../src/site/urls.ts';

export interface StaticServerOptions {
  /** The built site (`dist/`). */
  dir: string;
  /** The base path it was built for (`SITE_BASE`): `/` or `/news/`. */
  base: string;
  /** Where failures go; the default is standard error. */
  log?: (line: string) => void;
}

interface Found {
  /** The file on disk. */
  file: string;
  /** Its path below the base, with a leading slash, as header rules see it. */
  path: string;
  stats: Stats;
}

const statusText: Record<number, string> = {
  301: 'Moved Permanently',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  416: 'Range Not Satisfiable',
  500: 'Internal Server Error',
};

/** Whether the client accepts an encoding (`br`, `gzip`) with a quality above zero. */
function accepts(header: string | undefined, encoding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (name.toLowerCase() !== encoding) return false;
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/** A server for `dist/`, not yet listening. Rejects if `dir` does not exist. */
export async function createStaticServer({ dir, base: rawBase, log = console.error }: StaticServerOptions): Promise<Server> {
  const root = await realpath(dir).catch(() => {
    throw new Error(`${dir} does not exist: run npm run build first`);
  });
  const base = normaliseBase(rawBase.startsWith('/') ? rawBase : `/${rawBase}`);

  /** The file at these segments below the root, if it is there and no symbolic link leads to it. */
  async function lookUp(segments: readonly string[]): Promise<Found | undefined> {
    const file = join(root, ...segments);
    const real = await realpath(file).catch(() => undefined);
    if (real !== file) return undefined;
    const stats = await stat(file).catch(() => undefined);
    return stats && { file, path: `/${segments.join('/')}`, stats };
  }

  /** The precompressed twin to send, and whether any twin exists (then the answer varies by Accept-Encoding). */
  async function twinOf(found: Found, request: IncomingMessage): Promise<{ file?: string; encoding?: string; varies: boolean }> {
    const segments = found.path.slice(1).split('/');
    const last = segments.pop() ?? '';
    let varies = false;
    for (const { encoding, suffix } of precompressed) {
      const twin = await lookUp([...segments, `${last}${suffix}`]);
      if (!twin?.stats.isFile()) continue;
      varies = true;
      if (accepts(request.headers['accept-encoding'], encoding)) return { file: twin.file, encoding, varies };
    }
    return { varies };
  }

  function setHeaders(response: ServerResponse, headers: Record<string, string>): void {
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  }

  /** A short answer the server makes itself: redirects and errors, with nothing from inside; the page headers unless `headers` are given. */
  function answer(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    headers: Record<string, string> = responseHeaders(undefined, status),
  ): void {
    const title = `${status} ${statusText[status] ?? 'Error'}`;
    const body = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
    setHeaders(response, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    response.statusCode = status;
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  function failed(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    const reason =
      error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
    log(`${new Date().toISOString()} ${request.method} ${JSON.stringify(request.url)} failed: ${reason}`);
    if (response.headersSent) response.destroy();
    else answer(request, response, 500);
  }

  /** The nearest 404.html above a folder, as static hosts pick it; the site's own for anything else. */
  async function notFound(request: IncomingMessage, response: ServerResponse, folder: readonly string[]): Promise<void> {
    for (let depth = folder.length; depth >= 0; depth--) {
      const page = await lookUp([...folder.slice(0, depth), '404.html']);
      if (!page?.stats.isFile()) continue;
      const twin = await twinOf(page, request);
      const size = twin.file ? (await stat(twin.file)).size : page.stats.size;
      setHeaders(response, { ...responseHeaders(page.path, 404), 'Content-Type': contentType(page.path) });
      if (twin.varies) response.setHeader('Vary', 'Accept-Encoding');
      if (twin.encoding) response.setHeader('Content-Encoding', twin.encoding);
      response.statusCode = 404;
      response.setHeader('Content-Length', size);
      if (request.method === 'HEAD') return void response.end();
      const stream = createReadStream(twin.file ?? page.file);
      // A read error is ours to log; a client that hangs up early is not an error.
      stream.on('error', (error) => failed(request, response, error));
      response.on('close', () => stream.destroy());
      stream.pipe(response);
      return;
    }
    answer(request, response, 404);
  }

  /** A file of the site, through `send`: conditional requests, ranges, and errors as our own answers. */
  async function serveFile(
    request: IncomingMessage,
    response: ServerResponse,
    found: Found,
    folder: readonly string[],
  ): Promise<void> {
    const twin = await twinOf(found, request);
    setHeaders(response, { ...responseHeaders(found.path, 200), 'Content-Type': contentType(found.path) });
    if (twin.varies) response.setHeader('Vary', 'Accept-Encoding');
    if (twin.encoding) response.setHeader('Content-Encoding', twin.encoding);
    const file = twin.file ?? found.file;
    // `send` decodes its path once more: escape the per-cent signs a file name may hold.
    const transfer = send(request, file.replaceAll('%', '%25'), {
      dotfiles: 'allow',
      index: false,
      extensions: false,
      cacheControl: false,
    });
    transfer.on(
      'directory',
      () => void notFound(request, response, folder).catch((error: unknown) => failed(request, response, error)),
    );
    transfer.on('error', (error: { status?: number; headers?: Record<string, string> }) => {
      if (response.headersSent) return failed(request, response, error);
      const status = error.status ?? 500;
      if (status === 404)
        return void notFound(request, response, folder).catch((cause: unknown) => failed(request, response, cause));
      if (status === 412 || status === 416) {
        return answer(request, response, status, { ...responseHeaders(found.path, status), ...error.headers });
      }
      return failed(request, response, error);
    });
    transfer.pipe(response);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Answers made before the file is known (400, 405) carry Allow, as nginx's do.
    const allow = { ...responseHeaders(undefined, 400), Allow: 'GET, HEAD' };
    const target = parseRequestPath(request.url ?? '', base);
    if (target.kind === 'bad') return answer(request, response, 400, allow);
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(request, response, 405, allow);
    if (target.kind === 'outside') return notFound(request, response, []);
    const known = target.segments.findIndex((segment) => segment === undefined);
    const segments = (known === -1 ? target.segments : target.segments.slice(0, known)) as string[];
    // A name that is not UTF-8 or a build file (`_headers`, `.br` twins): no such page.
    if (known !== -1) return notFound(request, response, segments);
    if (isPrivate(`/${segments.join('/')}`)) return notFound(request, response, []);
    const folder = target.folder ? segments : segments.slice(0, -1);
    const found = await lookUp(segments);
    if (found?.stats.isDirectory()) {
      if (!target.folder) {
        const location = `${base}${segments.map(encodeURIComponent).join('/')}${segments.length > 0 ? '/' : ''}${target.query}`;
        return answer(request, response, 301, { ...responseHeaders(undefined, 301), Location: location });
      }
      const index = await lookUp([...segments, 'index.html']);
      if (index?.stats.isFile()) return serveFile(request, response, index, folder);
    } else if (found?.stats.isFile() && !target.folder) {
      return serveFile(request, response, found, folder);
    }
    return notFound(request, response, folder);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => failed(request, response, error));
  });
}
