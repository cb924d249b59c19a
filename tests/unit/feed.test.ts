/**
 * The feed as a feed reader reads it: well-formed XML, every text element
 * holding the text exactly as written, the description plain text even when
 * a reader renders it as HTML.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { feedItems } from '../../src/checks/feeds.ts';
import { xmlError } from '../../src/checks/well-formed.ts';
import type { ArticleInput } from '../../src/view/article-view.ts';
import { feedXml } from '../../src/view/feed.ts';

const article = (authors: string[], summary: string, title = '測試標題'): ArticleInput => ({
  slug: 'a',
  file: 'content/articles/a.md',
  digest: `${authors.join()}${summary}${title}`,
  title,
  editorialTitle: false,
  summary,
  authors: authors.map((name) => ({ name, role: '記者' })),
  outlet: '測試',
  published: new Date('2025-01-01T00:00:00Z'),
  sourceVariant: 'zh-TW',
  topics: [{ id: 'x', names: { 'zh-hant': '主題 & 評論', 'zh-hans': '主题 & 评论' } }],
  sources: [],
  corrections: [],
  glossary: [],
  html: '<p id="p1">正文</p>',
  headings: [],
  hanCharacters: 2,
});

const feed = (input: ArticleInput) =>
  feedXml({
    script: 'zh-hant',
    title: '國際時評',
    description: '說明',
    pageKey: '',
    articles: [input],
    site: new URL('https://x.example/'),
    base: '/',
  });

describe('the feed', () => {
  test.each([["O'Brien"], ['Smith & Jones'], ['007'], ['1e3'], ['0x1F'], ['<b>林</b>'], ['林 一']])(
    'dc:creator carries %j exactly as written',
    (name) => {
      const xml = feed(article([name], '摘要。'));
      expect(xmlError(xml)).toBeUndefined();
      expect(feedItems(xml)[0]?.texts).toContain(name);
    },
  );

  test('a summary with markup is text in the description, even for a reader that renders it as HTML', () => {
    const summary = '摘要<img src=x onerror=alert(1)> & <a href="https://tracker.example/">連結</a>';
    const xml = feed(article(['林'], summary));
    expect(xmlError(xml)).toBeUndefined();
    const [item] = feedItems(xml);
    const rendered = fromHtml(item?.descriptionHtml ?? '', { fragment: true });
    expect(rendered.children.every((node) => node.type === 'text')).toBe(true);
    expect(toString(rendered)).toBe(summary);
  });

  test('a title and a category are text exactly as written', () => {
    const xml = feed(article(['林'], '摘要', '標題 <script>alert(1)</script> & "引號"'));
    expect(feedItems(xml)[0]?.texts).toEqual(expect.arrayContaining(['標題 <script>alert(1)</script> & "引號"', '主題 & 評論']));
  });
});
