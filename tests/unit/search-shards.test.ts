import { describe, expect, test } from 'vitest';
import { maxShardPages, planShards } from '../../src/search/bundles.ts';

const article = (slug: string, published: string) => ({ slug, published });
const day = (index: number): string => new Date(Date.UTC(2018, 0, 1) + index * 3_600_000).toISOString().slice(0, 10);
const archive = (count: number) =>
  Array.from({ length: count }, (_, index) => article(`s${String(index).padStart(6, '0')}`, day(index)));

describe('planShards', () => {
  test('a small archive is one bundle per script, named after the script', () => {
    const plan = planShards([article('a', '2024-03-01'), article('b', '2025-01-02'), article('c', '2024-12-31')]);
    expect(plan['zh-hant'].map(({ name, slugs }) => [name, slugs])).toEqual([['zh-hant', ['a', 'c', 'b']]]);
    expect(plan['zh-hans'].map(({ name }) => name)).toEqual(['zh-hans']);
  });

  test('a large archive is cut into bundles of at most maxShardPages, oldest first, the newest named after the script', () => {
    const shards = planShards(archive(2 * maxShardPages + 3))['zh-hant'];
    expect(shards.map(({ name, slugs }) => [name, slugs.length])).toEqual([
      ['zh-hant', 3],
      ['zh-hant-2', maxShardPages],
      ['zh-hant-1', maxShardPages],
    ]);
    expect(new Set(shards.flatMap(({ slugs }) => slugs)).size).toBe(2 * maxShardPages + 3);
  });

  test('new articles change only the newest bundle', () => {
    const before = planShards(archive(maxShardPages + 10))['zh-hant'];
    const after = planShards(archive(maxShardPages + 40))['zh-hant'];
    expect(after.find(({ name }) => name === 'zh-hant-1')).toEqual(before.find(({ name }) => name === 'zh-hant-1'));
  });

  test('the plan depends on slugs and dates only, not on the order they come in', () => {
    const articles = archive(maxShardPages + 5);
    expect(planShards([...articles].reverse())).toEqual(planShards(articles));
  });
});
