/**
 * The structured data of an article: the fields Google's article
 * documentation lists for `NewsArticle` (checked here by hand, field by
 * field, not by the code that writes them), and JSON that no headline can
 * break out of: parsed back by an HTML parser, the `<script>` holds the
 * whole block, and the block parses back to the very text written.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import type { ArticleView } from '../../src/view/article-view.ts';
import { articleBreadcrumbs, jsonLdText, newsArticle, webSite } from '../../src/view/structured-data.ts';

const hostile = '川普峰會後</script><script>alert(1)</script><!-- \u2028 & 「引號」"';

const view = {
  script: 'zh-hant',
  slug: 'xi-mishustin',
  title: hostile,
  editorialTitle: false,
  summary: '在與美國前總統川普舉行高層峰會僅數日之後……',
  authors: [
    { name: 'Lia', role: '撰稿人', key: 'lia' },
    { name: '陳思遠', role: '責任編輯', key: '陈思远' },
  ],
  outlet: 'Independent Media',
  published: new Date('2025-11-05T00:00:00Z'),
  updated: new Date('2025-11-06T00:00:00Z'),
  sourceVariant: 'zh-TW',
  topics: [{ id: 'china-russia', name: '中俄關係' }],
  sources: [],
  corrections: [],
  headings: [],
  hanCharacters: 1000,
  readingMinutes: 3,
} as unknown as ArticleView;

const addresses = { site: new URL('https://example.org/'), base: '/news/' };
const card = { url: 'https://example.org/news/share-card-zh-hant.png', width: 1200, height: 630 };

describe('NewsArticle', () => {
  const data = JSON.parse(jsonLdText(newsArticle(view, [card], addresses))) as Record<string, unknown>;

  test('holds what Google documents for an article, as schema.org types', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data['headline']).toBe(hostile);
    expect(data['description']).toBe('在與美國前總統川普舉行高層峰會僅數日之後……');
    expect(data['image']).toEqual([
      { '@type': 'ImageObject', url: 'https://example.org/news/share-card-zh-hant.png', width: 1200, height: 630 },
    ]);
    // ISO 8601 dates; modified no earlier than published.
    expect(data['datePublished']).toBe('2025-11-05');
    expect(data['dateModified']).toBe('2025-11-06');
    expect(data['author']).toEqual([
      { '@type': 'Person', name: 'Lia', url: 'https://example.org/news/zh-hant/authors/lia/' },
      {
        '@type': 'Person',
        name: '陳思遠',
        url: 'https://example.org/news/zh-hant/authors/%E9%99%88%E6%80%9D%E8%BF%9C/',
      },
    ]);
    expect(data['publisher']).toEqual({
      '@type': 'Organization',
      name: '國際時評',
      url: 'https://example.org/news/zh-hant/',
      logo: { '@type': 'ImageObject', url: 'https://example.org/news/logo.png', width: 512, height: 512 },
    });
    expect(data['inLanguage']).toBe('zh-Hant');
    expect(data['mainEntityOfPage']).toEqual({
      '@type': 'WebPage',
      '@id': 'https://example.org/news/zh-hant/articles/xi-mishustin/',
    });
    expect(data['isAccessibleForFree']).toBe(true);
  });

  test('cannot be closed by a headline: an HTML parser sees one script element holding all of it', () => {
    const text = jsonLdText(newsArticle(view, [card], addresses));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const tree = fromHtml(`<head><script type="application/ld+json">${text}</script></head>`);
    const found: Element[] = [];
    visit(tree, 'element', (element) => void (element.tagName === 'script' && found.push(element)));
    expect(found).toHaveLength(1);
    expect((JSON.parse(toString(found[0] ?? tree)) as { headline: string }).headline).toBe(hostile);
  });
});

test('BreadcrumbList goes home, topic, article, each a ListItem at its position with an absolute address', () => {
  const data = JSON.parse(jsonLdText(articleBreadcrumbs(view, addresses))) as { itemListElement: unknown[] };
  expect(data.itemListElement).toEqual([
    { '@type': 'ListItem', position: 1, name: '國際時評', item: 'https://example.org/news/zh-hant/' },
    { '@type': 'ListItem', position: 2, name: '中俄關係', item: 'https://example.org/news/zh-hant/topics/china-russia/' },
    { '@type': 'ListItem', position: 3, name: hostile, item: 'https://example.org/news/zh-hant/articles/xi-mishustin/' },
  ]);
});

test('WebSite names the search page with a SearchAction whose template holds the query', () => {
  const data = JSON.parse(jsonLdText(webSite('zh-hans', addresses))) as Record<string, unknown>;
  expect(data['@type']).toBe('WebSite');
  expect(data['potentialAction']).toEqual({
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: 'https://example.org/news/zh-hans/search/?q={search_term_string}' },
    'query-input': 'required name=search_term_string',
  });
});
