/**
 * The articles' parts of the search data kept across builds
 * (`src/indexer/search-parts.ts`): an unchanged article is read from the
 * cache, not converted; a changed one, another glossary, other search code
 * or tables, or an entry of the wrong shape is made again; entries no build
 * asked for are removed; and search data made from the parts is the search
 * data made from the texts.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { convertText } from '../../src/conversion/index.ts';
import { buildSearchData, combineParts, SearchDataBuilder, type SearchDataTables } from '../../src/indexer/search-data-build.ts';
import { openSearchPartCache } from '../../src/indexer/search-parts.ts';
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

const tables: SearchDataTables = {
  variantPairs: [['峯', '峰']],
  phrases: [{ from: '普京', to: ['普丁'] }],
  names: [['川普', '特朗普']],
  convert: (text, to) => convertText(text, { from: 'zh-TW', to }),
  isSimplifiedStandard: () => true,
};
const builder = new SearchDataBuilder(tables);
const open = (digest = 'reader') => openSearchPartCache(cache, builder, digest);

test('a part is made once, then read back as it was written', () => {
  const first = open();
  const made = first.part(article('1'));
  expect(made.found['zh-hans']).toEqual([]);
  expect(made.map.maps['zh-hans']).toContainEqual(['國', ['国']]);
  expect(first.finish()).toMatchObject({ kept: 0, converted: 1 });
  const second = open();
  expect(second.part(article('1'))).toEqual(made);
  expect(second.finish()).toMatchObject({ kept: 1, converted: 0 });
  const otherCode = open('other reader');
  otherCode.part(article('1'));
  expect(otherCode.finish()).toMatchObject({ kept: 0, converted: 1 });
});

test('a changed article or glossary is made again, and the entry no build asks for is removed', async () => {
  open().part(article('1'));
  const next = open();
  expect(next.part(article('2', '普丁與川普')).found['zh-hant']).toEqual(['普丁', '川普']);
  next.part(article('2', '普丁與川普', [{ 'zh-hant': '國際', 'zh-hans': '國际' }] as unknown as ArticleInput['glossary']));
  expect(next.finish()).toEqual({ kept: 0, converted: 2, removed: 1 });
  expect(await readdir(join(cache, 'search-parts'))).toHaveLength(2);
});

test('an entry that is not what this code writes is made again', async () => {
  open().part(article('1'));
  const [name] = await readdir(join(cache, 'search-parts'));
  await writeFile(join(cache, 'search-parts', name ?? ''), JSON.stringify({ map: { maps: {}, unchanged: ['<'] } }));
  const next = open();
  expect(next.part(article('1')).map.maps['zh-hans']).toContainEqual(['國', ['国']]);
  expect(next.finish()).toMatchObject({ kept: 0, converted: 1 });
});

test('search data made from parts, article by article, is the search data made from all the texts at once', () => {
  const texts = [
    { 'zh-hant': '國際峯會，普丁發言', 'zh-hans': '国际峰会，普丁发言' },
    { 'zh-hant': '頭髮，川普與特朗普', 'zh-hans': '头发，川普与特朗普' },
    { 'zh-hant': '乾杯，國家', 'zh-hans': '干杯，国家' },
    { 'zh-hant': '峰會，發展', 'zh-hans': '峰会，发展' },
  ];
  const byParts = new SearchDataBuilder(tables);
  for (const text of texts) byParts.add(byParts.read([text]));
  expect(byParts.finish()).toEqual(buildSearchData({ ...tables, texts }));
});

test('a group of articles is one entry: read whole while none changes, made from its articles\u2019 own entries when one does', async () => {
  const group = [article('1'), { ...article('2', '川普訪問'), slug: 'b' }, { ...article('3', '普丁'), slug: 'c' }];
  const first = open();
  const whole = first.group(group);
  expect(first.finish()).toMatchObject({ kept: 0, converted: 3, removed: 0 });
  expect(whole.found['zh-hant']).toEqual(['川普', '普丁']);
  const again = open();
  expect(again.group(group)).toEqual(whole);
  // Nothing made, nothing removed: the group's entry and its articles' entries were all asked for.
  expect(again.finish()).toEqual({ kept: 0, converted: 0, removed: 0 });
  const changed = open();
  changed.group([group[0] as ArticleInput, { ...article('4', '川普訪台'), slug: 'b' }, group[2] as ArticleInput]);
  // The changed article is converted; the other two are read from their own entries; the old group and entry go.
  expect(changed.finish()).toEqual({ kept: 2, converted: 1, removed: 2 });
});

test('parts combined in order merge as the parts themselves do', () => {
  const texts = [
    { 'zh-hant': '國際峯會，普丁發言', 'zh-hans': '国际峰会，普丁发言' },
    { 'zh-hant': '頭髮，川普與特朗普', 'zh-hans': '头发，川普与特朗普' },
    { 'zh-hant': '乾杯，國家', 'zh-hans': '干杯，国家' },
  ];
  const reader = new SearchDataBuilder(tables);
  const parts = texts.map((text) => reader.read([text]));
  const combined = new SearchDataBuilder(tables);
  combined.add(combineParts(parts.slice(0, 2)));
  combined.add(combineParts(parts.slice(2)));
  expect(combined.finish()).toEqual(buildSearchData({ ...tables, texts }));
});
