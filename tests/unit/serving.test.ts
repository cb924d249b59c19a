/**
 * The pure parts of serving: how a request target is read, which files are
 * private or immutable (the same regular expressions nginx gets), the nginx
 * configuration in docs/ being the generated one, and the build's
 * compressed twins. The servers themselves are probed in tests/serve/.
 */
import { link, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { nginxConf } from '../../src/serving/nginx-conf.ts';
import { precompress } from '../../src/build/precompress.ts';
import { parseRequestPath } from '../../src/serving/request-path.ts';
import { pageHeaders } from '../../src/serving/security.ts';
import {
  contentType,
  immutablePattern,
  isImmutable,
  isPrivate,
  privatePattern,
  responseHeaders,
} from '../../src/serving/static-site.ts';

describe('reading a request target', () => {
  test('percent escapes are decoded once, slashes included, and dot segments resolved', () => {
    expect(parseRequestPath('/x%2f..%2fzh-hant%2findex.html', '/')).toEqual({
      kind: 'inside',
      segments: ['zh-hant', 'index.html'],
      folder: false,
      query: '',
    });
    expect(parseRequestPath('/%252e%252e/a', '/')).toMatchObject({ segments: ['%2e%2e', 'a'] });
  });

  test('a .. above the root, a NUL byte or a malformed escape is a bad request', () => {
    for (const target of ['/..%2fsecret', '/a/../../b', '/%2e%2e/x', '/a%00b', '/a%zz', '/a%2', 'relative', 'http://host/a'])
      expect(parseRequestPath(target, '/'), target).toEqual({ kind: 'bad' });
  });

  test('a backslash is part of a name, and empty segments vanish', () => {
    expect(parseRequestPath('/%5Cevil.example/..%2Fzh-hant', '/')).toMatchObject({ segments: ['zh-hant'], folder: false });
    expect(parseRequestPath('//evil.example/..//zh-hant//', '/')).toMatchObject({ segments: ['zh-hant'], folder: true });
  });

  test('a segment that is not UTF-8 is kept apart, not guessed', () => {
    expect(parseRequestPath('/zh-hant/%c0%ae%c0%ae/x', '/')).toMatchObject({ segments: ['zh-hant', undefined, 'x'] });
    expect(parseRequestPath('/zh-hant/%E4%B8%AD', '/')).toMatchObject({ segments: ['zh-hant', '中'] });
  });

  test('under a base, paths outside it are outside, and the base without its slash is its folder', () => {
    expect(parseRequestPath('/news/..%2fnews-secret.txt', '/news/')).toEqual({ kind: 'outside' });
    expect(parseRequestPath('/other/', '/news/')).toEqual({ kind: 'outside' });
    expect(parseRequestPath('/news', '/news/')).toEqual({ kind: 'inside', segments: [], folder: false, query: '' });
    expect(parseRequestPath('/news/zh-hant/.', '/news/')).toMatchObject({ segments: ['zh-hant'], folder: true });
  });

  test('the query is kept, with anything unprintable escaped', () => {
    expect(parseRequestPath('/a?q=1&b=%0d%0a', '/')).toMatchObject({ query: '?q=1&b=%0d%0a' });
    expect(parseRequestPath('/a?q=\r\n\u00e4 x', '/')).toMatchObject({ query: '?q=%0D%0A%E4%20x' });
  });
});

describe('which files are what', () => {
  test('build files are private; pages, assets and dot-free names are not', () => {
    for (const path of ['/_headers', '/_redirects', '/.env', '/zh-hant/.git/config', '/index.html.br', '/a/b.css.gz'])
      expect(isPrivate(path), path).toBe(true);
    for (const path of ['/', '/zh-hant/index.html', '/_astro/a.1.css', '/zh-hant/_headers', '/a.brand', '/robots.txt'])
      expect(isPrivate(path), path).toBe(false);
  });

  test('hashed assets are immutable, an HTML file never, whatever its case', () => {
    for (const path of [
      '/_astro/a.1.css',
      '/pagefind/zh-hant/index/zh_1.pf_index',
      '/pagefind/zh-hans-2024/fragment/x.pf_fragment',
      '/pagefind/zh-hant/p.pf_meta',
    ])
      expect(isImmutable(path), path).toBe(true);
    for (const path of [
      '/_astro/',
      '/_astro/x.html',
      '/_astro/X.HTML',
      '/_astro/a/b.js',
      '/pagefind/zh-hant/pagefind.js',
      '/zh-hant/index.html',
    ])
      expect(isImmutable(path), path).toBe(false);
  });

  test('nginx gets the same expressions, under the base', () => {
    const conf = nginxConf({ base: '/news/', root: '/srv', listen: '80', serverName: 'x' });
    const unquote = (text: string): string => text.replace(/\\\\/g, '\\');
    expect(conf).toContain(`location ~* "${immutablePattern('/news').replace(/\\/g, '\\\\')}"`);
    expect(conf).toContain(`if ($uri ~ "${privatePattern('/news').replace(/\\/g, '\\\\')}")`);
    const asset = new RegExp(unquote(immutablePattern('/news')), 'i');
    expect(asset.test('/news/_astro/a.1.css')).toBe(true);
    expect(asset.test('/_astro/a.1.css')).toBe(false);
  });

  test('responses carry the page headers unless they are an asset that was found', () => {
    expect(responseHeaders('/zh-hant/index.html', 200)).toEqual(pageHeaders);
    expect(responseHeaders(undefined, 405)).toEqual(pageHeaders);
    expect(responseHeaders('/_astro/a.1.css', 200)['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(responseHeaders('/_astro/a.1.css', 416)['Cache-Control']).toBeUndefined();
    expect(contentType('/a/B.HTML')).toBe('text/html; charset=utf-8');
    expect(contentType('/pagefind/wasm.unknown.pagefind')).toBe('application/octet-stream');
  });
});

describe('the nginx configuration', () => {
  test('docs/nginx.conf is exactly what npm run nginx-conf writes (run it to update the file)', async () => {
    const documented = await readFile(new URL('../../docs/nginx.conf', import.meta.url), 'utf8');
    expect(documented).toBe(nginxConf());
  });

  test('has the fixes: no version, no symbolic links, relative redirects, 403 as 404', () => {
    const conf = nginxConf();
    for (const line of ['server_tokens off;', 'disable_symlinks on;', 'absolute_redirect off;', 'error_page 403 =404 /404.html;'])
      expect(conf).toContain(line);
    expect(conf).toContain(`add_header Content-Security-Policy "${pageHeaders['Content-Security-Policy']}" always;`);
  });

  test('refuses a base that is not a plain path', () => {
    for (const base of ['/a b/', '/../', '/x;y/', '/"/'])
      expect(() => nginxConf({ base, root: '/srv', listen: '80', serverName: 'x' }), base).toThrow(/not a plain path/);
  });
});

describe('compressed twins', () => {
  test('every text file gets a .br and a .gz that decompress to it; others, links and tiny files none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guoji-precompress-'));
    try {
      const page = '<p>國際時評</p>'.repeat(200);
      await mkdir(join(dir, 'zh-hant'));
      await writeFile(join(dir, 'zh-hant', 'index.html'), page);
      await writeFile(join(dir, 'tiny.txt'), 'a');
      await writeFile(join(dir, 'chunk.pf_fragment'), page);
      await writeFile(join(dir, '_headers'), page);
      await symlink('zh-hant/index.html', join(dir, 'link.html'));
      const result = await precompress(dir);
      expect(result.files).toBe(2);
      expect(brotliDecompressSync(await readFile(join(dir, 'zh-hant', 'index.html.br'))).toString()).toBe(page);
      expect(gunzipSync(await readFile(join(dir, 'zh-hant', 'index.html.gz'))).toString()).toBe(page);
      for (const missing of ['tiny.txt.br', 'tiny.txt.gz', 'chunk.pf_fragment.gz', '_headers.gz', 'link.html.gz'])
        await expect(readFile(join(dir, missing)), missing).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('on worker threads, every one of many files gets its twins, and the bytes are counted once each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guoji-precompress-'));
    try {
      // More files than this thread compresses alone, each different, in folders as a site has them.
      const pages = Array.from({ length: 301 }, (_, at) => `<p>第${at}篇：國際時評</p>`.repeat(100 + at));
      await mkdir(join(dir, 'zh-hant', 'articles'), { recursive: true });
      for (const [at, page] of pages.entries()) await writeFile(join(dir, 'zh-hant', 'articles', `${at}.html`), page);
      const result = await precompress(dir, {
        workerFile: join(import.meta.dirname, '..', '..', 'src', 'build', 'precompress-worker.ts'),
      });
      expect(result.files).toBe(pages.length);
      expect(result.bytes.raw).toBe(pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0));
      let br = 0;
      let gzip = 0;
      for (const [at, page] of pages.entries()) {
        const file = join(dir, 'zh-hant', 'articles', `${at}.html`);
        const [brotliTwin, gzipTwin] = [await readFile(`${file}.br`), await readFile(`${file}.gz`)];
        expect(brotliDecompressSync(brotliTwin).toString(), file).toBe(page);
        expect(gunzipSync(gzipTwin).toString(), file).toBe(page);
        br += brotliTwin.length;
        gzip += gzipTwin.length;
      }
      expect(result.bytes).toMatchObject({ br, gzip });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('copies of the same script (one per search bundle) get the twins of the first, in files of their own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guoji-precompress-'));
    try {
      const script = 'export function search(query) { return query.trim(); }\n'.repeat(50);
      const other = 'export function highlight(text) { return text; }\n'.repeat(50);
      for (const bundle of ['zh-hant', 'zh-hant-1', 'zh-hans']) {
        await mkdir(join(dir, 'pagefind', bundle), { recursive: true });
        await writeFile(join(dir, 'pagefind', bundle, 'pagefind.js'), script);
      }
      await writeFile(join(dir, 'pagefind', 'zh-hans', 'pagefind-highlight.js'), other);
      const result = await precompress(dir);
      expect(result).toMatchObject({ files: 4, copied: 2 });
      let br = 0;
      let gzip = 0;
      for (const [name, text] of [
        ['zh-hant/pagefind.js', script],
        ['zh-hant-1/pagefind.js', script],
        ['zh-hans/pagefind.js', script],
        ['zh-hans/pagefind-highlight.js', other],
      ] as const) {
        const file = join(dir, 'pagefind', name);
        const [brotliTwin, gzipTwin] = [await readFile(`${file}.br`), await readFile(`${file}.gz`)];
        expect(brotliDecompressSync(brotliTwin).toString(), name).toBe(text);
        expect(gunzipSync(gzipTwin).toString(), name).toBe(text);
        br += brotliTwin.length;
        gzip += gzipTwin.length;
      }
      expect(result.bytes).toEqual({ raw: script.length * 3 + other.length, br, gzip, staged: 0 });
      const inode = async (file: string): Promise<number> => (await stat(file)).ino;
      expect(await inode(join(dir, 'pagefind', 'zh-hans', 'pagefind.js.br'))).not.toBe(
        await inode(join(dir, 'pagefind', 'zh-hant', 'pagefind.js.br')),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a rebuild takes the twins of the last build's unchanged files, and compresses the rest", async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-precompress-'));
    const before = join(work, 'before');
    const next = join(work, 'next');
    const pages = { same: '<p>國際時評</p>'.repeat(200), changed: '<p>新聞</p>'.repeat(200), linked: '<p>時評</p>'.repeat(200) };
    try {
      for (const site of [before, next]) await mkdir(join(site, 'zh-hant'), { recursive: true });
      for (const [name, page] of Object.entries(pages)) await writeFile(join(before, 'zh-hant', `${name}.html`), page);
      await precompress(before);
      // A linked page whose twins the last build lost, or one of them, is compressed again.
      await writeFile(join(before, 'no-twins.html'), pages.same);
      await writeFile(join(before, 'half.html'), pages.changed);
      await precompress(before);
      await rm(join(before, 'no-twins.html.br'));
      await rm(join(before, 'no-twins.html.gz'));
      await rm(join(before, 'half.html.gz'));
      await link(join(before, 'half.html'), join(next, 'half.html'));
      await writeFile(join(next, 'zh-hant', 'same.html'), pages.same);
      await writeFile(join(next, 'zh-hant', 'changed.html'), pages.changed.replace('新聞', '時評'));
      await link(join(before, 'zh-hant', 'linked.html'), join(next, 'zh-hant', 'linked.html'));
      await link(join(before, 'no-twins.html'), join(next, 'no-twins.html'));
      await writeFile(join(next, 'new.html'), pages.linked);

      const result = await precompress(next, {
        previous: before,
        linked: new Set(['zh-hant/linked.html', 'no-twins.html', 'half.html']),
      });
      expect(result).toMatchObject({ files: 6, reused: 2 });
      const inode = async (file: string): Promise<number> => (await stat(file)).ino;
      for (const twin of ['zh-hant/same.html.br', 'zh-hant/linked.html.gz'])
        expect(await inode(join(next, twin)), twin).toBe(await inode(join(before, twin)));
      // The half-kept twin was not linked: the new one is written into a file of its own, not into the last site's.
      expect(await inode(join(next, 'half.html.br'))).not.toBe(await inode(join(before, 'half.html.br')));
      for (const name of ['zh-hant/changed.html', 'no-twins.html', 'half.html', 'new.html']) {
        const page = await readFile(join(next, name), 'utf8');
        expect(brotliDecompressSync(await readFile(join(next, `${name}.br`))).toString(), name).toBe(page);
        expect(gunzipSync(await readFile(join(next, `${name}.gz`))).toString(), name).toBe(page);
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
