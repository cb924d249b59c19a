import { describe, expect, test } from 'vitest';
import { checkArticleFile, findDuplicateSlugs, formatProblem, type CheckedArticle } from '../../src/lib/content-check.ts';

const topics = new Set(['china-russia', 'world-order']);

const valid = `---
slug: good-article
title: 中俄關係不封頂
summary: 一段摘要。
authors:
  - name: 范強
    role: 記者
outlet: 經濟通
published: 2022-02-08
sourceVariant: zh-HK
topics: [china-russia]
---

第一段。
`;

function problems(source: string, file = 'content/articles/a.md'): string[] {
  return checkArticleFile(file, source, topics).problems.map(formatProblem);
}

const replace = (field: string, line: string): string => valid.replace(new RegExp(`^${field}:.*$`, 'm'), line);
const remove = (field: string): string => valid.replace(new RegExp(`^${field}:.*\\n`, 'm'), '');

describe('checkArticleFile', () => {
  test('a valid article has no problem and its date is a Date', () => {
    const result = checkArticleFile('content/articles/a.md', valid, topics);
    expect(result.problems).toEqual([]);
    expect(result.article?.data.published).toEqual(new Date('2022-02-08T00:00:00Z'));
    expect(result.article?.data.editorialTitle).toBe(false);
  });

  test('a missing title names the file and the field', () => {
    expect(problems(remove('title'))).toEqual(['content/articles/a.md: title: is required']);
  });

  test('an impossible date names the file, line and field', () => {
    expect(problems(replace('published', 'published: 2022-02-30'))).toEqual([
      'content/articles/a.md:9: published: is not a real calendar date',
    ]);
    expect(problems(replace('published', 'published: 2022-13-01'))).toEqual([
      'content/articles/a.md:9: published: is not a real calendar date',
    ]);
  });

  test('a day/month/year date is refused with the form to use', () => {
    expect(problems(replace('published', 'published: 08/02/2022'))).toEqual([
      'content/articles/a.md:9: published: must be a date written YYYY-MM-DD, e.g. 2025-11-05',
    ]);
  });

  test('a malformed or non-http source URL is refused', () => {
    const withSource = (url: string): string =>
      valid.replace(
        'topics: [china-russia]',
        `topics: [china-russia]\nsources:\n  - publisher: X\n    title: Y\n    url: ${url}`,
      );
    expect(problems(withSource('not a url'))).toEqual([
      'content/articles/a.md:12: sources[0].url: must be an http:// or https:// URL',
    ]);
    expect(problems(withSource('javascript:alert(1)'))).toEqual([
      'content/articles/a.md:12: sources[0].url: must be an http:// or https:// URL',
    ]);
    expect(problems(withSource('https://example.org/a'))).toEqual([]);
  });

  test('an unknown variant lists the variants there are', () => {
    expect(problems(replace('sourceVariant', 'sourceVariant: zh-CN'))).toEqual([
      'content/articles/a.md:10: sourceVariant: must be one of zh-TW, zh-HK, zh-Hant',
    ]);
  });

  test('an unknown field is refused by name', () => {
    expect(problems(valid.replace('outlet:', 'autor: x\noutlet:'))).toEqual([
      'content/articles/a.md:8: autor: unknown field "autor"',
    ]);
  });

  test('a wrong type names the field', () => {
    expect(problems(replace('topics', 'topics: china-russia'))).toEqual([
      'content/articles/a.md:11: topics: Invalid input: expected array, received string',
    ]);
    expect(problems(valid.replace('    role: 記者\n', ''))).toEqual(['content/articles/a.md:5: authors[0].role: is required']);
  });

  test('an unknown topic points at the topics file', () => {
    expect(problems(replace('topics', 'topics: [china-russia, cold-war]'))).toEqual([
      'content/articles/a.md:11: topics[1]: unknown topic "cold-war" (add it to content/topics.yaml)',
    ]);
  });

  test('an empty body is refused', () => {
    expect(problems(valid.replace('\n第一段。\n', '\n   \n'))).toEqual([
      'content/articles/a.md:13: body: is empty: an article needs its text below the frontmatter',
    ]);
  });

  test('bad YAML names the line', () => {
    expect(problems(replace('outlet', 'outlet: [經濟通'))).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:\d+: frontmatter: is not valid YAML: /),
    ]);
  });

  test('a file without frontmatter is refused', () => {
    expect(problems('只有正文。\n')).toEqual([
      'content/articles/a.md:1: frontmatter: is missing: start the file with a --- block of fields',
    ]);
  });

  test('a BOM and CRLF line ends are accepted', () => {
    expect(problems(`\uFEFF${valid.replace(/\n/g, '\r\n')}`)).toEqual([]);
  });

  test('a glossary entry must keep its length', () => {
    expect(problems(valid.replace('topics:', 'glossary:\n  專著: 专门著作\ntopics:'))).toEqual([
      'content/articles/a.md:11: glossary.專著: 「專著」 → 「专门著作」 must keep the same number of characters',
    ]);
  });

  test('a glossary entry must be Simplified', () => {
    expect(problems(valid.replace('topics:', 'glossary:\n  專著: 專著\ntopics:'))).toEqual([
      'content/articles/a.md:11: glossary.專著: 「專著」 is not Simplified: OpenCC would still convert it',
    ]);
  });

  test('a correction must be in the text', () => {
    const corrected = valid.replace(
      'topics:',
      'corrections:\n  - original: 犧C牲\n    corrected: 犧牲\n    note: 刪去 C。\ntopics:',
    );
    expect(problems(corrected)).toEqual([
      'content/articles/a.md:11: corrections[0]: the body should contain 「犧牲」 and no longer 「犧C牲」',
    ]);
    expect(problems(corrected.replace('第一段。', '不犧牲。'))).toEqual([]);
  });

  test('a body over the size limit is refused with its size', () => {
    expect(problems(valid + '字'.repeat(400_000))).toEqual([
      'content/articles/a.md:13: body: is 1.2 MB, over the 1 MB limit for one article',
    ]);
  });

  test('script, event handlers, iframes and javascript: links are refused with their line', () => {
    const hostile = `${valid}\n<script>alert(1)</script>\n\n<p onclick="x()">點</p>\n\n<iframe src="https://evil.example"></iframe>\n\n[點我](javascript:alert(1))\n\n[也點我](JAVASCRIPT:alert(1))\n\n<data:text/html,x>\n`;
    expect(problems(hostile)).toEqual([
      'content/articles/a.md:16: body: raw HTML <script> is not allowed in an article; write Markdown instead',
      'content/articles/a.md:18: body: raw HTML <p> is not allowed in an article; write Markdown instead',
      'content/articles/a.md:20: body: raw HTML <iframe> is not allowed in an article; write Markdown instead',
      'content/articles/a.md:22: body: link to a "javascript:" URL is not allowed (use http, https or mailto)',
      'content/articles/a.md:24: body: link to a "javascript:" URL is not allowed (use http, https or mailto)',
      'content/articles/a.md:26: body: link to a "data:" URL is not allowed (use http, https or mailto)',
    ]);
  });

  test('harmless inline HTML and code that shows HTML are allowed', () => {
    expect(problems(`${valid}\nH<sub>2</sub>O 與 <ruby>漢<rt>hàn</rt></ruby>，以及 \`<script>\`。\n`)).toEqual([]);
    expect(problems(`${valid}\n<sup onmouseover="x()">1</sup>\n`)).toEqual([
      'content/articles/a.md:16: body: attribute "onmouseover" on <sup> is not allowed (only title and lang)',
    ]);
  });
});

describe('findDuplicateSlugs', () => {
  test('every file that shares a slug is named', () => {
    const article = (file: string, slug: string) => ({ file, data: { slug } }) as unknown as CheckedArticle;
    expect(findDuplicateSlugs([article('a.md', 'x'), article('b.md', 'x'), article('c.md', 'y')]).map(formatProblem)).toEqual([
      'a.md: slug: "x" is also used by b.md',
      'b.md: slug: "x" is also used by a.md',
    ]);
  });
});
