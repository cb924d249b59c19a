import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { convertHtml } from '../../src/conversion/index.ts';
import { westernRuns } from '../../src/markdown/western-runs.ts';
import rehypeLatinRuns from '../../src/markdown/rehype-latin-runs.ts';

const latin = (text: string): string[] =>
  westernRuns(text)
    .filter(({ kind }) => kind === 'latin')
    .map(({ text: run }) => run);

describe('westernRuns', () => {
  test('the pieces joined are the text', () => {
    const text = '2025年11月5日，川普（Donald Trump）與「AUKUS」的‘turbulent’關係';
    expect(
      westernRuns(text)
        .map(({ text: piece }) => piece)
        .join(''),
    ).toBe(text);
  });

  test('a Latin phrase is one run, with its spaces, apostrophes and inner quotes', () => {
    expect(latin('分析家克利福德·庫南（Clifford Kunan）指出')).toEqual(['Clifford Kunan']);
    expect(latin('題為China’s Hedging on Russia的文章')).toEqual(['China’s Hedging on Russia']);
    expect(latin('標題Xi eyes ties despite ‘turbulent’ conditions。')).toEqual(['Xi eyes ties despite ‘turbulent’ conditions']);
    expect(latin('Lia. Independent Media 台北報導')).toEqual(['Lia. Independent Media']);
  });

  test('Chinese quotation marks around a Latin word stay outside it, to be converted', () => {
    expect(latin('所謂“AUKUS”與“QUAD”')).toEqual(['AUKUS', 'QUAD']);
    expect(latin('他說「AUKUS」。')).toEqual(['AUKUS']);
    expect(latin('the users’ 權利')).toEqual(['the users']);
  });

  test('a run may start with a digit but must hold a letter', () => {
    expect(latin('5G網路與G20峰會')).toEqual(['5G', 'G20']);
    expect(westernRuns('2025年11月5日')).toEqual([
      { kind: 'numeral', text: '2025' },
      { kind: 'other', text: '年' },
      { kind: 'numeral', text: '11' },
      { kind: 'other', text: '月' },
      { kind: 'numeral', text: '5' },
      { kind: 'other', text: '日' },
    ]);
  });

  test('thousands separators and decimal points belong to the number, a full stop does not', () => {
    expect(westernRuns('全文2,920字，約3.5分。')).toContainEqual({ kind: 'numeral', text: '2,920' });
    expect(westernRuns('約3.5分')).toContainEqual({ kind: 'numeral', text: '3.5' });
    expect(westernRuns('共7.')).toContainEqual({ kind: 'numeral', text: '7' });
  });

  test('Chinese text alone is one piece', () => {
    expect(westernRuns('中俄關係不封頂')).toEqual([{ kind: 'other', text: '中俄關係不封頂' }]);
  });
});

async function mark(html: string): Promise<string> {
  const file = await unified().use(rehypeParse, { fragment: true }).use(rehypeLatinRuns).use(rehypeStringify).process(html);
  return String(file);
}

describe('rehypeLatinRuns', () => {
  test('it marks Latin runs with lang="en" and numerals with a class, adding no text', async () => {
    expect(await mark('<p id="p1">2025年，川普（Donald Trump）會見</p>')).toBe(
      '<p id="p1"><span class="num">2025</span>年，川普（<span lang="en">Donald Trump</span>）會見</p>',
    );
  });

  test('it marks text inside emphasis, links and headings', async () => {
    expect(await mark('<h2 id="x">關於<em>AUKUS</em></h2><p><a href="https://example.org/a">NATO</a>東擴</p>')).toBe(
      '<h2 id="x">關於<em><span lang="en">AUKUS</span></em></h2><p><a href="https://example.org/a"><span lang="en">NATO</span></a>東擴</p>',
    );
  });

  test('it leaves code, elements with a lang and the footnotes’ generated labels alone', async () => {
    const html =
      '<p><code>AUKUS 2025</code><span lang="fr">Le Monde</span></p><h2 id="footnote-label">Footnotes</h2><p><a href="#r" data-footnote-backref="" aria-label="Back to reference 1">↩</a></p>';
    expect(await mark(html)).toBe(html);
  });

  test('superscripts, subscripts and ruby annotations are left alone', async () => {
    const html = '<p>H<sub>2</sub>O，註<sup>1</sup>；<ruby>漢<rp>（</rp><rt>hàn</rt><rp>）</rp></ruby>字</p>';
    expect(await mark(html)).toBe(
      '<p><span lang="en">H</span><sub>2</sub><span lang="en">O</span>，註<sup>1</sup>；<ruby>漢<rp>（</rp><rt>hàn</rt><rp>）</rp></ruby>字</p>',
    );
  });

  test('inline rules stay whole, Latin inside them unmarked', async () => {
    expect(await mark('<p>-{zh-hans:软件;zh-hant:軟體}-與AI</p>')).toBe(
      '<p>-{zh-hans:软件;zh-hant:軟體}-與<span lang="en">AI</span></p>',
    );
  });

  test('a marked page still converts: quotation marks around a Latin word stay one pair', () => {
    const { html } = convertHtml('<p>他說「<span lang="en">AUKUS</span>」，又稱『<span lang="en">QUAD</span>』。</p>', {
      from: 'zh-TW',
      to: 'zh-hans',
    });
    expect(html).toBe('<p>他说“<span lang="en">AUKUS</span>”，又称‘<span lang="en">QUAD</span>’。</p>');
  });

  test('no phrase is matched across a Latin word', () => {
    // Read as one phrase, 顯著 keeps 著; with a word between them, 著 alone becomes 着.
    const { html } = convertHtml('<p>顯<span lang="en">AI</span>著</p>', { from: 'zh-TW', to: 'zh-hans' });
    expect(html).toBe('<p>显<span lang="en">AI</span>着</p>');
  });
});
