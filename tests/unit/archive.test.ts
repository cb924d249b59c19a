import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/view/archive.ts';
import type { ArticleInput } from '../../src/view/article-view.ts';
import { newestFirst } from '../../src/site/order.ts';
import { atPagedKeys, pageNumbers } from '../../src/site/pagination.ts';
import { pagedKey } from '../../src/site/urls.ts';

function article(slug: string, day: string, topics: string[], authors: [string, string][] = [['范強', '記者']]): ArticleInput {
  return {
    slug,
    file: `content/articles/${slug}.md`,
    digest: slug,
    title: slug,
    editorialTitle: false,
    summary: slug,
    authors: authors.map(([name, role]) => ({ name, role })),
    outlet: '測試',
    published: new Date(`${day}T00:00:00Z`),
    sourceVariant: 'zh-TW',
    topics: topics.map((id) => ({ id, names: { 'zh-hant': id, 'zh-hans': id } })),
    sources: [],
    corrections: [],
    glossary: [],
    html: '',
    headings: [],
    hanCharacters: 0,
  };
}

const a = article('a', '2025-01-01', ['x', 'y']);
const b = article('b', '2024-01-01', ['x', 'y']);
const c = article('c', '2025-06-01', ['x']);
const d = article('d', '2023-01-01', ['z'], [['范强', '记者']]);
const e = article('e', '2025-06-20', ['z'], [['Mark Chen', '撰稿人']]);
const archive = buildArchive(
  newestFirst([a, b, c, d, { ...e, sourceVariant: 'zh-CN' }]),
  ['x', 'y', 'z'].map((id) => ({ id, names: { 'zh-hant': id, 'zh-hans': id } })),
);

describe('buildArchive', () => {
  test('related articles: most shared topics first, then nearest in time; never the article itself or unrelated ones', () => {
    expect(archive.links('a').related.map(({ slug }) => slug)).toEqual(['b', 'c']);
  });

  test('neighbours in time', () => {
    expect(archive.links('a').older?.slug).toBe('b');
    expect(archive.links('a').newer?.slug).toBe('c');
    expect(archive.links('e').newer).toBeUndefined();
  });

  test('years and months, newest first, with their articles', () => {
    expect(archive.years.map(({ year, count, months }) => [year, count, months.map(({ key }) => key)])).toEqual([
      [2025, 3, ['2025-06', '2025-01']],
      [2024, 1, ['2024-01']],
      [2023, 1, ['2023-01']],
    ]);
    expect(archive.months[0]?.articles.map(({ slug }) => slug)).toEqual(['e', 'c']);
  });

  test('an author written in either script is one author, with a key from the Simplified name', () => {
    const fan = archive.authors.get('范强');
    expect(fan?.articles.map(({ slug }) => slug)).toEqual(['c', 'a', 'b', 'd']);
    expect(fan?.roles.map(({ role, count }) => [role, count])).toEqual([
      ['記者', 3],
      ['记者', 1],
    ]);
    expect(archive.authors.get('mark-chen')?.articles).toHaveLength(1);
    expect([...archive.authors.keys()][0]).toBe('范强');
  });

  test('topics list their articles newest first', () => {
    expect(archive.byTopic.get('x')?.map(({ slug }) => slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('pageNumbers', () => {
  test('a short list shows every page', () => {
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  test('a long list shows the first, the last and those around the current one', () => {
    expect(pageNumbers(50, 1000)).toEqual([1, undefined, 48, 49, 50, 51, 52, undefined, 1000]);
    expect(pageNumbers(1, 1000)).toEqual([1, 2, 3, undefined, 1000]);
  });
});

describe('pages of a list', () => {
  test('live under page/N/ of the list, never at a bare number beside its sibling routes', () => {
    expect(pagedKey('', 1)).toBe('');
    expect(pagedKey('', 404)).toBe('page/404/');
    expect(pagedKey('topics/china-russia/', 2)).toBe('topics/china-russia/page/2/');
  });

  test("Astro's page parameters are moved to the same addresses", () => {
    const paths = [1, 2, 404].map((number) => ({
      params: { script: 'zh-hant', page: number === 1 ? undefined : String(number) },
      props: { number },
    }));
    expect(atPagedKeys(paths).map(({ params }) => params.page)).toEqual([undefined, 'page/2', 'page/404']);
    expect(atPagedKeys(paths).map(({ props }) => props.number)).toEqual([1, 2, 404]);
  });
});
