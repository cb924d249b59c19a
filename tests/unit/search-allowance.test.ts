import { describe, expect, test } from 'vitest';
import {
  affordableFragments,
  allowanceLeft,
  countsAgainstAllowance,
  mayLookUp,
  lookupReserve,
  requestOverhead,
  searchAllowance,
} from '../../src/search/allowance.ts';

const nothing = { bytes: 0, fragmentBytes: 0, fragments: 0 };

describe('what one search may fetch once Pagefind is loaded', () => {
  test('the allowance, with Pagefind’s code and the search data (82 kB in 6 requests, `npm run first-query`), keeps a first query under 300 kB, with room for a lookup begun when little was left', () => {
    expect(82_000 + 6 * requestOverhead + searchAllowance + lookupReserve).toBeLessThanOrEqual(300_000);
  });

  test('what counts: the index’s metadata, chunks and fragments; not Pagefind’s code, its WebAssembly or its entry file', () => {
    for (const path of [
      '/pagefind/zh-hant/pagefind.zh-hant_4d1e.pf_meta',
      '/pagefind/zh-hant-3/index/zh-hant_a1b2c3.pf_index',
      '/news/pagefind/zh-hans/fragment/zh-hans_0fadd2f.pf_fragment',
    ])
      expect(countsAgainstAllowance(path)).toBe(true);
    for (const path of [
      '/pagefind/zh-hant/pagefind.js',
      '/pagefind/zh-hant/wasm.zh.pagefind',
      '/pagefind/zh-hant/pagefind-entry.json',
      '/pagefind/zh-hant/fragment/zh-hant_0fadd2f.pf_fragment.gz',
    ])
      expect(countsAgainstAllowance(path)).toBe(false);
  });

  test('counted from the search’s start: what the page fetched before is not this search’s', () => {
    const start = { bytes: 120_000, fragmentBytes: 30_000, fragments: 10 };
    expect(allowanceLeft(start, start)).toBe(searchAllowance);
    expect(allowanceLeft(start, { ...start, bytes: 150_000 }, 100_000)).toBe(70_000);
    // Spent past the allowance (a batch under way when it ran out): nothing left, never less.
    expect(allowanceLeft(start, { ...start, bytes: 400_000 }, 100_000)).toBe(0);
  });

  test('before any fragment was fetched, a fragment is taken to weigh what a long article’s does', () => {
    expect(affordableFragments(65_000, nothing, 20)).toBe(10);
    expect(affordableFragments(64_999, nothing, 20)).toBe(9);
  });

  test('then, what fragments have weighed on this site: short articles buy more reads than long ones', () => {
    const short = { bytes: 50_000, fragmentBytes: 25_000, fragments: 10 }; // 2.5 kB each
    const long = { bytes: 90_000, fragmentBytes: 60_000, fragments: 10 }; // 6 kB each
    expect(affordableFragments(30_000, short, 100)).toBe(12);
    expect(affordableFragments(30_000, long, 100)).toBe(5);
  });

  test('never more than wanted, never fewer than none', () => {
    expect(affordableFragments(1_000_000, nothing, 3)).toBe(3);
    expect(affordableFragments(0, nothing, 3)).toBe(0);
    expect(affordableFragments(6_000, nothing, 3)).toBe(0);
    expect(affordableFragments(50_000, { bytes: 0, fragmentBytes: 0, fragments: 4 }, 3)).toBe(3);
  });

  test('another bundle or another round of lookups only while the allowance pays for its metadata and chunks', () => {
    expect(mayLookUp(lookupReserve)).toBe(true);
    expect(mayLookUp(lookupReserve - 1)).toBe(false);
    expect(mayLookUp(0)).toBe(false);
  });
});
