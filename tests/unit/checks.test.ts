import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkBuiltSite } from '../../src/integrations/publish-checks.ts';
import { collectLinks, findBrokenLinks } from '../../src/checks/links.ts';
import { pageText, parsePage } from '../../src/checks/page-text.ts';
import { findLeftoverTraditional, gb2312Han } from '../../src/checks/simplified.ts';

describe('findLeftoverTraditional', () => {
  test('clean Simplified text passes', () => {
    expect(findLeftoverTraditional('习近平于北京会见了俄罗斯总理米舒斯京，影响显著。')).toEqual([]);
  });

  test('a Traditional character is named with its context', () => {
    expect(findLeftoverTraditional('习近平于北京會见了总理')).toEqual([
      { character: '會', context: '习近平于北京會见了总理', reason: 'opencc' },
    ]);
  });

  test('a character outside GB2312 is reported unless allow-listed', () => {
    expect(gb2312Han().size).toBe(6763);
    expect(findLeftoverTraditional('囧')).toEqual([{ character: '囧', context: '囧', reason: 'gb2312' }]);
    expect(findLeftoverTraditional('𠮷')).toEqual([{ character: '𠮷', context: '𠮷', reason: 'gb2312' }]);
    expect(findLeftoverTraditional('朱镕基')).toEqual([]);
  });

  test('a pinned glossary term is not reported', () => {
    expect(findLeftoverTraditional('这部专著', ['专著'])).toEqual([]);
  });
});

describe('pageText', () => {
  test('it collects text, title, description and perceived attributes, skipping other-script regions', () => {
    const tree = parsePage(
      '<html><head><title>標題</title><meta name="description" content="描述"><meta property="og:title" content="開"><script>var 變="x"</script></head>' +
        '<body><img alt="圖"><a aria-label="連結" href="/關/">文</a><a lang="zh-Hant" href="/x">繁體</a></body></html>',
    );
    expect(pageText(tree, { skipLangs: ['zh-Hant'] })).toEqual(['標題', '描述', '開', '圖', '連結', '文']);
  });
});

describe('findBrokenLinks', () => {
  const page = (html: string) => collectLinks(parsePage(html));
  test('it reports missing pages and fragments, and skips external links', () => {
    const pages = new Map([
      [
        '/a/',
        page(
          '<a href="/b/#x">b</a><a href="/b/#missing">b</a><a href="/c/">c</a><a href="https://other.example/">o</a><link rel="stylesheet" href="/s.css">',
        ),
      ],
      ['/b/', page('<h2 id="x">x</h2><a href="https://site.example/a/">a</a>')],
    ]);
    const result = findBrokenLinks({ site: 'https://site.example/', pages, fileExists: (path) => path === '/s.css' });
    expect(result.problems).toEqual(['/a/ → /b/#missing: no element with id "missing"', '/a/ → /c/: no such page or file']);
    expect(result.external).toBe(1);
    expect(result.checked).toBe(5);
  });
});

/** Writes files (path → content) into a new temporary folder. */
async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'guoji-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

const articleFile = '---\nslug: a\n---\n正文\n';
const articlePage = (lang: string, body: string) =>
  `<html lang="${lang}"><head><title>t</title></head><body><div class="article__body"><p>${body}</p></div></body></html>`;

describe('checkBuiltSite', () => {
  const complete = {
    'zh-hant/articles/a/index.html': articlePage('zh-Hant', '會見米舒斯京'),
    'zh-hans/articles/a/index.html': articlePage('zh-Hans', '会见米舒斯京'),
    'zh-hant/rss.xml': '<link>https://x.example/zh-hant/articles/a/</link>',
    'zh-hans/rss.xml': '<link>https://x.example/zh-hans/articles/a/</link>',
    'sitemap-0.xml': '<loc>https://x.example/zh-hant/articles/a/</loc><loc>https://x.example/zh-hans/articles/a/</loc>',
  };

  test('a complete site passes, except for its missing search index', async () => {
    const content = await folder({ 'articles/a.md': articleFile });
    const { problems } = await checkBuiltSite({ site: await folder(complete), base: '/', contentDir: content });
    expect(problems).toEqual([
      'article "a" is missing from the zh-hant search index',
      'article "a" is missing from the zh-hans search index',
    ]);
  });

  test('a Traditional character on a Simplified page, lost text and a missing twin are named', async () => {
    const content = await folder({ 'articles/a.md': articleFile });
    const site = await folder({
      ...complete,
      'zh-hans/articles/a/index.html': articlePage('zh-Hans', '會见米舒斯'),
      'zh-hant/topics/index.html': articlePage('zh-Hant', '主題'),
    });
    const { problems } = await checkBuiltSite({ site, base: '/', contentDir: content });
    expect(problems).toContain(
      'zh-hans/articles/a/index.html: Traditional character 「會」 in 「會见米舒斯」 (OpenCC would still convert it)',
    );
    expect(problems).toContain(
      'zh-hans/articles/a/index.html: article text is 5 characters, its Traditional source 6: text was lost or added in conversion',
    );
    expect(problems).toContain('/zh-hant/topics/ has no Simplified twin');
  });

  test('an article missing from a feed and the sitemap is named', async () => {
    const content = await folder({ 'articles/a.md': articleFile });
    const site = await folder({ ...complete, 'zh-hans/rss.xml': '', 'sitemap-0.xml': '' });
    const { problems } = await checkBuiltSite({ site, base: '/', contentDir: content });
    expect(problems).toEqual(
      expect.arrayContaining([
        'article "a" is missing from the zh-hans feed',
        'article "a" (zh-hant) is missing from the sitemap',
        'article "a" (zh-hans) is missing from the sitemap',
      ]),
    );
  });
});
