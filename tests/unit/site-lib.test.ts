import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { formatDate, isoDay } from '../../src/site/dates.ts';
import { headersFor, parseHeadersFile } from '../serve/headers-file.ts';
import { countHan, readingMinutes } from '../../src/site/reading-time.ts';
import { preferredScript } from '../../src/site/scripts.ts';
import { headersFile } from '../../src/serving/security.ts';
import { keyOfPath, pageUrl } from '../../src/site/urls.ts';
import rehypeParagraphIds from '../../src/markdown/rehype-paragraph-ids.ts';

describe('preferredScript', () => {
  test.each([
    [['zh-CN', 'en'], 'zh-hans'],
    [['zh-SG'], 'zh-hans'],
    [['zh-Hans-HK'], 'zh-hans'],
    [['en-US', 'zh-cn'], 'zh-hans'],
    [['zh-TW'], 'zh-hant'],
    [['zh-HK', 'zh-CN'], 'zh-hant'],
    [['zh'], 'zh-hant'],
    [['en-GB', 'fr'], 'zh-hant'],
    [[], 'zh-hant'],
  ] as const)('%j → %s', (languages, script) => {
    expect(preferredScript(languages)).toBe(script);
  });
});

describe('urls', () => {
  test('pages are named by script and key, at the root or under a base', () => {
    expect(pageUrl('/', 'zh-hant', 'articles/a/')).toBe('/zh-hant/articles/a/');
    expect(pageUrl('/news', 'zh-hans')).toBe('/news/zh-hans/');
    expect(keyOfPath('/news/', '/news/zh-hans/topics/x/')).toEqual({ script: 'zh-hans', key: 'topics/x/' });
    expect(keyOfPath('/', '/pagefind/x')).toBeUndefined();
  });
});

describe('dates and reading time', () => {
  const day = new Date('2025-11-05T00:00:00Z');
  test('dates are written the Chinese way in both scripts', () => {
    expect(formatDate(day, 'zh-hant')).toBe('2025年11月5日');
    expect(formatDate(day, 'zh-hans')).toBe('2025年11月5日');
    expect(isoDay(day)).toBe('2025-11-05');
  });

  test('reading time counts Han characters only, at least a minute', () => {
    expect(countHan('川普(Donald Trump)與習近平，2025年')).toBe(7);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(4000)).toBe(10);
  });
});

describe('rehypeParagraphIds', () => {
  test('top-level paragraphs are numbered; existing ids and nested paragraphs are left alone', async () => {
    const file = await unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeParagraphIds)
      .use(rehypeStringify)
      .process('<p>一</p><h2 id="s">節</h2><p id="keep">二</p><blockquote><p>引</p></blockquote><p>三</p>');
    expect(String(file)).toBe(
      '<p id="p1">一</p><h2 id="s">節</h2><p id="keep">二</p><blockquote><p>引</p></blockquote><p id="p3">三</p>',
    );
  });
});

describe('_headers', () => {
  test('the file gives every path the security headers and one cache rule', () => {
    const rules = parseHeadersFile(headersFile('/news/'));
    const page = headersFor(rules, '/news/zh-hant/articles/a/');
    expect(page['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(page['Cache-Control']).toBe('public, max-age=300, must-revalidate');
    expect(headersFor(rules, '/news/_astro/a.1234.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/news/pagefind/zh-hant/fragment/zh_1.pf_fragment')['Cache-Control']).toContain('immutable');
    expect(headersFor(rules, '/news/pagefind/zh-hant/pagefind-entry.json')['Cache-Control']).toContain('max-age=300');
  });

  test('no path matches two cache rules (hosts would join them with a comma)', () => {
    const rules = parseHeadersFile(headersFile('/')).filter((rule) => 'Cache-Control' in rule.headers);
    for (const path of [
      '/',
      '/zh-hant/',
      '/_astro/a.js',
      '/pagefind/zh-hant/index/a.pf_index',
      '/pagefind/zh-hant/pagefind.js',
      '/sitemap-0.xml',
    ]) {
      const matching = rules.filter((rule) =>
        new RegExp(`^${rule.pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(path),
      );
      expect(matching, path).toHaveLength(1);
    }
  });
});
