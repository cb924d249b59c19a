import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import rehypeConvertScript, { type ConvertScriptOptions } from '../../src/plugins/rehype-convert-script.ts';

async function convert(html: string, options: ConvertScriptOptions = { variant: 'zh-TW' }): Promise<string> {
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

  test('it leaves code, translate="no" and non-Chinese lang regions as written', async () => {
    expect(
      await convert(
        '<p>會見<code>會見</code><span translate="no">會見</span><span lang="ja">會見</span><span lang="zh-Hant">會見</span></p>',
      ),
    ).toBe(
      '<p>会见<code>會見</code><span translate="no">會見</span><span lang="ja">會見</span><span lang="zh-Hant">会见</span></p>',
    );
  });

  test('it keeps heading ids made from the Traditional text', async () => {
    expect(await convert('<h2 id="戰略安撫">戰略安撫</h2>')).toBe('<h2 id="戰略安撫">战略安抚</h2>');
  });

  test('it applies the glossary', async () => {
    expect(await convert('<p>他的<em>專</em>著</p>', { variant: 'zh-TW', glossary: { 專著: '专著' } })).toBe(
      '<p>他的<em>专</em>著</p>',
    );
  });

  test('it uses the Hong Kong dictionary for Hong Kong text', async () => {
    expect(await convert('<p>沉著</p>', { variant: 'zh-HK' })).toBe('<p>沉著</p>');
    expect(await convert('<p>沉著</p>', { variant: 'zh-TW' })).toBe('<p>沉着</p>');
  });
});
