import { describe, expect, test } from 'vitest';
import siteGlossary from '../../content/glossary.json' with { type: 'json' };
import { openccConverter, toSimplified, toSimplifiedPieces } from '../../src/lib/convert.ts';

const tw = { variant: 'zh-TW' } as const;
const hk = { variant: 'zh-HK' } as const;

describe('toSimplified', () => {
  test('it converts Taiwan text with tw2s', () => {
    expect(toSimplified('習近平於北京會見了俄羅斯總理米舒斯京', tw)).toBe('习近平于北京会见了俄罗斯总理米舒斯京');
  });

  test('it tells 隨著 (particle) from 顯著 (notable)', () => {
    expect(toSimplified('隨著局勢發展，影響顯著', tw)).toBe('随着局势发展，影响显著');
  });

  test('it gets 乾 and 幹 right by phrase', () => {
    expect(toSimplified('乾燥的天氣與幹部會議', tw)).toBe('干燥的天气与干部会议');
    expect(toSimplified('乾隆', tw)).toBe('乾隆');
  });

  test('it converts 於, 餘, 裡, 裏, 係, 製 and 佈局', () => {
    expect(toSimplified('於是其餘的在這裡和那裏', tw)).toBe('于是其余的在这里和那里');
    expect(toSimplified('中俄關係 製造 戰略佈局', tw)).toBe('中俄关系 制造 战略布局');
    expect(toSimplified('國際體係', hk)).toBe('国际体系');
  });

  test('it keeps 范 as a surname and names as the author wrote them', () => {
    expect(toSimplified('經濟通記者范強', hk)).toBe('经济通记者范强');
    expect(toSimplified('川普、普丁、米舒斯京，台北', tw)).toBe('川普、普丁、米舒斯京，台北');
  });

  test('it chooses the dictionary by source variant: 著 in 沉著 is 着 only for Taiwan usage', () => {
    expect(toSimplified('沉著應對', tw)).toBe('沉着应对');
    expect(toSimplified('沉著應對', hk)).toBe('沉著应对');
  });

  test('it leaves Latin text, URLs and digits untouched', () => {
    const latin = "Reuters: China, Russia vow joint response to 'unilateral' sanctions https://www.reuters.com/x 2025";
    expect(toSimplified(latin, tw)).toBe(latin);
  });

  test('it keeps the length of the text', () => {
    const text = '這一矛盾現象的核心，在於北京對西方「二級制裁」的深度憂慮。';
    expect(Array.from(toSimplified(text, tw))).toHaveLength(Array.from(text).length);
  });
});

describe('glossary', () => {
  test('OpenCC alone turns 著 into 着 in 專著 and 原著', () => {
    expect(openccConverter('zh-TW')('專著與原著')).toBe('专着与原着');
  });

  test('a site glossary entry wins over OpenCC', () => {
    expect(toSimplified('這部專著與原著、論著、卓著', { ...tw, glossary: siteGlossary })).toBe('这部专著与原著、论著、卓著');
  });

  test('an article glossary pins a term across a markup boundary', () => {
    const pieces = toSimplifiedPieces(['他的專', '著出版'], { ...tw, glossary: { 專著: '专著' } });
    expect(pieces).toEqual(['他的专', '著出版']);
  });

  test('the longest term wins where terms overlap', () => {
    expect(toSimplified('著作', { ...tw, glossary: { 著: '着', 著作: '著作' } })).toBe('著作');
  });
});

describe('toSimplifiedPieces', () => {
  test('a phrase split by inline markup converts as one phrase', () => {
    expect(toSimplifiedPieces(['藉', '此'], tw)).toEqual(['借', '此']);
    expect(toSimplifiedPieces(['影響顯', '著'], tw)).toEqual(['影响显', '著']);
  });

  test('converting piece by piece would get the same phrases wrong', () => {
    expect(['藉', '此'].map((piece) => toSimplified(piece, tw)).join('')).toBe('藉此');
    expect(['顯', '著'].map((piece) => toSimplified(piece, tw)).join('')).toBe('显着');
  });

  test('pieces keep their boundaries and their count', () => {
    const pieces = ['中國', '藉此展現其外交政策的', '自主性', '。'];
    const converted = toSimplifiedPieces(pieces, tw);
    expect(converted.map((piece) => Array.from(piece).length)).toEqual(pieces.map((piece) => Array.from(piece).length));
    expect(converted.join('')).toBe('中国借此展现其外交政策的自主性。');
  });
});
