/**
 * Conversion on text nobody tuned it on (`tests/fixtures/conversion/unseen/`,
 * hand-checked references written for measuring; the site glossary's pins
 * come from `news.zh-CN.md`, not from here). The counts are the figures
 * `npm run bench` prints; a change that makes them worse fails here.
 */
import { describe, expect, test } from 'vitest';
import { siteGlossary } from '../../scripts/bench/accuracy.ts';
import { measureUnseen, perThousand } from '../../scripts/bench/unseen-text.ts';

describe('conversion on unseen news text', () => {
  test('Simplified → Taiwan Traditional: at most 1 error per 1,000 Han; the review list at most 15 per 1,000', () => {
    const measure = measureUnseen('simplified', siteGlossary());
    expect(measure.han).toBeGreaterThan(7000);
    expect(perThousand(measure.errors.length, measure.han)).toBeLessThanOrEqual(1);
    expect(perThousand(measure.flags, measure.han)).toBeLessThanOrEqual(15);
    // The surnames OpenCC reads as words, and phrases across words, are gone.
    for (const surname of ['于', '余', '范', '郁', '游'])
      expect(measure.errors.filter(({ expected }) => expected === surname)).toEqual([]);
  });

  test('Taiwan and Hong Kong Traditional → Simplified: at most 0.5 errors per 1,000 Han', () => {
    const measure = measureUnseen('traditional', siteGlossary());
    expect(measure.han).toBeGreaterThan(3000);
    expect(perThousand(measure.errors.length, measure.han)).toBeLessThanOrEqual(0.5);
    expect(perThousand(measure.flags, measure.han)).toBeLessThanOrEqual(15);
  });
});
