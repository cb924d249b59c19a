import { describe, expect, test } from 'vitest';
import { belongsToOtherFamily, isTongyongGuifan, scriptEvidence, traditionalForms } from '../../src/conversion/index.ts';
import tongyongGuifan from '../../src/conversion/data/tongyong-guifan.ts';

describe('the 通用规范汉字表', () => {
  test('it has 8,105 characters, 於 and 瞭 among them, and no Traditional-only one', () => {
    expect(Array.from(tongyongGuifan)).toHaveLength(8105);
    expect(new Set(tongyongGuifan).size).toBe(8105);
    for (const character of '於瞭乾著镕堃喆') expect(isTongyongGuifan(character)).toBe(true);
    for (const character of '發們臺灣') expect(isTongyongGuifan(character)).toBe(false);
  });
});

describe('characters of one script only', () => {
  test('Traditional-only: OpenCC converts it away and the standard list lacks it', () => {
    for (const character of '發們國這裡臺灣説衞') expect(belongsToOtherFamily(character, 'simplified')).toBe(true);
    for (const character of '於瞭乾著发们的中') expect(belongsToOtherFamily(character, 'simplified')).toBe(false);
  });

  test('Simplified-only: OpenCC converts it away and it is no Traditional character', () => {
    for (const character of '发们这国门说') expect(belongsToOtherFamily(character, 'traditional')).toBe(true);
    for (const character of '干后台峰里着於發的中') expect(belongsToOtherFamily(character, 'traditional')).toBe(false);
  });
});

describe('characters whose Traditional form depends on context', () => {
  test('they come from OpenCC, with Taiwan variants', () => {
    expect(traditionalForms('发')).toEqual(['發', '髮']);
    expect(traditionalForms('里')).toEqual(expect.arrayContaining(['裡', '里']));
    for (const character of '发后干面里台系历冲钟范并托周复余于征只准松卷采谷划云汇伙蒙丰折当须涂团占种注')
      expect(traditionalForms(character), character).toBeDefined();
  });

  test('a character with one Traditional form is not listed', () => {
    for (const character of '们国这说着') expect(traditionalForms(character), character).toBeUndefined();
  });
});

describe('scriptEvidence', () => {
  test('it counts what tells Simplified from Traditional, and Hong Kong from Taiwan forms', () => {
    expect(scriptEvidence('我们发展经济')).toMatchObject({ simplified: 4, traditional: 0 });
    expect(scriptEvidence('我們發展經濟')).toMatchObject({ simplified: 0, traditional: 4 });
    expect(scriptEvidence('衞生署説')).toMatchObject({ hongKong: 2 });
    expect(scriptEvidence('衛生署說')).toMatchObject({ hongKong: 0 });
  });
});
