import { describe, expect, test } from 'vitest';
import {
  aliasCorrections,
  allowedEdits,
  correctionFrom,
  editDistance,
  nearAliasForms,
  nearMatch,
  nearestOccurrence,
} from '../../src/search/approximate.ts';
import { emptySearchData, planQuery, type SearchData } from '../../src/search/search-data.ts';
import type { PageRecord } from '../../src/search/matching.ts';

const record = (content: string): PageRecord => ({ url: '/a/', content, meta: {}, anchors: [] });
const page = record('中國國家主席習近平於北京會見了俄羅斯總理米舒斯京（Mikhail Mishustin），美英澳三國安全同盟AUKUS。');

describe('editDistance', () => {
  test('counts insertions, deletions and substitutions by character', () => {
    expect(editDistance('米舒斯經', '米舒斯京')).toBe(1);
    expect(editDistance('mishustn', 'mishustin')).toBe(1);
    expect(editDistance('akus', 'aukus')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('two neighbours swapped are one edit', () => {
    expect(editDistance('macorn', 'macron')).toBe(1);
    expect(editDistance('nvidai', 'nvidia')).toBe(1);
    expect(editDistance('reutres', 'reuters')).toBe(1);
    expect(editDistance('習平近', '習近平')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'cba')).toBe(2);
  });

  test('stops past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

describe('allowedEdits', () => {
  test('very short terms must be exact; longer ones may be further off', () => {
    expect(allowedEdits('普京')).toBe(0);
    expect(allowedEdits('習近評')).toBe(1);
    expect(allowedEdits('國家主席普丁')).toBe(2);
    expect(allowedEdits('xi')).toBe(0);
    expect(allowedEdits('mishustn')).toBe(2);
    expect(allowedEdits('中'.repeat(100))).toBe(0);
  });
});

describe('nearestOccurrence', () => {
  test('finds the nearest stretch of Han text, preferring one of the same length', () => {
    const near = nearestOccurrence('米舒斯經', page.content);
    expect(near.distance).toBe(1);
    expect(page.content.slice(near.start, near.end)).toBe('米舒斯京');
  });

  test('compares a Latin term with whole words', () => {
    const text = page.content.toLowerCase();
    const near = nearestOccurrence('mishustn', text);
    expect([near.distance, text.slice(near.start, near.end)]).toEqual([1, 'mishustin']);
  });

  test('among forms equally near, the one that starts as the term does: another name differs in its first syllable', () => {
    for (const text of ['總理朔爾茨說，候選人梅爾茲表示', '候選人梅爾茲表示，總理朔爾茨說']) {
      const near = nearestOccurrence('梅爾茨', text);
      expect([near.distance, text.slice(near.start, near.end), near.sameStart]).toEqual([1, '梅爾茲', true]);
    }
    const words = 'scholz met mertz';
    const latin = nearestOccurrence('merz', words);
    expect(words.slice(latin.start, latin.end)).toBe('mertz');
  });

  test('never reaches across punctuation', () => {
    expect(nearestOccurrence('京米', '米舒斯京，米哈').distance).toBeGreaterThan(0);
  });
});

describe('nearMatch', () => {
  test('a page within the allowed edits of every term is near, with the printed correction', () => {
    const plans = planQuery(['米舒斯經'], emptySearchData);
    const near = nearMatch(page, plans);
    expect(near?.edits).toEqual([1]);
    expect(near?.corrections).toEqual(['米舒斯京']);
    expect(near?.match.excerpt.find((segment) => segment.mark)?.text).toBe('米舒斯京');
    expect(near && correctionFrom(near, plans)).toBe('米舒斯京');
  });

  test('a page whose near form starts as the term does ranks before one that only ends alike', () => {
    const plans = planQuery(['梅爾茨'], emptySearchData);
    const merz = nearMatch(record('候選人梅爾茲表示'), plans);
    const scholz = nearMatch(record('總理朔爾茨表示'), plans);
    expect([merz?.closeness, merz?.sameStarts, merz?.corrections]).toEqual([scholz?.closeness, 1, ['梅爾茲']]);
    expect(scholz?.sameStarts).toBe(0);
  });

  test('exact terms count as exact; the correction keeps them as typed', () => {
    const plans = planQuery(['北京', 'mishustn'], emptySearchData);
    const near = nearMatch(page, plans);
    expect(near?.edits).toEqual([0, 1]);
    expect(near && correctionFrom(near, plans)).toBe('北京 Mishustin');
  });

  test('a page too far from a term is not near', () => {
    expect(nearMatch(page, planQuery(['量子電腦'], emptySearchData))).toBeUndefined();
    expect(nearMatch(page, planQuery(['普金'], emptySearchData))).toBeUndefined();
  });

  test('two edits are near but suggest no one-character correction', () => {
    const plans = planQuery(['國家主席普丁'], emptySearchData);
    const near = nearMatch(page, plans);
    expect(near?.edits).toEqual([2]);
    expect(near && correctionFrom(near, plans)).toBeUndefined();
  });
});

describe('nearAliasForms', () => {
  const data: SearchData = {
    ...emptySearchData,
    aliases: [
      [['nvidia', '英伟达', '輝達'], ['輝達']],
      [['macron', '馬克宏', '馬克龍'], ['馬克宏']],
      [['普京', '普丁'], ['普丁']],
    ],
  };

  test('a mistyped name leads to the forms the site prints for it', () => {
    expect(nearAliasForms(planQuery(['Nvidai'], data)[0]!, data)).toEqual(['輝達']);
    expect(nearAliasForms(planQuery(['Macorn'], data)[0]!, data)).toEqual(['馬克宏']);
    expect(nearAliasForms(planQuery(['英偉达'], data)[0]!, data)).toEqual(['輝達']);
  });

  test('a term too short for edits, far from every name, or a known form itself leads nowhere new', () => {
    expect(nearAliasForms(planQuery(['普金'], data)[0]!, data)).toEqual([]);
    expect(nearAliasForms(planQuery(['Nokia'], data)[0]!, data)).toEqual([]);
    expect(nearAliasForms(planQuery(['馬克宏'], data)[0]!, data)).toEqual([]);
  });
});

describe('aliasCorrections', () => {
  const data: SearchData = { ...emptySearchData, aliases: [[['普京', '普丁', 'putin'], ['普丁']]] };

  test('a term one character from a known regional form is corrected to it', () => {
    expect(aliasCorrections(planQuery(['普金'], data), data)).toEqual(['普京', '普丁']);
    expect(aliasCorrections(planQuery(['putn', '總統'], data), data)).toEqual(['putin 總統']);
  });

  test('a term that is a known form, or far from all, is not corrected', () => {
    expect(aliasCorrections(planQuery(['普京'], data), data)).toEqual(['普丁']);
    expect(aliasCorrections(planQuery(['量子'], data), data)).toEqual([]);
  });
});
