/**
 * The pages checked and compressed as Astro writes them
 * (`src/checks/during-render.ts`), on its real worker thread, then taken or
 * refused by the publish checks and the twins phase after the render: a page
 * is let through only as the bytes that passed, a twin only as made from
 * the file's bytes, whatever the thread saw.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { precompress } from '../../src/build/precompress.ts';
import { checkBuiltSite } from '../../src/checks/built-site.ts';
import { fileOfPath, startDuringRender, type DuringRenderOptions } from '../../src/checks/during-render.ts';
import type { DuringRender } from '../../src/build/state.ts';
import type { Script } from '../../src/site/scripts.ts';

const workerFile = join(import.meta.dirname, '..', '..', 'src', 'checks', 'during-render-worker.ts');
const bytesOf = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer;
const articlePage = (lang: string, body: string): string =>
  `<html lang="${lang}"><head><title>t</title></head><body><div class="article__body"><p>${body}</p></div></body></html>`;

/** A worker started as the build starts it, with the texts fixed so far in `fixedLog` (appended to by a test). */
function start(
  staged: string,
  {
    base = '/',
    lengths = {},
    fixedLog = { 'zh-hant': [], 'zh-hans': [] },
  }: {
    base?: string;
    lengths?: Record<string, number>;
    fixedLog?: Record<Script, string[]>;
  } = {},
) {
  const options: DuringRenderOptions = {
    workerFile,
    staged,
    base,
    guards: true,
    expectedLength: (file) => lengths[file.replace(/index\.html$/, '')],
    fixedSince: (noted) => ({
      'zh-hant': fixedLog['zh-hant'].slice(noted['zh-hant']),
      'zh-hans': fixedLog['zh-hans'].slice(noted['zh-hans']),
    }),
  };
  return startDuringRender(options);
}

/** Hands a file to the thread as the middleware does, if the thread takes it. */
function offer(during: DuringRender, path: string, bytes: ArrayBuffer): void {
  during.take(path)?.(bytes);
}

/** Writes files (path → content) into `root`. */
async function writeSite(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** The problems the publish checks name on the pages (not the site-wide ones this small site has). */
async function pageProblems(site: string, rendered: Parameters<typeof checkBuiltSite>[0]['rendered']) {
  const result = await checkBuiltSite({ site, base: '/', guards: true, rendered, published: [] });
  return {
    problems: result.problems.filter((problem) => /^zh-han[st]\//.test(problem)),
    passedAsWritten: result.passedAsWritten,
  };
}

describe('pages checked as Astro writes them', () => {
  test('a page that passed is not checked again; one that failed, or changed since, is, and its problem is named', async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-during-render-'));
    try {
      const during = start(join(work, 'staged'), { lengths: { 'zh-hans/articles/a/': 6 } });
      const written = {
        'zh-hans/articles/a/index.html': articlePage('zh-Hans', '会见米舒斯京'),
        'zh-hans/articles/b/index.html': articlePage('zh-Hans', '會见米舒斯京'),
        'zh-hant/articles/a/index.html': articlePage('zh-Hant', '會見米舒斯京'),
      };
      for (const [file, page] of Object.entries(written)) offer(during, `/${file.replace(/index\.html$/, '')}`, bytesOf(page));
      const report = await during.finish();
      expect(report).toMatchObject({ checked: 3, left: 0 });
      expect([...report.passed.keys()].sort()).toEqual(['zh-hans/articles/a/index.html', 'zh-hant/articles/a/index.html']);

      // On disk, the Traditional page is not what passed: a character of the other script came in after.
      const site = join(work, 'site');
      await writeSite(site, { ...written, 'zh-hant/articles/a/index.html': articlePage('zh-Hant', '會見米舒斯京发') });
      const fixed = { 'zh-hant': new Set<string>(), 'zh-hans': new Set<string>() };
      const { problems, passedAsWritten } = await pageProblems(site, {
        fixed,
        bodyLengths: new Map([['zh-hans/articles/a/', 6]]),
        passedAsWritten: report.passed,
      });
      expect(passedAsWritten).toBe(1);
      expect(problems.sort()).toEqual([
        'zh-hans/articles/b/index.html: character 「會」 of another script than zh-hans in 「會见米舒斯京」',
        'zh-hant/articles/a/index.html: character 「发」 of another script than zh-hant in 「會見米舒斯京发」',
      ]);

      // The same bytes with another body length to meet are checked again: the length was part of what passed.
      const other = await pageProblems(site, {
        fixed,
        bodyLengths: new Map([['zh-hans/articles/a/', 7]]),
        passedAsWritten: report.passed,
      });
      expect(other.passedAsWritten).toBe(0);
      expect(other.problems).toContain(
        'zh-hans/articles/a/index.html: the article body has 6 characters of text, its conversion 7: text was lost or added',
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('a page is checked with every text fixed before it was written, none after: the checks after the render let the rest stand', async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-during-render-'));
    try {
      const fixedLog: Record<Script, string[]> = { 'zh-hant': [], 'zh-hans': [] };
      const during = start(join(work, 'staged'), { fixedLog });
      // 會見 kept in Traditional on a Simplified page by a rule: noted as the second page rendered, not the first.
      const pages = {
        'zh-hans/articles/first/index.html': articlePage('zh-Hans', '他在北京會見米舒斯京'),
        'zh-hans/articles/second/index.html': articlePage('zh-Hans', '會見之后'),
        'zh-hans/articles/third/index.html': articlePage('zh-Hans', '再次會見'),
      };
      offer(during, '/zh-hans/articles/first/', bytesOf(pages['zh-hans/articles/first/index.html']));
      fixedLog['zh-hans'].push('會見');
      offer(during, '/zh-hans/articles/second/', bytesOf(pages['zh-hans/articles/second/index.html']));
      offer(during, '/zh-hans/articles/third/', bytesOf(pages['zh-hans/articles/third/index.html']));
      const report = await during.finish();
      expect([...report.passed.keys()].sort()).toEqual([
        'zh-hans/articles/second/index.html',
        'zh-hans/articles/third/index.html',
      ]);

      const site = join(work, 'site');
      await writeSite(site, pages);
      const { problems, passedAsWritten } = await pageProblems(site, {
        fixed: { 'zh-hant': new Set(), 'zh-hans': new Set(['會見']) },
        bodyLengths: new Map(),
        passedAsWritten: report.passed,
      });
      expect(problems).toEqual([]);
      expect(passedAsWritten).toBe(2);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('the file a URL path is written to, under the site base, by its decoded name', () => {
    expect(fileOfPath('/news/', '/news/')).toBe('index.html');
    expect(fileOfPath('/news/zh-hant/articles/a/', '/news/')).toBe('zh-hant/articles/a/index.html');
    expect(fileOfPath('/news/zh-hant/404', '/news/')).toBe('zh-hant/404.html');
    expect(fileOfPath('/news/zh-hant/rss.xml', '/news/')).toBe('zh-hant/rss.xml');
    expect(fileOfPath('/news/zh-hant/authors/%E5%BC%B5%E4%B8%89/', '/news/')).toBe('zh-hant/authors/張三/index.html');
    expect(fileOfPath('/elsewhere/', '/news/')).toBeUndefined();
    expect(fileOfPath('/news/%E5%BC/', '/news/')).toBeUndefined();
  });
});

describe('twins made as Astro writes the files', () => {
  const expectTwinsOf = async (file: string): Promise<void> => {
    const text = await readFile(file, 'utf8');
    expect(brotliDecompressSync(await readFile(`${file}.br`)).toString(), file).toBe(text);
    expect(gunzipSync(await readFile(`${file}.gz`)).toString(), file).toBe(text);
  };

  test('are taken for the files with the bytes they were made from, the same twins as made after; a file changed since is compressed again', async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-during-render-'));
    const [site, staged, plain] = ['site', 'staged', 'plain'].map((name) => join(work, name)) as [string, string, string];
    const files = {
      'zh-hant/index.html': '<p>國際時評</p>'.repeat(200),
      'zh-hans/articles/a/index.html': '<p>国际时评</p>'.repeat(150),
      'zh-hant/404.html': '<p>找不到這一頁</p>'.repeat(40),
      'zh-hant/rss.xml': '<item><title>時評</title></item>'.repeat(60),
      'search/zh-hant.json': JSON.stringify({ words: Array.from({ length: 300 }, (_, at) => `詞${at}`) }),
    };
    try {
      const during = start(staged, { base: '/news/' });
      // As Astro names them, under the base: a page by its folder or without its extension. Only pages and feeds are
      // compressed as they are written: not the search data, nor a photo.
      for (const [path, name] of [
        ['/news/zh-hant/', 'zh-hant/index.html'],
        ['/news/zh-hans/articles/a/', 'zh-hans/articles/a/index.html'],
        ['/news/zh-hant/404', 'zh-hant/404.html'],
        ['/news/zh-hant/rss.xml', 'zh-hant/rss.xml'],
        ['/news/search/zh-hant.json', 'search/zh-hant.json'],
      ] as const)
        offer(during, path, bytesOf(files[name]));
      offer(during, '/news/zh-hant/changed/', bytesOf('<p>更正前</p>'.repeat(100)));
      offer(during, '/news/photo.png', bytesOf('not text'.repeat(100)));
      // What the thread does not take, the middleware does not read.
      for (const path of ['/news/search/zh-hant.json', '/news/photo.png', '/elsewhere/'])
        expect(during.take(path), path).toBeUndefined();
      expect(await during.finish()).toMatchObject({ staged: 5, left: 0 });

      const written = { ...files, 'zh-hant/changed/index.html': '<p>更正後</p>'.repeat(100) };
      await writeSite(site, written);
      await cp(site, plain, { recursive: true });
      const result = await precompress(site, { staged });
      expect(result.bytes.staged).toBe(4);
      await expect(stat(staged)).rejects.toThrow(/ENOENT/);
      // The oracle: the same files compressed after, with nothing staged.
      const after = await precompress(plain);
      expect(after.bytes).toEqual({ ...result.bytes, staged: 0 });
      for (const name of Object.keys(written)) {
        await expectTwinsOf(join(site, name));
        for (const suffix of ['.br', '.gz'])
          expect(await readFile(join(site, `${name}${suffix}`)), `${name}${suffix}`).toEqual(
            await readFile(join(plain, `${name}${suffix}`)),
          );
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('hold only so many pages at once: the rest are left to the phases after the render, which check and compress them', async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-during-render-'));
    const [site, staged] = [join(work, 'site'), join(work, 'staged')];
    const pages = Array.from({ length: 300 }, (_, at) => articlePage('zh-Hant', `第${at}篇：國際時評`.repeat(100 + at)));
    try {
      const during = start(staged);
      // Offered faster than one thread takes them, as Astro writes while the second core is busy.
      for (const [at, page] of pages.entries()) offer(during, `/zh-hant/articles/${at}/`, bytesOf(page));
      const report = await during.finish();
      expect(report.checked + report.left).toBe(pages.length);
      expect(report.staged).toBe(report.checked);
      expect(report.left).toBeGreaterThan(0);
      expect(report.passed.size).toBe(report.checked);
      expect((await readdir(staged)).length).toBe(report.staged * 2);
      await writeSite(site, Object.fromEntries(pages.map((page, at) => [`zh-hant/articles/${at}/index.html`, page])));
      const checks = await pageProblems(site, {
        fixed: { 'zh-hant': new Set(), 'zh-hans': new Set() },
        bodyLengths: new Map(),
        passedAsWritten: report.passed,
      });
      expect(checks).toEqual({ problems: [], passedAsWritten: report.checked });
      const result = await precompress(site, {
        staged,
        workerFile: join(import.meta.dirname, '..', '..', 'src', 'build', 'precompress-worker.ts'),
      });
      expect(result.bytes.staged).toBe(report.staged);
      for (const at of pages.keys()) await expectTwinsOf(join(site, 'zh-hant', 'articles', `${at}`, 'index.html'));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('pages taken and not yet handed over count against the bound', async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-during-render-'));
    try {
      const during = start(join(work, 'staged'));
      const hands = Array.from({ length: 32 }, (_, at) => during.take(`/zh-hant/articles/${at}/`));
      expect(hands.every((hand) => hand !== undefined)).toBe(true);
      expect(during.take('/zh-hant/articles/32/')).toBeUndefined();
      hands.forEach((hand, at) => hand?.(bytesOf(articlePage('zh-Hant', `第${at}篇`))));
      expect(await during.finish()).toMatchObject({ checked: 32, left: 1 });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('a failure on the thread is named, stops it taking pages, and loses nothing: the twins phase compresses what it left', async () => {
    const work = await mkdtemp(join(tmpdir(), 'guoji-during-render-'));
    const [site, staged] = [join(work, 'site'), join(work, 'staged')];
    const page = '<p>國際時評</p>'.repeat(200);
    try {
      const during = start(staged);
      // The cache's folder gone under the thread: the twins cannot be written there.
      await rm(staged, { recursive: true });
      offer(during, '/zh-hant/', bytesOf(page));
      // Until its answer comes back, the thread takes pages (and fails on each); none once it has failed.
      for (let hand = during.take('/zh-hant/about/'); hand !== undefined; hand = during.take('/zh-hant/about/')) {
        hand(bytesOf(page));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const report = await during.finish();
      expect(report).toMatchObject({ staged: 0, checked: 0, left: 1 });
      expect(report.stopped).toMatch(/ENOENT.*staged/);

      await writeSite(site, { 'zh-hant/index.html': page, 'zh-hant/about/index.html': page });
      const result = await precompress(site, { staged });
      expect(result.bytes.staged).toBe(0);
      await expectTwinsOf(join(site, 'zh-hant', 'index.html'));
      await expectTwinsOf(join(site, 'zh-hant', 'about', 'index.html'));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
