import { describe, expect, test } from 'vitest';
import { excerptAround, markText, matchPage, rankMatches, type PageRecord } from '../../src/search/matching.ts';
import { cleanQuery, maxQueryLength, prepareQuery, queryTerms, termVariants } from '../../src/search/query.ts';
import { buildScriptMaps } from '../../src/search/script-map.ts';

describe('cleanQuery', () => {
  test('it trims and collapses spaces', () => {
    expect(cleanQuery('  中俄   關係 ')).toBe('中俄 關係');
  });

  test('it removes bidi overrides, controls and lone surrogates', () => {
    expect(cleanQuery('\u202E制裁\u202C\u0000')).toBe('制裁');
    expect(cleanQuery('制\uD800裁\uDFFF')).toBe('制裁');
  });

  test('it caps the length', () => {
    expect(Array.from(cleanQuery('字'.repeat(5000)))).toHaveLength(maxQueryLength);
  });
});

describe('prepareQuery', () => {
  test('a query within the limit is searched whole', () => {
    expect(prepareQuery('中俄 關係')).toEqual({ text: '中俄 關係', cut: false });
  });

  test('a long query is cut after the last whole term that fits, and says so', () => {
    const words = Array.from({ length: 30 }, (_, index) => `詞${String(index).padStart(2, '0')}`);
    const { text, cut } = prepareQuery(words.join(' '));
    expect(cut).toBe(true);
    expect(Array.from(text).length).toBeLessThanOrEqual(maxQueryLength);
    expect(text.split(' ')).toEqual(words.slice(0, text.split(' ').length));
    expect(text.endsWith(' ')).toBe(false);
  });

  test('a term that ends exactly at the limit is kept whole', () => {
    const text = `${'字'.repeat(maxQueryLength)} 後`;
    expect(prepareQuery(text)).toEqual({ text: '字'.repeat(maxQueryLength), cut: true });
  });

  test('a single term longer than the limit is cut inside', () => {
    expect(prepareQuery('字'.repeat(maxQueryLength + 5))).toEqual({ text: '字'.repeat(maxQueryLength), cut: true });
  });
});

describe('queryTerms', () => {
  test('punctuation and spaces separate terms; Latin is lower-cased', () => {
    expect(queryTerms('中俄，關係 AUKUS!')).toEqual(['中俄', '關係', 'aukus']);
  });

  test('the middle dot of a transliterated name joins it into one term, in any of its forms', () => {
    for (const name of [
      '克利福德·庫南',
      '克利福德・庫南',
      '克利福德‧庫南',
      '克利福德･庫南',
      '克利福德•庫南',
      '克利福德．庫南',
      '克利福德庫南',
    ]) {
      expect(queryTerms(name)).toEqual(['克利福德庫南']);
    }
    expect(queryTerms('Clifford·Kunan')).toEqual(['clifford', 'kunan']);
  });

  test('a number keeps its decimal point, thousands comma, percent sign and the marks of a date', () => {
    expect(queryTerms('1935.3克')).toEqual(['1935.3克']);
    expect(queryTerms('增長82.5%，')).toEqual(['增長82.5%']);
    expect(queryTerms('82.5％')).toEqual(['82.5％']);
    expect(queryTerms('1,200 人')).toEqual(['1,200', '人']);
    expect(queryTerms('9·11事件')).toEqual(['9·11事件']);
    expect(queryTerms('9・11 2026-06-30 10:30 11/5')).toEqual(['9・11', '2026-06-30', '10:30', '11/5']);
    // Marks between letters, or at the end, still separate.
    expect(queryTerms('COVID-19, a.b 5.')).toEqual(['covid', '19', 'a', 'b', '5']);
    expect(queryTerms('%5')).toEqual(['5']);
  });

  test('markup is just punctuation', () => {
    expect(queryTerms('<img src=x onerror=alert(1)>')).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
    expect(queryTerms('「」、。！')).toEqual([]);
  });
});

describe('buildScriptMaps and termVariants', () => {
  const maps = buildScriptMaps(
    [
      ['會見發展', '会见发展'],
      ['頭髮', '头发'],
      ['于先生於是', '于先生于是'],
    ].map(([hant = '', hans = '']) => ({ 'zh-hant': hant, 'zh-hans': hans })),
  );

  test('Simplified characters map to the Traditional ones the site uses', () => {
    expect(maps['zh-hant']['会']).toBe('會');
    expect(maps['zh-hant']['发']).toBe('發髮');
    expect(termVariants('会见', maps['zh-hant'])).toEqual(['會見']);
    expect(termVariants('发', maps['zh-hant'])).toEqual(['發', '髮']);
  });

  test('a character that also occurs unchanged keeps itself as a spelling', () => {
    expect(maps['zh-hant']['于']).toBe('於于');
  });

  test('Traditional characters map to Simplified for Simplified pages', () => {
    expect(termVariants('會見', maps['zh-hans'])).toEqual(['会见']);
    expect(termVariants('制裁', maps['zh-hans'])).toEqual(['制裁']);
  });
});

const record = (content: string, anchors: PageRecord['anchors'] = [], title = ''): PageRecord => ({
  url: '/a/',
  content,
  meta: { title },
  anchors,
});

describe('matchPage', () => {
  const page = record(
    '標題. 北京會見了俄羅斯總理米舒斯京。 經濟現實. 制裁有著巨大的恐懼。',
    [
      { element: 'p', id: 'p1', text: '北京會見了俄羅斯總理米舒斯京。' },
      { element: 'h3', id: '經濟現實', text: '經濟現實' },
      { element: 'p', id: 'p2', text: '制裁有著巨大的恐懼。' },
    ],
    '習近平會見米舒斯京',
  );

  test('a page with the exact sequence matches, with the sections it is in', () => {
    const match = matchPage(page, [['制裁']]);
    expect(match?.occurrences).toBe(1);
    // The page's excerpt is p2 itself: the section is named, not quoted twice.
    expect(match?.excerpt).toEqual([
      { text: '制裁', mark: true },
      { text: '有著巨大的恐懼。', mark: false },
    ]);
    expect(match?.sections).toEqual([{ heading: '經濟現實', id: 'p2', excerpt: [] }]);
    expect(match?.inTitle).toBe(false);
  });

  test('a section line quotes a paragraph the page’s excerpt does not show, and never its own heading', () => {
    const sectioned = record(
      '',
      [
        { element: 'p', id: 'p1', text: '導言談到制裁。' },
        { element: 'h2', id: 'a', text: '制裁的代價' },
        { element: 'p', id: 'p2', text: '第二段沒有那個詞。' },
        { element: 'h2', id: 'b', text: '經濟' },
        { element: 'p', id: 'p3', text: '第三段也沒有。' },
        { element: 'p', id: 'p4', text: '第四段再談制裁與能源。' },
        { element: 'p', id: 'p5', text: '第五段又談制裁。' },
      ],
      '',
    );
    const match = matchPage({ ...sectioned, content: sectioned.anchors.map(({ text }) => text).join(' ') }, [['制裁']]);
    expect(match?.excerpt.map(({ text }) => text).join('')).toBe('導言談到制裁。');
    expect(match?.sections).toEqual([
      { heading: '制裁的代價', id: 'a', excerpt: [] },
      {
        heading: '經濟',
        id: 'p4',
        excerpt: [
          { text: '第四段再談', mark: false },
          { text: '制裁', mark: true },
          { text: '與能源。', mark: false },
        ],
      },
    ]);
  });

  test('scattered characters do not match', () => {
    expect(matchPage(page, [['俄羅斯總理普丁']])).toBeUndefined();
    expect(matchPage(page, [['京米']])).toBeUndefined();
  });

  test('every term must occur; any spelling of a term will do', () => {
    expect(matchPage(page, [['北京'], ['普丁']])).toBeUndefined();
    expect(matchPage(page, [['会见', '會見'], ['米舒斯京']])?.found).toEqual(['會見', '米舒斯京']);
  });

  test('folded spellings match the form the page prints, and report it as printed', () => {
    const table = { 峯: '峰', 説: '說' };
    const printed = record('川普峯會之後，庫南説。克利福德·庫南指出 Putin。');
    expect(matchPage(printed, [['川普峰會']], table)?.found).toEqual(['川普峯會']);
    expect(matchPage(printed, [['庫南說']], table)?.found).toEqual(['庫南説']);
    expect(matchPage(printed, [['克利福德庫南']], table)?.found).toEqual(['克利福德·庫南']);
    expect(matchPage(printed, [['putin']], table)?.found).toEqual(['Putin']);
  });

  test('a Latin term matches only at the start of a word', () => {
    expect(matchPage(record('Mexico and Taxis'), [['xi']])).toBeUndefined();
    expect(matchPage(record('As Putin Embraces Xi'), [['xi']])?.found).toEqual(['Xi']);
    expect(matchPage(record('Mishustin'), [['mishust']])?.found).toEqual(['Mishust']);
  });

  test('text before the first heading is the excerpt, not a section', () => {
    expect(matchPage(page, [['米舒斯京']])?.sections).toEqual([]);
    expect(matchPage(page, [['米舒斯京']])?.excerpt.find((segment) => segment.mark)?.text).toBe('米舒斯京');
    expect(matchPage(page, [['米舒斯京']])?.inTitle).toBe(true);
  });

  test('headline matches rank first, then more occurrences', () => {
    const a = { match: matchPage(record('制裁', [], ''), [['制裁']])!, score: 9 };
    const b = { match: matchPage(record('制裁 制裁', [], ''), [['制裁']])!, score: 1 };
    const c = { match: matchPage(record('制裁', [], '制裁'), [['制裁']])!, score: 0 };
    expect(rankMatches([a, b, c])).toEqual([c, b, a]);
  });
});

describe('excerpts', () => {
  test('markText marks every occurrence, longest first where they overlap', () => {
    expect(markText('中俄關係不封頂', ['中俄', '中俄關係'])).toEqual([
      { text: '中俄關係', mark: true },
      { text: '不封頂', mark: false },
    ]);
  });

  test('excerptAround cuts a window around the first hit and marks the cut', () => {
    const text = `${'前'.repeat(100)}制裁${'後'.repeat(100)}`;
    const segments = excerptAround(text, ['制裁']);
    expect(segments[0]).toEqual({ text: '…', mark: false });
    expect(segments.at(-1)).toEqual({ text: '…', mark: false });
    expect(segments.find((segment) => segment.mark)?.text).toBe('制裁');
  });

  const excerptText = (text: string, needle: string): string =>
    excerptAround(text, [needle])
      .map(({ text: part }) => part)
      .join('');

  test('an excerpt starts at the start of the sentence holding the hit, and ends at a sentence end', () => {
    const text =
      '北京與莫斯科的關係近年來備受關注，雙方在能源與軍事上的合作不斷加深。自三年半前烏克蘭戰爭全面爆發以來，中俄關係在西方的嚴厲制裁下持續走近。然而，近期的中美高層互動無疑觸動了莫斯科的敏感神經，北京因此需要透過高規格接待向克里姆林宮保證兩國的協作不受影響。此後的發展仍有待觀察。';
    expect(excerptText(text, '制裁')).toBe(
      '自三年半前烏克蘭戰爭全面爆發以來，中俄關係在西方的嚴厲制裁下持續走近。然而，近期的中美高層互動無疑觸動了莫斯科的敏感神經，北京因此需要透過高規格接待向克里姆林宮保證兩國的協作不受影響。',
    );
  });

  test('in a long sentence an excerpt starts at a clause, and a cut never falls inside a Latin word', () => {
    const clause = `${'甲'.repeat(50)}，美國前總統川普（Donald Trump）舉行峰會後，北京與莫斯科再度會談`;
    expect(excerptText(clause, '峰會')).toBe('…美國前總統川普（Donald Trump）舉行峰會後，北京與莫斯科再度會談');
    // Forty characters before 峰會 fall on the r of Trump.
    const latin = `${'乙'.repeat(10)}Donald Trump${'丙'.repeat(36)}峰會${'丁'.repeat(150)}`;
    expect(latin[latin.indexOf('峰會') - 40]).toBe('r');
    const excerpt = excerptText(latin, '峰會');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/^…[a-z]/);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  test('a short text is shown whole', () => {
    expect(excerptText('中俄關係不封頂。', '封頂')).toBe('中俄關係不封頂。');
  });
});
