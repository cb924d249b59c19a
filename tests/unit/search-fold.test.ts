import { describe, expect, test } from 'vitest';
import { fold, foldText, occurrences, sourceRange } from '../../src/search/fold.ts';

describe('foldText', () => {
  test('variant characters fold to one form and Latin to lower case, keeping the length', () => {
    expect(fold('峯會 Putin', { 峯: '峰' })).toBe('峰會 putin');
  });

  test('a name separator between Han characters is dropped, elsewhere it stays', () => {
    expect(fold('克利福德·庫南')).toBe('克利福德庫南');
    expect(fold('克利福德‧庫南')).toBe('克利福德庫南');
    expect(fold('Clifford·Kunan')).toBe('clifford·kunan');
    expect(fold('·庫南')).toBe('·庫南');
  });

  test('every dot of a name between Han characters, the bullet and the full-width full stop included, is dropped', () => {
    for (const name of ['安格拉·默克爾', '安格拉・默克爾', '安格拉‧默克爾', '安格拉･默克爾', '安格拉•默克爾', '安格拉．默克爾'])
      expect(fold(name)).toBe('安格拉默克爾');
  });

  test('a dot between digits is kept, as one form, and never joins 9 and 11 apart', () => {
    for (const date of ['9·11', '9・11', '9‧11', '9•11', '9･11', '9．11']) expect(fold(date)).toBe('9·11');
    expect(fold('9.11')).toBe('9.11');
    expect(occurrences(fold('9月11日，1935.3克'), fold('9·11'))).toEqual([]);
    expect(occurrences(fold('九一一即9・11事件'), fold('9·11'))).toEqual([[4, 8]]);
  });

  test('full-width digits, letters and ％ compare as ASCII, at the same length', () => {
    expect(fold('８２.５％ ＧＤＰ')).toBe('82.5% gdp');
    expect(occurrences(fold('增長８２.５％'), fold('82.5%'))).toEqual([[2, 7]]);
    expect(occurrences(fold('增長182.5%'), fold('82.5%'))).toEqual([]);
  });

  test('a Han word does not match across a word boundary with both ends inside words', () => {
    // ICU reads 美國|會見, 中國|會議, 位於|火山|西側: 國會 and 山西 are not there.
    expect(occurrences(fold('美國會見'), '國會')).toEqual([]);
    expect(occurrences(fold('中國會議今天開幕'), '國會')).toEqual([]);
    expect(occurrences(fold('位於火山西側'), '山西')).toEqual([]);
    // A match that starts or ends a word, or lies inside one, is kept.
    expect(occurrences(fold('美國國會議員'), '國會')).toHaveLength(1);
    expect(occurrences(fold('火山口附近'), '火山')).toEqual([[0, 2]]);
    expect(occurrences(fold('位於火山西側'), '火山')).toEqual([[2, 4]]);
    expect(occurrences(fold('北京大學生前來'), '學生')).toHaveLength(1);
    expect(occurrences(fold('米舒斯京與習近平'), '舒斯')).toHaveLength(1);
  });

  test('every folded unit knows its source range, so a match maps back to the printed text', () => {
    const source = '學者克利福德·庫南說';
    const folded = foldText(source);
    const [start, end] = occurrences(folded.text, '克利福德庫南')[0] ?? [0, 0];
    expect(source.slice(...sourceRange(folded, start, end))).toBe('克利福德·庫南');
    const [first, last] = occurrences(folded.text, '克利福德')[0] ?? [0, 0];
    expect(source.slice(...sourceRange(folded, first, last))).toBe('克利福德');
  });

  test('characters outside the basic plane keep their source ranges', () => {
    const source = '𠀋峯會';
    const folded = foldText(source, { 峯: '峰' });
    const [start, end] = occurrences(folded.text, '峰會')[0] ?? [0, 0];
    expect(source.slice(...sourceRange(folded, start, end))).toBe('峯會');
  });
});

describe('occurrences', () => {
  test('finds every occurrence of a Han spelling', () => {
    expect(occurrences('制裁，制裁', '制裁')).toEqual([
      [0, 2],
      [3, 5],
    ]);
  });

  test('a Latin spelling must start a word', () => {
    expect(occurrences('mexico xi', 'xi')).toEqual([[7, 9]]);
    expect(occurrences('川普xi', 'xi')).toEqual([[2, 4]]);
  });
});
