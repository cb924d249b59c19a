/**
 * Simplified → Traditional on hand-checked mainland news text (3,002 Han
 * characters in four articles, written for this test): OpenCC's s2tw alone
 * gets some characters wrong; with the site's glossary and the article's
 * names pinned, every character is right.
 */
import { describe, expect, test } from 'vitest';
import { conversionFixture, measureAccuracy, siteGlossary } from '../../scripts/bench/accuracy.ts';
import { convertText, openccConverter } from '../../src/conversion/index.ts';

const { source, expected, names } = conversionFixture();

describe('s2tw on mainland news text', () => {
  test('OpenCC alone makes errors: the site pins are needed', () => {
    const accuracy = measureAccuracy(openccConverter('zh-CN', 'zh-hant')(source), expected);
    expect(accuracy.han).toBeGreaterThan(800);
    expect(accuracy.errors).toBeGreaterThan(0);
    expect(accuracy.differences.map(({ got, expected: want }) => `${got}→${want}`)).toContain('系→係');
  });

  test('the page’s conversion reads names and word boundaries: with the site glossary every Han character is right', () => {
    // OpenCC alone turns 范志刚, 于文涛, 余海峰, 郁文华 and 涂先生 into 範, 於, 餘, 鬱 and 塗; the names rule keeps them.
    const withoutGlossary = measureAccuracy(convertText(source, { from: 'zh-CN', to: 'zh-hant' }), expected);
    expect(withoutGlossary.differences.map(({ got }) => got)).not.toEqual(expect.arrayContaining(['於', '範', '鬱', '餘', '塗']));
    const accuracy = measureAccuracy(convertText(source, { from: 'zh-CN', to: 'zh-hant', glossary: siteGlossary() }), expected);
    expect(accuracy.differences).toEqual([]);
  });

  test('with the article’s names pinned as well, every Han character is right', () => {
    const glossary = [...names, ...siteGlossary()];
    const accuracy = measureAccuracy(convertText(source, { from: 'zh-CN', to: 'zh-hant', glossary }), expected);
    expect(accuracy.differences).toEqual([]);
  });
});
