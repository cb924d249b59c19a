import { describe, expect, test } from 'vitest';
import { convertText, isTongyongGuifan } from '../../src/conversion/index.ts';
import { buildSearchData, type SearchDataSources } from '../../src/indexer/search-data-build.ts';
import { emptySearchData, pagefindQueries, planQuery, type SearchData } from '../../src/search/search-data.ts';
import { convertForm, regionalPhrases, variantPairs } from '../../src/indexer/opencc-sources.ts';
import { queryTerms } from '../../src/search/query.ts';
import { fold } from '../../src/search/fold.ts';

/** The same text in both scripts, as the site's own text. */
const both = (text: string) => ({
  'zh-hant': text,
  'zh-hans': convertText(text, { from: 'zh-TW', to: 'zh-hans' }),
});

const sources: SearchDataSources = {
  texts: [both('川普峰會後，俄羅斯總統普丁會見總理。「訊息傳遞」'), both('中俄關係以意識型態為依歸，甚至可以說是一份聲明。')],
  variantPairs: variantPairs(),
  phrases: [
    { from: '信息技術', to: ['資訊科技'] },
    { from: '宣告', to: ['聲明'] },
    { from: '宣言書', to: ['宣言稿'] },
  ],
  names: [
    ['普京', '普丁', '普亭', 'Putin'],
    ['特朗普', '川普'],
    ['蓬佩奧', '龐培歐'],
    ['訊息', '信息'],
  ],
  convert: convertForm,
  isSimplifiedStandard: isTongyongGuifan,
};
const searchData = buildSearchData(sources);
const hant = searchData['zh-hant'];
const hans = searchData['zh-hans'];

const spellings = (query: string, data: SearchData): string[][] =>
  planQuery(queryTerms(query), data).map((plan) => plan.spellings);

describe('buildSearchData: variant folding', () => {
  test('on Traditional pages, every variant of a printed character folds to the printed form', () => {
    expect(hant.fold['峯']).toBe('峰');
    expect(hant.fold['説']).toBe('說');
    expect(hant.fold['爲']).toBe('為');
  });

  test('characters OpenCC’s variant phrase tables exchange (恆生, 恒生) fold together on both pages', () => {
    const data = buildSearchData({
      ...sources,
      // A Hong Kong source prints 恒生 on its Traditional page; a Taiwan source prints 恆春 and 吃飯.
      texts: [
        { 'zh-hant': '恒生指數下跌', 'zh-hans': '恒生指数下跌' },
        { 'zh-hant': '恆春半島，吃飯', 'zh-hans': '恒春半岛，吃饭' },
      ],
    });
    expect(spellings('恆生指數', data['zh-hant'])).toEqual([[fold('恒生指數', data['zh-hant'].fold)]]);
    expect(fold('恒生指數', data['zh-hant'].fold)).toBe(fold('恆生指數', data['zh-hant'].fold));
    expect(fold('喫飯', data['zh-hant'].fold)).toBe(fold('吃飯', data['zh-hant'].fold));
    expect(spellings('恆生指數', data['zh-hans'])).toEqual([['恒生指数']]);
  });

  test('characters the site never prints in any form are left out', () => {
    expect(hant.fold['嫺']).toBeUndefined();
  });

  test('on Simplified pages, only non-standard characters fold, to the Simplified form the site prints', () => {
    expect(hans.fold['峯']).toBe('峰');
    expect(hans.fold['説']).toBe('说');
    expect(hans.fold['爲']).toBe('为');
    // 着 and 著 are both standard Simplified characters: they stay apart where the site prints both.
    const printsBoth = buildSearchData({ ...sources, texts: [{ 'zh-hant': '著名，看著', 'zh-hans': '著名，看着' }] })['zh-hans'];
    expect(printsBoth.fold['着']).toBeUndefined();
    expect(printsBoth.fold['著']).toBeUndefined();
  });

  test('on Simplified pages, a standard character the site never prints folds to the form it prints', () => {
    const data = buildSearchData({ ...sources, texts: [{ 'zh-hant': '祕書長', 'zh-hans': '秘书长' }] })['zh-hans'];
    expect(data.fold['祕']).toBe('秘');
    expect(spellings('祕書長', data)).toEqual([['秘书长']]);
  });
});

describe('buildSearchData: regional forms', () => {
  test('a name in any form leads to the forms the site prints, in every script', () => {
    expect(hant.aliases).toContainEqual([['普京', '普丁', '普亭', 'putin'], ['普丁']]);
    expect(hans.aliases).toContainEqual([['普京', '普丁', '普亭', 'putin'], ['普丁']]);
  });

  test('a name none of whose forms the site prints is left out', () => {
    expect(hant.aliases.some(([keys]) => keys.includes('龐培歐'))).toBe(false);
  });

  test('OpenCC phrases are kept one way, and only where the site prints the target', () => {
    expect(hant.aliases).toContainEqual([['宣告'], ['聲明']]);
    expect(hans.aliases).toContainEqual([['宣告'], ['声明']]);
    expect(hant.aliases.some(([keys]) => keys.includes('信息技術'))).toBe(false);
    expect(hant.aliases.some(([keys]) => keys.includes('宣言書'))).toBe(false);
  });

  test('an entry whose every form the site prints is kept: each form finds the others', () => {
    const printsAll = buildSearchData({
      ...sources,
      texts: [both('川普會見普京。'), both('特朗普與Trump。'), both('路透社報導'), both('據Reuters'), both('路透消息')],
      names: [
        ['特朗普', '川普', 'Trump'],
        ['路透社', '路透', 'Reuters'],
        ['普京', '普丁'],
      ],
    });
    for (const script of ['zh-hant', 'zh-hans'] as const) {
      const data = printsAll[script];
      const convert = (text: string) => convertText(text, { from: 'zh-TW', to: script });
      expect(spellings('川普', data)[0]).toEqual(expect.arrayContaining([convert('川普'), convert('特朗普'), 'trump']));
      expect(spellings('特朗普', data)[0]).toEqual(expect.arrayContaining([convert('川普'), 'trump']));
      expect(spellings('Trump', data)[0]).toEqual(expect.arrayContaining([convert('川普'), convert('特朗普')]));
      expect(spellings('Reuters', data)[0]).toEqual(expect.arrayContaining([convert('路透社'), convert('路透')]));
      expect(spellings('路透社', data)[0]).toEqual(expect.arrayContaining(['reuters']));
      // Only one form printed: the others lead to it, as before.
      expect(spellings('普丁', data)).toEqual([[convert('普丁'), convert('普京')]]);
    }
  });

  test('a name of several words is one term, and leads to its other forms', () => {
    const data = buildSearchData({
      ...sources,
      texts: [both('據紐約時報報導'), both('華爾街日報'), both('New York Times')],
      names: [
        ['紐約時報', 'New York Times', 'NYT'],
        ['華爾街日報', 'Wall Street Journal'],
      ],
    })['zh-hans'];
    expect(spellings('New York Times', data)).toEqual([['new york times', '纽约时报']]);
    expect(spellings('wall street journal 报道', data)).toEqual([['wall street journal', '华尔街日报'], ['报道']]);
    // Words that are no name stay apart.
    expect(spellings('New York', data)).toEqual([['new'], ['york']]);
  });

  test('keys are written in every script, but for those the page’s own map turns into another key', () => {
    // On a Simplified page the map writes 訊息 as 讯息, a key already: 訊息 need not be shipped, and still finds.
    expect(hans.aliases).toContainEqual([['讯息', '信息'], ['讯息']]);
    expect(spellings('訊息', hans)).toEqual([['讯息']]);
    expect(spellings('信息', hans)).toEqual([['信息', '讯息']]);
    // A key with a character the map does not know stays in every script.
    expect(hant.aliases.find(([keys]) => keys.includes('普京'))?.[0]).toEqual(['普京', '普丁', '普亭', 'putin']);
  });
});

describe('planQuery', () => {
  test('a regional form adds the printed form as a spelling, after the term’s own', () => {
    const [plan] = planQuery(['普京'], hant);
    expect(plan?.spellings).toEqual(['普京', '普丁']);
    expect(plan?.own).toBe(1);
    expect(plan?.aliases).toEqual([{ typed: '普京', printed: '普丁' }]);
  });

  test('a regional form inside a longer term is replaced where it stands', () => {
    expect(spellings('前總統特朗普', hant)).toEqual([['前總統特朗普', '前總統川普']]);
  });

  test('variants and the other script fold into the page’s forms before aliases apply', () => {
    expect(spellings('川普峯會', hant)).toEqual([['川普峰會']]);
    expect(spellings('信息传递', hant)[0]).toContain('訊息傳遞');
    expect(spellings('可以説', hans)).toEqual([['可以说']]);
  });

  test('without a data, a term is searched as typed', () => {
    expect(spellings('普京', emptySearchData)).toEqual([['普京']]);
  });
});

describe('pagefindQueries', () => {
  test('every combination of the terms’ spellings, own first', () => {
    expect(pagefindQueries(planQuery(['普京', '總統'], hant), hant)).toEqual(['普京 總統', '普丁 總統']);
  });

  test('a folded form the site prints in several ways is searched in each', () => {
    const data: SearchData = { ...emptySearchData, fold: { 峯: '峰' }, forms: { 峰: '峰峯' } };
    expect(pagefindQueries(planQuery(['峯會'], data), data)).toEqual(['峰會', '峯會']);
  });
});

describe('OpenCC sources', () => {
  test('variant pairs come from the TW and HK variant tables', () => {
    expect(variantPairs()).toContainEqual(['峯', '峰']);
    expect(variantPairs()).toContainEqual(['說', '説']);
  });

  test('regional phrases come from the TW and HK phrase tables and their reverses', () => {
    expect(regionalPhrases()).toContainEqual({ from: '信息', to: ['資訊'] });
    expect(regionalPhrases()).toContainEqual({ from: '資訊', to: ['信息'] });
    expect(regionalPhrases()).toContainEqual({ from: '鼠標', to: ['滑鼠'] });
  });

  test('a form converts from whichever script it is written in', () => {
    expect(convertForm('蓬佩奥', 'zh-hant')).toBe('蓬佩奧');
    expect(convertForm('龐培歐', 'zh-hans')).toBe('庞培欧');
    expect(convertForm('Putin', 'zh-hans')).toBe('Putin');
  });
});
