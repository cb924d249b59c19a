/**
 * The same probes against `npm run serve` and against Debian's nginx with the
 * generated configuration, over copies of both builds (the root one and the
 * one under /news/) with secrets and links planted around them. Needs
 * `npm run build` and `npm run build:subpath` first, and nginx installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFor, parseHeadersFile } from './headers-file.ts';
import { pageHeaders } from '../../src/serving/security.ts';
import { isImmutable } from '../../src/serving/static-site.ts';
import { startNginx, waitForPort, type RunningNginx } from '../../scripts/nginx-process.ts';
import { probes, type Probe } from './probes.ts';
import { prepareSites, type Site } from './sites.ts';

const root = resolve(import.meta.dirname, '..', '..');
const sites = await prepareSites(join(root, 'dist'), join(root, '.build', 'subpath-dist'));

/** Free ports from SERVE_TEST_PORT (default 4420) upwards. */
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = Number(process.env['SERVE_TEST_PORT'] ?? 4420); ports.length < count; port++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once('error', () => done(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) ports.push(port);
  }
  return ports;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, and with its content encoding undone. */
  raw: Buffer;
  body: Buffer;
}

/**
 * nginx 1.22 runs its header filter twice when it turns a 200 into a 416, so
 * each add_header line comes twice ("nosniff, nosniff"); the value is the same.
 */
function undoubled(status: number | undefined, headers: IncomingHttpHeaders): IncomingHttpHeaders {
  if (status !== 416) return headers;
  const once = Object.entries(headers).map(([name, value]) => [
    name,
    typeof value === 'string' ? value.replace(/^(.+), \1$/, '$1') : value,
  ]);
  return Object.fromEntries(once) as IncomingHttpHeaders;
}

function send(port: number, probe: Pick<Probe, 'method' | 'path' | 'headers'>): Promise<Answer> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: probe.method ?? 'GET', path: probe.path, headers: probe.headers ?? {}, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', fail);
        incoming.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = incoming.headers['content-encoding'];
          const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          done({ status: incoming.statusCode ?? 0, headers: undoubled(incoming.statusCode, incoming.headers), raw, body });
        });
      },
    );
    outgoing.on('error', fail);
    outgoing.end();
  });
}

const fileOf = (site: Site, path: string): Promise<Buffer> => readFile(join(site.dir, path));

/** What every answer must be, whatever was asked. */
function checkEveryAnswer(site: Site, answer: Answer): void {
  const headerText = JSON.stringify(answer.headers);
  for (const secret of sites.secrets) {
    expect(answer.raw.includes(secret), 'a secret in the body').toBe(false);
    expect(answer.body.includes(secret), 'a secret in the decoded body').toBe(false);
    expect(headerText.includes(secret), 'a secret in a header').toBe(false);
  }
  expect(answer.body.includes(site.nginxRoot), 'a path of the machine in the body').toBe(false);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['server'] ?? 'nginx', 'the server tells no version').toBe('nginx');
  expect(answer.headers['set-cookie']).toBeUndefined();
  const location = answer.headers['location'];
  if (location !== undefined) {
    expect(location, 'a redirect stays on the site').toMatch(/^\/(?![/\\])/);
    expect(location.startsWith(site.base) || `${location}/` === site.base).toBe(true);
  }
  if (String(answer.headers['content-type']).startsWith('text/html') || (answer.status >= 300 && answer.status !== 304)) {
    expect(answer.headers['cache-control'] ?? '', 'an HTML page or an error is never immutable').not.toContain('immutable');
  }
  if (String(answer.headers['content-type']).startsWith('text/html')) {
    expect(answer.headers['content-security-policy']).toBe(pageHeaders['Content-Security-Policy']);
  }
}

async function checkProbe(site: Site, port: number, probe: Probe): Promise<void> {
  const headers = { ...probe.headers };
  if (probe.conditional) {
    const first = await send(port, { path: probe.path });
    const validator = first.headers[probe.conditional === 'If-None-Match' ? 'etag' : 'last-modified'];
    expect(validator, 'the first answer has a validator').toBeTypeOf('string');
    headers[probe.conditional] = String(validator);
  }
  const answer = await send(port, { ...probe, headers });
  checkEveryAnswer(site, answer);
  const expected = probe.expect;
  expect(answer.status).toBe(expected.status);
  if ((expected.kind ?? 'page') === 'page') {
    for (const [name, value] of Object.entries(pageHeaders)) expect(answer.headers[name.toLowerCase()], name).toBe(value);
  } else {
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  }
  expect(answer.headers['allow']).toBe(expected.allow ? 'GET, HEAD' : undefined);
  expect(answer.headers['location']).toBe(expected.location);
  if (expected.contentType) expect(answer.headers['content-type']).toBe(expected.contentType);
  expect(answer.headers['content-encoding']).toBe(expected.encoding);
  if (expected.empty) expect(answer.raw.length).toBe(0);
  if (expected.generic) {
    expect(answer.body.length).toBeLessThan(1024);
    expect(answer.body.toString()).not.toMatch(/<html lang|Error:|\bat .+:\d+|node:|\/tmp\//);
  }
  if (expected.file !== undefined) {
    const file = await fileOf(site, expected.file);
    if (expected.unsatisfiable) {
      expect(answer.headers['content-range']).toBe(`bytes */${file.length}`);
    } else if (expected.slice) {
      const part = file.subarray(...expected.slice);
      const start = file.length - file.subarray(expected.slice[0]).length;
      expect(answer.headers['content-range']).toBe(`bytes ${start}-${start + part.length - 1}/${file.length}`);
      expect(answer.body.equals(part), 'the body is that part of the file').toBe(true);
    } else if (expected.empty) {
      if (!expected.encoding) expect(Number(answer.headers['content-length'])).toBe(file.length);
    } else {
      expect(answer.body.equals(file), `the body is ${expected.file}`).toBe(true);
    }
  }
}

const servers: { name: string; ports: Record<'root' | 'subpath', number> }[] = [];
const [serveRoot = 0, serveSubpath = 0, nginxRoot = 0, nginxSubpath = 0] = await freePorts(4);
servers.push({ name: 'npm run serve', ports: { root: serveRoot, subpath: serveSubpath } });
servers.push({ name: 'nginx', ports: { root: nginxRoot, subpath: nginxSubpath } });

const children: ChildProcess[] = [];
let nginx: RunningNginx | undefined;
let serveLog = '';

beforeAll(async () => {
  // The root server takes --port and --base; the sub-path one PORT and SITE_BASE, as `npm run serve` would.
  const script = join(root, 'scripts', 'serve.mjs');
  const launches: [string[], NodeJS.ProcessEnv][] = [
    [[script, '--dir', sites.root.dir, '--port', String(serveRoot), '--base', '/'], process.env],
    [[script, '--dir', sites.subpath.dir], { ...process.env, PORT: String(serveSubpath), SITE_BASE: '/news/' }],
  ];
  for (const [args, env] of launches) {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (serveLog += chunk.toString()));
    children.push(child);
  }
  await Promise.all([waitForPort(serveRoot, children[0]), waitForPort(serveSubpath, children[1])]);
  nginx = await startNginx([
    { base: '/', root: sites.root.nginxRoot, port: nginxRoot },
    { base: '/news/', root: sites.subpath.nginxRoot, port: nginxSubpath },
  ]);
}, 30_000);

afterAll(async () => {
  for (const child of children) child.kill();
  await nginx?.stop();
  await sites.remove();
});

for (const server of servers) {
  for (const site of [sites.root, sites.subpath]) {
    describe(`${server.name}, site at ${site.base}`, () => {
      const port = (): number => server.ports[site.name === 'root' ? 'root' : 'subpath'];
      for (const probe of probes(site)) {
        test(`${probe.name}: ${probe.method ?? 'GET'} ${probe.path}`, () => checkProbe(site, port(), probe));
      }

      test('every file of the build is served as it is, with at least the headers of _headers', async () => {
        const rules = parseHeadersFile(await readFile(join(site.dir, '_headers'), 'utf8'));
        for (const path of site.files.filter((name) => name !== '/_headers')) {
          // Author pages and the like have Han names: a request line carries them percent-encoded.
          const requestPath = path.split('/').map(encodeURIComponent).join('/');
          const answer = await send(port(), { path: `${site.prefix}${requestPath}` });
          checkEveryAnswer(site, answer);
          expect(answer.status, path).toBe(200);
          expect(answer.body.equals(await fileOf(site, path)), path).toBe(true);
          const lowerCase = Object.entries(headersFor(rules, `${site.prefix}${path}`)).map(([name, value]) => [
            name.toLowerCase(),
            value,
          ]);
          for (const [name = '', value] of lowerCase) expect(answer.headers[name], `${name} of ${path}`).toBe(value);
          expect(answer.headers['cache-control'], path).toBe(
            isImmutable(path) ? 'public, max-age=31536000, immutable' : pageHeaders['Cache-Control'],
          );
        }
      });
    });
  }
}

test('npm run serve logged no failure while answering all of that', () => {
  expect(serveLog).toBe('');
});
