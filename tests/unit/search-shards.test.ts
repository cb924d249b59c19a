import { describe, expect, test } from 'vitest';
import { maxShardPages, planShards } from '../../src/search/shards.ts';

const article = (slug: string, published: string) => ({ slug, published });

describe('planShards', () => {
  test('one bundle per script and year, the newest named after the script', () => {
    const plan = planShards([article('a', '2024-03-01'), article('b', '2025-01-02'), article('c', '2024-12-31')]);
    expect(plan['zh-hant'].map(({ name, slugs }) => [name, slugs])).toEqual([
      ['zh-hant', ['b']],
      ['zh-hant-2024', ['a', 'c']],
    ]);
    expect(plan['zh-hans'].map(({ name }) => name)).toEqual(['zh-hans', 'zh-hans-2024']);
  });

  test('a year with more articles than a bundle holds is cut into parts, in date order', () => {
    const many = Array.from({ length: maxShardPages + 3 }, (_, index) =>
      article(`s${String(index).padStart(5, '0')}`, `2023-01-${String(1 + (index % 28)).padStart(2, '0')}`),
    );
    const shards = planShards(many)['zh-hant'];
    expect(shards.map(({ name, slugs }) => [name, slugs.length])).toEqual([
      ['zh-hant', maxShardPages],
      ['zh-hant-2023-2', 3],
    ]);
    expect(new Set(shards.flatMap(({ slugs }) => slugs)).size).toBe(many.length);
  });

  test('the plan depends on slugs and dates only, not on the order they come in', () => {
    const articles = [article('a', '2024-03-01'), article('b', '2025-01-02'), article('c', '2024-12-31')];
    expect(planShards([...articles].reverse())).toEqual(planShards(articles));
  });
});
