import { describe, expect, test } from 'vitest';
import { planBundles } from '../../src/search/bundles.ts';

const size = 1250;

const article = (slug: string, published: string) => ({ slug, published });
const day = (index: number): string => new Date(Date.UTC(2018, 0, 1) + index * 3_600_000).toISOString().slice(0, 10);
const archive = (count: number) =>
  Array.from({ length: count }, (_, index) => article(`s${String(index).padStart(6, '0')}`, day(index)));

describe('planBundles', () => {
  test('a small archive is one bundle per script, named after the script', () => {
    const plan = planBundles([article('a', '2024-03-01'), article('b', '2025-01-02'), article('c', '2024-12-31')], size);
    expect(plan['zh-hant'].map(({ name, slugs }) => [name, slugs])).toEqual([['zh-hant', ['a', 'c', 'b']]]);
    expect(plan['zh-hans'].map(({ name }) => name)).toEqual(['zh-hans']);
  });

  test('a large archive is cut into bundles of at most the bundle size, oldest first, the newest named after the script', () => {
    const bundles = planBundles(archive(2 * size + 3), size)['zh-hant'];
    expect(bundles.map(({ name, slugs }) => [name, slugs.length])).toEqual([
      ['zh-hant', 3],
      ['zh-hant-2', size],
      ['zh-hant-1', size],
    ]);
    expect(new Set(bundles.flatMap(({ slugs }) => slugs)).size).toBe(2 * size + 3);
  });

  test('new articles change only the newest bundle', () => {
    const before = planBundles(archive(size + 10), size)['zh-hant'];
    const after = planBundles(archive(size + 40), size)['zh-hant'];
    expect(after.find(({ name }) => name === 'zh-hant-1')).toEqual(before.find(({ name }) => name === 'zh-hant-1'));
  });

  test('the plan depends on slugs and dates only, not on the order they come in', () => {
    const articles = archive(size + 5);
    expect(planBundles([...articles].reverse(), size)).toEqual(planBundles(articles, size));
  });
});
