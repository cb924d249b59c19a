import { describe, expect, test } from 'vitest';
import { bundlesUnasked, firstReach, hasOlder, widenForOlder, widenForResults } from '../../src/search/reach.ts';

describe('how far a search reaches into the bundles', () => {
  test('a site of one bundle searches all of it at once, and never has older articles', () => {
    const reach = firstReach(1);
    expect(reach).toEqual({ merged: 1, allowed: 1, total: 1 });
    expect(hasOlder(reach)).toBe(false);
    expect(widenForResults(reach, 0, 20)).toBeUndefined();
    expect(widenForOlder(reach)).toEqual(reach);
  });

  test('a large archive starts with the newest bundle alone, and says older articles were not searched', () => {
    const reach = firstReach(40);
    expect(reach).toEqual({ merged: 1, allowed: 3, total: 40 });
    expect(hasOlder(reach)).toBe(true);
  });

  test('enough results: no bundle more', () => {
    expect(widenForResults(firstReach(8), 5, 5)).toBeUndefined();
    expect(widenForResults(firstReach(8), 9, 5)).toBeUndefined();
  });

  test('too few results: one bundle more at a time, up to three without asking the reader', () => {
    let reach = firstReach(8);
    const merged: number[] = [];
    for (let next = widenForResults(reach, 2, 5); next; next = widenForResults(reach, 2, 5)) {
      reach = next;
      merged.push(reach.merged);
    }
    expect(merged).toEqual([2, 3]);
    expect(bundlesUnasked).toBe(3);
    expect(hasOlder(reach)).toBe(true);
  });

  test('an archive of three bundles is searched whole when the newest gives too few', () => {
    const reach = widenForResults(widenForResults(firstReach(3), 0, 20) ?? firstReach(3), 0, 20);
    expect(reach).toEqual({ merged: 3, allowed: 3, total: 3 });
    expect(reach && hasOlder(reach)).toBe(false);
    expect(reach && widenForResults(reach, 0, 20)).toBeUndefined();
  });

  test('asking for older articles merges the next three at once, and then the rest', () => {
    const asked = widenForOlder(firstReach(8));
    expect(asked).toEqual({ merged: 4, allowed: 4, total: 8 });
    // Asked for, not too few: a later query widens no further by itself.
    expect(widenForResults(asked, 0, 20)).toBeUndefined();
    const again = widenForOlder(asked);
    expect(again).toEqual({ merged: 7, allowed: 7, total: 8 });
    const last = widenForOlder(again);
    expect(last).toEqual({ merged: 8, allowed: 8, total: 8 });
    expect(hasOlder(last)).toBe(false);
  });

  test('asking after the search widened by itself goes on from where it stopped', () => {
    const widened = { merged: 3, allowed: 3, total: 40 };
    expect(widenForOlder(widened)).toEqual({ merged: 6, allowed: 6, total: 40 });
  });
});
