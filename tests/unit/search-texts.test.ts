/**
 * The search texts kept across builds (`src/indexer/search-texts.ts`): an
 * unchanged article is read from the cache, not converted; a changed one,
 * another glossary, or an entry of the wrong shape is converted again; and
 * entries no build asked for are removed.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openSearchTextCache } from '../../src/indexer/search-texts.ts';
import type { ArticleInput } from '../../src/view/article-view.ts';

let cache: string;
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'guoji-search-texts-'));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

const article = (digest: string, title = '國際關係', glossary: ArticleInput['glossary'] = []): ArticleInput =>
  ({
    slug: 'a',
    digest,
    title,
    summary: '摘要',
    outlet: '經濟通',
    authors: [{ name: '范強', role: '記者' }],
    sources: [],
    sourceVariant: 'zh-TW',
    glossary,
    html: '<p>第一段。</p><h2>標題</h2><p>第二段。</p>',
  }) as unknown as ArticleInput;

test('texts are converted once, then read back as they were written', () => {
  const first = openSearchTextCache(cache);
  const made = first.texts(article('1'));
  expect(made[0]).toEqual({ 'zh-hant': '國際關係', 'zh-hans': '国际关系' });
  expect(made.at(-1)).toEqual({ 'zh-hant': '第一段。\n標題\n第二段。', 'zh-hans': '第一段。\n标题\n第二段。' });
  expect(first.finish()).toMatchObject({ kept: 0, converted: 1 });
  const second = openSearchTextCache(cache);
  expect(second.texts(article('1'))).toEqual(made);
  expect(second.finish()).toMatchObject({ kept: 1, converted: 0 });
});

test('a changed article or glossary is converted again, and the entry no build asks for is removed', async () => {
  openSearchTextCache(cache).texts(article('1'));
  const next = openSearchTextCache(cache);
  expect(next.texts(article('2', '國際秩序'))[0]?.['zh-hans']).toBe('国际秩序');
  next.texts(article('2', '國際秩序', [{ 'zh-hant': '國際', 'zh-hans': '國际' }]));
  expect(next.finish()).toEqual({ kept: 0, converted: 2, removed: 1 });
  expect(await readdir(join(cache, 'search-texts'))).toHaveLength(2);
});

test('an entry that is not what this code writes is converted again', async () => {
  openSearchTextCache(cache).texts(article('1'));
  const [name] = await readdir(join(cache, 'search-texts'));
  await writeFile(join(cache, 'search-texts', name ?? ''), JSON.stringify([{ 'zh-hant': '<script>' }]));
  const next = openSearchTextCache(cache);
  expect(next.texts(article('1'))[0]).toEqual({ 'zh-hant': '國際關係', 'zh-hans': '国际关系' });
  expect(next.finish()).toMatchObject({ kept: 0, converted: 1 });
});
