import { describe, expect, test } from 'vitest';
import { renderFailures } from '../../src/build/state.ts';
import { articleBody, viewArticle, type ArticleInput } from '../../src/view/article-view.ts';

const broken = {
  slug: 'broken',
  file: 'content/articles/broken.md',
  digest: 'x',
  title: '標題',
  editorialTitle: false,
  summary: '摘要',
  authors: [{ name: '林', role: '記者' }],
  outlet: '測試',
  published: new Date('2025-01-01T00:00:00Z'),
  // A variant the converter has no table for: every conversion of this article fails.
  sourceVariant: 'zh-XX',
  topics: [{ id: 'x', names: { 'zh-hant': '主題', 'zh-hans': '主题' } }],
  sources: [],
  corrections: [],
  glossary: [],
  html: '<p id="p1">正文</p>',
  headings: [],
  hanCharacters: 2,
} as unknown as ArticleInput;

describe('an article whose page cannot be made', () => {
  test('is noted once per part, with its file, and the page is still made, from the fields as written', () => {
    expect(viewArticle(broken, 'zh-hans').title).toBe('標題');
    expect(viewArticle(broken, 'zh-hans').title).toBe('標題');
    expect(articleBody(broken, 'zh-hans')).toBe('');
    const failures = renderFailures().filter((failure) => failure.startsWith('content/articles/broken.md'));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^content\/articles\/broken\.md: making its fields in zh-hans failed: /);
    expect(failures[1]).toMatch(/^content\/articles\/broken\.md: making its body in zh-hans failed: /);
  });
});

describe('an article whose body is read on demand', () => {
  test('a copy of its fields, which carries no body, is noted as a failure, never published empty', () => {
    const { html, ...fields } = { ...broken, slug: 'copied', file: 'content/articles/copied.md', sourceVariant: 'zh-TW' };
    const built = Object.defineProperty({ ...fields }, 'html', { get: () => html, enumerable: false }) as ArticleInput;
    expect(articleBody(built, 'zh-hans')).toContain('正文');
    expect(articleBody({ ...built }, 'zh-hans')).toBe('');
    expect(renderFailures().filter((failure) => failure.startsWith('content/articles/copied.md'))).toEqual([
      'content/articles/copied.md: making its body in zh-hans failed: its body was not given to the page (a copy of its fields?)',
    ]);
  });
});
