/**
 * The one module that knows Pagefind's files (`src/indexer/pagefind-format.ts`),
 * tested against files the installed Pagefind writes in this test run, not
 * against the module's own encoder.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setPagefindChunkSize } from '../../src/build/options.ts';
import { writeBundle } from '../../src/indexer/compact-fragments.ts';
import { bundleFileKind, pagefindVersion, readEntry, readFragment, type BundleFile } from '../../src/indexer/pagefind-format.ts';
import { checkSegmentation } from '../../src/indexer/pagefind-bundle.ts';
import { indexChunkPositions } from '../../src/indexer/pagefind-index.ts';
import { expandAnchors } from '../../src/search/fragment.ts';

const installed = (JSON.parse(await readFile('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version;

/** An article page as the site writes it: a body Pagefind indexes, paragraphs and headings with ids. */
function page(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((text, index) =>
    text.startsWith('## ') ? `<h2 id="h${index}">${text.slice(3)}</h2>` : `<p id="p${index + 1}">${text}</p>`,
  );
  return `<!doctype html><html lang="zh-Hant"><head><title>${title}</title></head><body><nav>導覽</nav><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>${body.join('')}</article></body></html>`;
}

const pages = [
  {
    path: 'zh-hant/articles/a/index.html',
    html: page('中俄關係不封頂', [
      '在與美國前總統川普舉行高層峰會僅數日之後，習近平會見俄羅斯總理米舒斯京。',
      '## 經濟現實',
      '雙方的貿易在制裁之下仍有增長，但能源合作面臨新的壓力。',
      '分析人士認為，這是北京在莫斯科與華盛頓之間尋求平衡的訊號。',
    ]),
  },
  {
    path: 'zh-hant/articles/b/index.html',
    html: page('冷戰式結盟', [
      '兩國強調雙邊關係不針對第三方，也不是冷戰時期的軍事同盟。',
      '## 國際體係',
      '學者指出國際秩序正在改變。',
    ]),
  },
  {
    // A long article: more word positions than one index chunk holds.
    path: 'zh-hant/articles/c/index.html',
    html: page(
      '長文',
      Array.from({ length: 300 }, () => '能源合作與貿易往來在制裁之下仍然持續增長。'),
    ),
  },
];

let files: BundleFile[] = [];

beforeAll(async () => {
  setPagefindChunkSize(indexChunkPositions(pages.length));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  for (const { path, html } of pages) await index.addHTMLFile({ sourcePath: path, content: html });
  files = (await index.getFiles()).files;
  await index.deleteIndex();
});

afterAll(async () => {
  await pagefind.close();
});

test('a small bundle gets small index chunks, a full one larger ones', () => {
  expect([2, 100, 250, 500, 1000, 1250, 5000].map(indexChunkPositions)).toEqual([2000, 2000, 2000, 4000, 8000, 8000, 8000]);
});

test('the installed Pagefind segments Chinese: the indexer’s probe passes, by what the index does', async () => {
  await expect(checkSegmentation()).resolves.toBeUndefined();
});

test(`the installed Pagefind is the version the format module was written for (${pagefindVersion})`, () => {
  // An upgrade of Pagefind: read its changes to fragment files, change src/indexer/pagefind-format.ts, then this version.
  expect(installed).toBe(pagefindVersion);
});

describe('the files Pagefind writes', () => {
  test('every file of a bundle is of a kind the module knows, and the entry names the version', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { path } of files) expect(() => bundleFileKind(path), path).not.toThrow();
    const entry = files.find(({ path }) => bundleFileKind(path) === 'entry');
    expect(entry && readEntry(entry.content).version).toBe(installed);
  });

  test('each fragment reads as the page it records: its URL, its text and each paragraph and heading with an id', () => {
    const fragments = files.filter(({ path }) => bundleFileKind(path) === 'fragment').map(({ content }) => readFragment(content));
    expect(fragments.map(({ url }) => url).sort()).toEqual([
      '/zh-hant/articles/a/',
      '/zh-hant/articles/b/',
      '/zh-hant/articles/c/',
    ]);
    const a = fragments.find(({ url }) => url === '/zh-hant/articles/a/');
    expect(a?.content.replace(/\u200B/g, '')).toContain('習近平會見俄羅斯總理米舒斯京');
    expect(a?.anchors.map(({ element, id }) => `${element}#${id}`)).toEqual(['p#p1', 'h2#h1', 'p#p3', 'p#p4']);
    expect(a?.anchors[1]?.text).toBe('經濟現實');
  });

  test("the word index is split into chunks of the size the indexer sets (Pagefind's default holds this site in one)", () => {
    const chunks = files.filter(({ path }) => bundleFileKind(path) === 'index');
    expect(chunks.length).toBeGreaterThan(1);
  });
});

describe('writeBundle', () => {
  test('writes fragments compacted and every other file Pagefind wrote as it is, but not its ready-made interfaces', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bundle-'));
    const report = await writeBundle(out, files);
    expect(report.fragments).toBe(3);
    const written = (await readdir(out, { recursive: true })).map(String);
    expect(written).not.toContain('pagefind-ui.js');
    for (const { path, content } of files) {
      const kind = bundleFileKind(path);
      if (kind === 'ui') continue;
      const bytes = await readFile(join(out, path));
      if (kind !== 'fragment') {
        expect(Buffer.compare(bytes, Buffer.from(content)), path).toBe(0);
        continue;
      }
      // The browser gets back exactly the anchor texts Pagefind stored.
      const original = readFragment(content);
      const compacted = readFragment(bytes);
      // Smaller for an article's text; gzip alone already folds a text that repeats one sentence (c).
      if (original.url !== '/zh-hant/articles/c/') expect(bytes.length, path).toBeLessThan(content.length);
      expect(compacted.url).toBe(original.url);
      expect(compacted.content).toBe(original.content.replace(/\u200B/g, ''));
      expect(expandAnchors(compacted.content, compacted.anchors)).toEqual(
        original.anchors.map(({ element, id, text }) => ({ element, id, text })),
      );
    }
  });

  test('a bundle written by another Pagefind version stops the build with what to do', async () => {
    const entry = files.find(({ path }) => path === 'pagefind-entry.json');
    const other = { ...readEntry(entry?.content ?? '{}'), version: '9.9.9' };
    const changed = files.map((file) =>
      file === entry ? { path: file.path, content: Buffer.from(JSON.stringify(other)) } : file,
    );
    await expect(writeBundle(await mkdtemp(join(tmpdir(), 'bundle-')), changed)).rejects.toThrow(
      /Pagefind 9\.9\.9 wrote this index; src\/indexer\/pagefind-format\.ts reads Pagefind 1\.6\.0/,
    );
  });
});
