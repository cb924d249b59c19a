import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { convertHtml, createConversionLog, rehypeConvertScript, type ConvertOptions } from '../../src/conversion/index.ts';

const tw2s = { from: 'zh-TW', to: 'zh-hans' } as const;

async function convert(html: string, options: ConvertOptions = tw2s): Promise<string> {
  const file = await unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeConvertScript, options)
    .use(rehypeStringify)
    .process(html);
  return String(file);
}

describe('rehypeConvertScript', () => {
  test('it converts a phrase split by emphasis as one phrase', async () => {
    expect(await convert('<p>中國<strong>藉</strong>此展現，影響顯<em>著</em>。</p>')).toBe(
      '<p>中国<strong>借</strong>此展现，影响显<em>著</em>。</p>',
    );
  });

  test('it converts across a link and keeps the URL and id', async () => {
    expect(await convert('<p id="p1">見<a href="/zh-hant/articles/顯著/">顯</a>著</p>')).toBe(
      '<p id="p1">见<a href="/zh-hant/articles/顯著/">显</a>著</p>',
    );
  });

  test('a block boundary ends the phrase', async () => {
    expect(await convert('<ul><li>顯</li><li>著</li></ul>')).toBe('<ul><li>显</li><li>着</li></ul>');
  });

  test('it converts alt, title, aria-label and placeholder but not other attributes', async () => {
    expect(
      await convert(
        '<img alt="會見" title="總理" class="會見" src="會見.png"><input aria-label="搜尋" placeholder="關鍵詞" name="關">',
      ),
    ).toBe('<img alt="会见" title="总理" class="會見" src="會見.png"><input aria-label="搜寻" placeholder="关键词" name="關">');
  });

  test('it leaves code (inline and block), translate="no" and non-Chinese lang regions as written', async () => {
    expect(
      await convert(
        '<p>會見<code>會見 -{甲}-</code><span translate="no">會見</span><span lang="ja">會見</span><span lang="zh-Hant">會見</span></p><pre><code>發展「」</code></pre>',
      ),
    ).toBe(
      '<p>会见<code>會見 -{甲}-</code><span translate="no">會見</span><span lang="ja">會見</span><span lang="zh-Hant">会见</span></p><pre><code>發展「」</code></pre>',
    );
  });

  test('it keeps heading ids made from the source text', async () => {
    expect(await convert('<h2 id="戰略安撫">戰略安撫</h2>')).toBe('<h2 id="戰略安撫">战略安抚</h2>');
    expect(await convert('<h2 id="战略安抚">战略安抚</h2>', { from: 'zh-CN', to: 'zh-hant' })).toBe(
      '<h2 id="战略安抚">戰略安撫</h2>',
    );
  });

  test('it resolves inline rules in text and in attributes', async () => {
    expect(
      await convert('<p title="-{zh-hans:甲;zh-hant:乙}-">作家-{於梨華}-<em>訪</em>台</p>', { from: 'zh-TW', to: 'zh-hans' }),
    ).toBe('<p title="甲">作家於梨華<em>访</em>台</p>');
  });

  test('it applies the glossary across markup', async () => {
    const glossary = [{ 'zh-hant': '專著', 'zh-hans': '专著' }];
    expect(await convert('<p>他的<em>專</em>著</p>', { ...tw2s, glossary })).toBe('<p>他的<em>专</em>著</p>');
  });

  test('it uses the Hong Kong dictionary for Hong Kong text', async () => {
    expect(await convert('<p>沉著</p>', { from: 'zh-HK', to: 'zh-hans' })).toBe('<p>沉著</p>');
    expect(await convert('<p>沉著</p>', tw2s)).toBe('<p>沉着</p>');
  });
});

describe('convertHtml', () => {
  const footnotes = `<p>正文<sup><a href="#user-content-fn-a" id="user-content-fnref-a" data-footnote-ref aria-describedby="footnote-label">1</a></sup>。</p>
<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>
<ol><li id="user-content-fn-a"><p>註釋。 <a href="#user-content-fnref-a" data-footnote-backref aria-label="Back to reference 1" class="data-footnote-backref">↩</a> <a href="#user-content-fnref-a-2" data-footnote-backref aria-label="Back to reference 1-2" class="data-footnote-backref">↩<sup>2</sup></a></p></li></ol></section>`;

  test('the words remark-rehype generates for footnotes are in the page’s script', () => {
    const { html } = convertHtml(footnotes, tw2s, {
      footnotes: { label: '注释', backLabel: (note, use) => `返回注释 ${note}（${use}）` },
    });
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">注释</h2>');
    expect(html).toContain('aria-label="返回注释 1（1）"');
    expect(html).toContain('aria-label="返回注释 1（2）"');
    expect(html).not.toMatch(/Footnotes|Back to reference/);
  });

  test('it reports the text length, counting what rules and labels changed', () => {
    const log = createConversionLog();
    const result = convertHtml('<p>存入-{zh-hans:U盘;zh-hant:隨身碟}-中</p>', { from: 'zh-TW', to: 'zh-hans', log });
    expect(result.html).toBe('<p>存入U盘中</p>');
    expect(result.textLength).toBe(5);
  });
});
