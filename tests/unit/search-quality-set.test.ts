import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadHeldOutSet, scoreCase } from '../../scripts/search-quality/query-set.ts';

describe('a query set written apart from the project', () => {
  const folder = mkdtempSync(join(tmpdir(), 'held-out-'));
  mkdirSync(join(folder, 'articles'));
  writeFileSync(join(folder, 'articles', 'tw-merkel.md'), '---\nslug: merkel-energy\ntitle: 梅克爾\n---\n\n正文\n');
  writeFileSync(join(folder, 'articles', 'cn-chips.md'), '---\nslug: chips\n---\n');
  const set = join(folder, 'queries.yaml');

  test('its articles are named by their files and found by their slugs; every query runs in both scripts', () => {
    writeFileSync(
      set,
      '- q: 默克尔\n  category: regional-names\n  expect: [tw-merkel.md]\n- q: 火山\n  category: negatives\n  expect: []\n',
    );
    expect(loadHeldOutSet(set, join(folder, 'articles'))).toEqual([
      { category: 'regional-names', query: '默克尔', finds: ['merkel-energy'], misses: [], scripts: ['zh-hant', 'zh-hans'] },
      { category: 'negatives', query: '火山', finds: [], misses: [], scripts: ['zh-hant', 'zh-hans'] },
    ]);
  });

  test('an article file the folder does not hold is named', () => {
    writeFileSync(set, '- q: 晶片\n  category: plain\n  expect: [tw-chips.md]\n');
    expect(() => loadHeldOutSet(set, join(folder, 'articles'))).toThrow(/no article file "tw-chips.md"/);
  });

  test('a category of its own is scored as a positive one', () => {
    const [numbers] = [{ category: 'numbers', query: '82.5%', finds: ['chips'], misses: [], scripts: [] }];
    expect(scoreCase(numbers, { exact: ['chips', 'merkel-energy'], approximate: [] })).toEqual({
      expected: 1,
      found: 1,
      exactShown: 2,
      falseExact: 1,
    });
  });
});
