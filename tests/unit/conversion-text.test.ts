import { describe, expect, test } from 'vitest';
import { convertPieces, convertText, createConversionLog, openccConverter, type Glossary } from '../../src/conversion/index.ts';

const tw2s = { from: 'zh-TW', to: 'zh-hans' } as const;
const hk2s = { from: 'zh-HK', to: 'zh-hans' } as const;
const s2tw = { from: 'zh-CN', to: 'zh-hant' } as const;

describe('Traditional → Simplified', () => {
  test('it converts Taiwan text with tw2s', () => {
    expect(convertText('習近平於北京會見了俄羅斯總理米舒斯京', tw2s)).toBe('习近平于北京会见了俄罗斯总理米舒斯京');
  });

  test('it tells 隨著 (particle) from 顯著 (notable)', () => {
    expect(convertText('隨著局勢發展，影響顯著', tw2s)).toBe('随着局势发展，影响显著');
  });

  test('it gets 乾 and 幹 right by phrase', () => {
    expect(convertText('乾燥的天氣與幹部會議', tw2s)).toBe('干燥的天气与干部会议');
    expect(convertText('乾隆', tw2s)).toBe('乾隆');
  });

  test('it converts 於, 餘, 裡, 裏, 係, 製 and 佈局', () => {
    expect(convertText('於是其餘的在這裡和那裏', tw2s)).toBe('于是其余的在这里和那里');
    expect(convertText('中俄關係 製造 戰略佈局', tw2s)).toBe('中俄关系 制造 战略布局');
    expect(convertText('國際體係', hk2s)).toBe('国际体系');
  });

  test('it keeps the surname 於 where OpenCC knows the name, and 瞭 in 瞭望', () => {
    expect(convertText('作家於梨華', tw2s)).toBe('作家於梨华');
    expect(convertText('瞭望台', tw2s)).toBe('瞭望台');
  });

  test('it keeps 范 as a surname and names as the author wrote them', () => {
    expect(convertText('經濟通記者范強', hk2s)).toBe('经济通记者范强');
    expect(convertText('川普、普丁、米舒斯京，台北', tw2s)).toBe('川普、普丁、米舒斯京，台北');
  });

  test('it chooses the dictionary by source variant: 著 in 沉著 is 着 only for Taiwan usage', () => {
    expect(convertText('沉著應對', tw2s)).toBe('沉着应对');
    expect(convertText('沉著應對', hk2s)).toBe('沉著应对');
  });

  test('a Traditional page of a Traditional article is its author’s text', () => {
    const text = '這一矛盾現象的核心，在於北京對西方「二級制裁」的深度憂慮。';
    expect(convertText(text, { from: 'zh-TW', to: 'zh-hant' })).toBe(text);
    expect(convertText('衞生署説', { from: 'zh-HK', to: 'zh-hant' })).toBe('衞生署説');
  });
});

describe('Simplified → Traditional', () => {
  test('it converts mainland text with s2tw, to Taiwan-standard characters', () => {
    expect(convertText('头发与发展，干部与干燥，后来与皇后', s2tw)).toBe('頭髮與發展，幹部與乾燥，後來與皇后');
    expect(convertText('这里的面条', s2tw)).toBe('這裡的麵條');
  });

  test('it converts script, not vocabulary: no s2twp localisation', () => {
    expect(convertText('发表声明，支持软件和信息', s2tw)).toBe('發表聲明，支持軟件和信息');
    expect(convertText('菜单', s2tw)).toBe('菜單');
    expect(convertText('普京与特朗普', s2tw)).toBe('普京與特朗普');
  });

  test('a Simplified page of a Simplified article is its author’s text', () => {
    const text = '中俄关系近年来保持高水平运行。';
    expect(convertText(text, { from: 'zh-CN', to: 'zh-hans' })).toBe(text);
    expect(convertText(text, { from: 'zh-SG', to: 'zh-hans' })).toBe(text);
    expect(convertText(text, { from: 'zh-Hans', to: 'zh-hans' })).toBe(text);
  });

  test('OpenCC alone gets 中俄关系 wrong; the glossary fixes it', () => {
    expect(openccConverter('zh-CN', 'zh-hant')('中俄关系')).toBe('中俄關系');
    const glossary: Glossary = [{ 'zh-hant': '中俄關係', 'zh-hans': '中俄关系' }];
    expect(convertText('中俄关系史', { ...s2tw, glossary })).toBe('中俄關係史');
  });
});

describe('inline rules', () => {
  test('-{text}- keeps the text as written on every page', () => {
    expect(convertText('作家-{於梨華}-訪台', tw2s)).toBe('作家於梨華访台');
    expect(convertText('作家-{於梨華}-訪台', { from: 'zh-TW', to: 'zh-hant' })).toBe('作家於梨華訪台');
    expect(convertText('-{R|发}-字', s2tw)).toBe('发字');
  });

  test('-{zh-hans:甲;zh-hant:乙}- gives each script its own text, whatever the source', () => {
    const rule = '總統-{zh-hans:普京;zh-hant:普丁}-表示';
    expect(convertText(rule, tw2s)).toBe('总统普京表示');
    expect(convertText(rule, { from: 'zh-TW', to: 'zh-hant' })).toBe('總統普丁表示');
    expect(convertText('总统-{zh-cn:普京;zh-tw:普丁}-表示', s2tw)).toBe('總統普丁表示');
  });

  test('a rule may change the length, and the log says by how much', () => {
    const log = createConversionLog();
    expect(convertText('存入-{zh-hans:U盘;zh-hant:隨身碟}-中', { ...s2tw, log })).toBe('存入隨身碟中');
    expect(log.lengthChange).toBe(3 - Array.from('-{zh-hans:U盘;zh-hant:隨身碟}-').length);
    expect(log.fixed).toEqual(new Set(['隨身碟']));
  });

  test('a rule ends the phrase around it but the rest of the run still converts', () => {
    expect(convertPieces(['影響顯', '著，-{於}-是'], tw2s)).toEqual(['影响显', '著，於是']);
  });

  test('rules never reach the output, even in attributes and titles', () => {
    expect(convertText('-{zh-hans:甲;zh-hant:乙}-', s2tw)).not.toContain('-{');
  });
});

describe('glossary in both directions', () => {
  const glossary: Glossary = [
    { 'zh-hant': '專著', 'zh-hans': '专著' },
    { 'zh-hant': '於梨華', 'zh-hans': '於梨华' },
  ];

  test('OpenCC alone turns 著 into 着 in 專著', () => {
    expect(openccConverter('zh-TW', 'zh-hans')('專著與原著')).toBe('专着与原着');
  });

  test('an entry pins the term from a Traditional source and from a Simplified one', () => {
    expect(convertText('這部專著', { ...tw2s, glossary })).toBe('这部专著');
    expect(convertText('这部专著', { ...s2tw, glossary })).toBe('這部專著');
    expect(convertText('於梨华的小说', { ...s2tw, glossary })).toBe('於梨華的小說');
  });

  test('an entry pins a term across a markup boundary', () => {
    expect(convertPieces(['他的專', '著出版'], { ...tw2s, glossary })).toEqual(['他的专', '著出版']);
  });

  test('the longest term wins, and the article’s own entries win over the site’s', () => {
    const layered: Glossary = [
      { 'zh-hant': '著作', 'zh-hans': '著作' },
      { 'zh-hant': '著', 'zh-hans': '着' },
      { 'zh-hant': '專著', 'zh-hans': '专着' },
      ...glossary,
    ];
    expect(convertText('著作', { ...tw2s, glossary: layered })).toBe('著作');
    expect(convertText('專著', { ...tw2s, glossary: layered })).toBe('专着');
  });

  test('an entry may change the length; the text stays in order across pieces', () => {
    const pinned: Glossary = [{ 'zh-hant': '隨身碟', 'zh-hans': 'U盘' }];
    const pieces = convertPieces(['存入隨', '身碟中'], { ...tw2s, glossary: pinned });
    expect(pieces.join('')).toBe('存入U盘中');
  });
});

describe('quotation marks follow the page’s script', () => {
  test('「」『』 become “”‘’ on Simplified pages', () => {
    expect(convertText('他說：「這是『不封頂』的關係。」', tw2s)).toBe('他说：“这是‘不封顶’的关系。”');
  });

  test('“”‘’ become 「」『』 on Traditional pages, whichever script the author wrote', () => {
    expect(convertText('他说：“这是‘不封顶’的关系。”', s2tw)).toBe('他說：「這是『不封頂』的關係。」');
    expect(convertText('他說：“這是關係。”', { from: 'zh-HK', to: 'zh-hant' })).toBe('他說：「這是關係。」');
  });

  test('an apostrophe in a Latin word stays an apostrophe', () => {
    expect(convertText('题为“China’s Hedging”的文章', s2tw)).toBe('題為「China’s Hedging」的文章');
  });

  test('Latin text without Han characters is left alone', () => {
    const latin = 'Xi eyes deeper China-Russia ties despite ‘turbulent’ external conditions';
    expect(convertText(latin, s2tw)).toBe(latin);
    expect(convertText(latin, tw2s)).toBe(latin);
  });
});

describe('length', () => {
  test('OpenCC keeps the code-point length, so pieces keep their boundaries', () => {
    const pieces = ['中國', '藉此展現其外交政策的', '自主性', '。'];
    const converted = convertPieces(pieces, tw2s);
    expect(converted.map((piece) => Array.from(piece).length)).toEqual(pieces.map((piece) => Array.from(piece).length));
    expect(converted.join('')).toBe('中国借此展现其外交政策的自主性。');
  });

  test('a phrase split by inline markup converts as one phrase; piece by piece it would not', () => {
    expect(convertPieces(['藉', '此'], tw2s)).toEqual(['借', '此']);
    expect(['顯', '著'].map((piece) => convertText(piece, tw2s)).join('')).toBe('显着');
    expect(convertPieces(['影響顯', '著'], tw2s)).toEqual(['影响显', '著']);
  });
});
