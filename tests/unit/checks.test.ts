import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Schema } from 'hast-util-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { checkBuiltSite, type SiteCheckOptions } from '../../src/checks/built-site.ts';
import { collectLinks, findBrokenLinks } from '../../src/checks/links.ts';
import { checkPage } from '../../src/checks/page-checks.ts';
import { pageText, parsePage } from '../../src/checks/page-text.ts';
import { guardText } from '../../src/checks/script-guard.ts';
import { storedHtmlSchema } from '../../src/markdown/html-policy.ts';
import { sanitizedCopy } from '../../src/markdown/rehype-sanitize-checked.ts';

describe('guardText', () => {
  test('clean text passes in each script', () => {
    expect(guardText('习近平于北京会见了俄罗斯总理米舒斯京，影响显著。', 'zh-hans')).toEqual([]);
    expect(guardText('習近平於北京會見了俄羅斯總理米舒斯京，影響顯著。', 'zh-hant')).toEqual([]);
  });

  test('a Traditional-only character on a Simplified page is named with its context', () => {
    expect(guardText('习近平于北京會见了总理', 'zh-hans')).toEqual([
      { found: '會', reason: 'character', context: '习近平于北京會见了总理' },
    ]);
  });

  test('a Simplified-only character on a Traditional page is named', () => {
    expect(guardText('習近平於北京会見', 'zh-hant')).toEqual([{ found: '会', reason: 'character', context: '習近平於北京会見' }]);
  });

  test('correct Simplified outside GB2312 passes: 於 (a surname), 瞭, 镕', () => {
    expect(guardText('作家於梨华在瞭望台，朱镕基', 'zh-hans')).toEqual([]);
  });

  test('characters both scripts use pass on Traditional pages: 干, 后, 台', () => {
    expect(guardText('干預、皇后、台灣', 'zh-hant')).toEqual([]);
  });

  test('text a rule or pin fixed is let stand', () => {
    expect(guardText('作家於梨華访台', 'zh-hans', new Set(['於梨華']))).toEqual([]);
    expect(guardText('作家於梨華访台，華', 'zh-hans', new Set(['於梨華']))).toEqual([
      { found: '華', reason: 'character', context: '於梨華访台，華' },
    ]);
  });

  test('quotation marks of the other script are named; an apostrophe is not', () => {
    expect(guardText('他说「是」', 'zh-hans').map(({ found }) => found)).toEqual(['「', '」']);
    expect(guardText('他說“是”', 'zh-hant').map(({ found }) => found)).toEqual(['“', '”']);
    expect(guardText('題為China’s的文章', 'zh-hant')).toEqual([]);
  });

  test('an inline rule marker left in the text is named', () => {
    expect(guardText('甲-{乙}-丙', 'zh-hans').map(({ reason }) => reason)).toEqual(['rule marker', 'rule marker']);
  });

  // Each row: the text on a page of the script, and the marks the guard names (an apostrophe is the same in every script).
  test.each([
    ['zh-hant', '1990’s的經濟', ''],
    ['zh-hant', '習近平（Xi’s）訪問', ''],
    ['zh-hant', '在’90年代的香港', ''],
    ['zh-hant', 'James’ 的著作', ''],
    ['zh-hant', '題為China’s Hedging的文章', ''],
    ['zh-hant', '他說‘不’。', '‘’'],
    ['zh-hant', '所謂“不封頂”', '“”'],
    ['zh-hant', '他說“‘不’就是不”', '“‘’”'],
    ['zh-hant', 'Xi’s ‘turbulent’ ties', ''],
    ['zh-hans', '所谓「不封顶」与『冷战』', '「」『』'],
    ['zh-hans', '在’90年代，Xi’s', ''],
  ] as const)('on %s, 「%s」 names %j', (script, text, marks) => {
    expect(
      guardText(text, script)
        .filter(({ reason }) => reason === 'quotation mark')
        .map(({ found }) => found)
        .join(''),
    ).toBe(marks);
  });
});

describe('pageText', () => {
  test('it collects text, title, description and perceived attributes, skipping code and other-language regions', () => {
    const tree = parsePage(
      '<html><head><title>標題</title><meta name="description" content="描述"><meta property="og:title" content="開"><script>var 變="x"</script></head>' +
        '<body><img alt="圖"><a aria-label="連結" href="/關/">文</a><a lang="zh-Hans" href="/x">简体</a><code>发</code><span lang="en">Reuters</span></body></html>',
    );
    expect(pageText(tree, { lang: 'zh-Hant' })).toEqual(['標題', '描述', '開', '圖', '連結', '文']);
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

const articlePage = (lang: string, body: string) =>
  `<html lang="${lang}"><head><title>t</title></head><body><div class="article__body"><p>${body}</p></div></body></html>`;

function facts(bodyLengths: [string, number][] = []): SiteCheckOptions['rendered'] {
  return { fixed: { 'zh-hant': new Set(), 'zh-hans': new Set() }, bodyLengths: new Map(bodyLengths) };
}

const check = (
  options: Omit<SiteCheckOptions, 'base' | 'guards' | 'rendered' | 'published'> &
    Partial<Pick<SiteCheckOptions, 'rendered' | 'published'>>,
) =>
  checkBuiltSite({
    base: '/',
    guards: true,
    rendered: facts(),
    published: [{ slug: 'a', file: 'content/articles/a.md', published: '2025-01-01' }],
    ...options,
  });

const feed = (script: string, body: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>t</title><link>https://x.example/${script}/articles/a/</link><content:encoded><![CDATA[<p>${body}</p>]]></content:encoded></item></channel></rss>`;

describe('checkBuiltSite', () => {
  const complete = {
    'zh-hant/articles/a/index.html': articlePage('zh-Hant', '會見米舒斯京'),
    'zh-hans/articles/a/index.html': articlePage('zh-Hans', '会见米舒斯京'),
    'zh-hant/rss.xml': feed('zh-hant', '會見'),
    'zh-hans/rss.xml': feed('zh-hans', '会见'),
    'sitemap-0.xml':
      '<urlset><url><loc>https://x.example/zh-hant/articles/a/</loc></url><url><loc>https://x.example/zh-hans/articles/a/</loc></url></urlset>',
    'search/zh-hant.json': JSON.stringify({ bundles: ['zh-hant', 'zh-hant-1'] }),
    'search/zh-hans.json': JSON.stringify({ bundles: ['zh-hans'] }),
    'pagefind/zh-hant/pagefind-entry.json': '{}',
    'pagefind/zh-hant-1/pagefind-entry.json': '{}',
    'pagefind/zh-hans/pagefind-entry.json': '{}',
  };

  test('a complete site passes, except for its missing search index', async () => {
    const { problems } = await check({ site: await folder(complete) });
    expect(problems).toEqual([
      'article "a" is missing from the zh-hant search index',
      'article "a" is missing from the zh-hans search index',
    ]);
  });

  test('a character of the other script on a page or in a feed, lost text and a missing twin are named', async () => {
    const site = await folder({
      ...complete,
      'zh-hans/articles/a/index.html': articlePage('zh-Hans', '會见米舒斯'),
      'zh-hant/articles/a/index.html': articlePage('zh-Hant', '會見米舒斯京发'),
      'zh-hans/rss.xml': feed('zh-hans', '會见'),
      'zh-hant/topics/index.html': articlePage('zh-Hant', '主題'),
    });
    const { problems } = await check({ site, rendered: facts([['zh-hans/articles/a/', 6]]) });
    expect(problems).toContain(
      'zh-hans/articles/a/index.html: character 「會」 of another script than zh-hans in 「會见米舒斯」',
    );
    expect(problems).toContain(
      'zh-hant/articles/a/index.html: character 「发」 of another script than zh-hant in 「會見米舒斯京发」',
    );
    expect(problems).toContain(
      'zh-hans/rss.xml (https://x.example/zh-hans/articles/a/): character 「會」 of another script than zh-hans in 「會见」',
    );
    expect(problems).toContain(
      'zh-hans/articles/a/index.html: the article body has 5 characters of text, its conversion 6: text was lost or added',
    );
    expect(problems).toContain('/zh-hant/topics/ has no twin in zh-hans (/zh-hans/topics/)');
  });

  test('a page linked from the last site, where it passed, keeps its verdict; other checks, facts or bytes check it again', async () => {
    const previous = await folder(complete);
    const passed = await check({ site: previous, published: [], checksDigest: 'code' });
    expect(passed.problems).toEqual([]);
    const page = 'zh-hant/articles/a/index.html';
    const linked = new Set([page]);
    const withLink = async (changes: Record<string, string> = {}): Promise<string> => {
      const site = await folder({ ...complete, ...changes });
      await rm(join(site, page));
      await link(join(previous, page), join(site, page));
      return site;
    };
    // Both article pages: one linked (its verdict taken), one with the same bytes (read, the same key).
    expect(await check({ site: await withLink(), previous, linked, published: [], checksDigest: 'code' })).toMatchObject({
      problems: [],
      unchanged: 2,
    });
    // Other code, or other facts (a text a rule fixed), and both are checked again.
    expect((await check({ site: await withLink(), previous, linked, published: [], checksDigest: 'other' })).unchanged).toBe(0);
    const fixed = { ...facts(), fixed: { 'zh-hant': new Set(['會見']), 'zh-hans': new Set<string>() } };
    expect(
      (await check({ site: await withLink(), previous, linked, published: [], checksDigest: 'code', rendered: fixed })).unchanged,
    ).toBe(0);
    // The other page with new bytes is read and checked: its problem is named.
    const changed = await check({
      site: await withLink({ 'zh-hans/articles/a/index.html': articlePage('zh-Hans', '會见米舒斯京') }),
      previous,
      linked,
      published: [],
      checksDigest: 'code',
    });
    expect(changed.unchanged).toBe(1);
    expect(changed.problems).toEqual([
      'zh-hans/articles/a/index.html: character 「會」 of another script than zh-hans in 「會见米舒斯京」',
    ]);
  });

  test('an article missing from a feed and the sitemap is named', async () => {
    const site = await folder({ ...complete, 'zh-hans/rss.xml': '', 'sitemap-0.xml': '' });
    const { problems } = await check({ site });
    expect(problems).toEqual(
      expect.arrayContaining([
        'article "a" is missing from the zh-hans feed',
        'article "a" (zh-hant) is missing from the sitemap',
        'article "a" (zh-hans) is missing from the sitemap',
      ]),
    );
  });

  test('a feed that is not well-formed XML, a description that holds markup and a search file that is not JSON are named', async () => {
    const site = await folder({
      ...complete,
      'zh-hant/rss.xml': feed('zh-hant', '會見').replace('<title>t</title>', '<title>t\u000c</title>'),
      'zh-hans/rss.xml': feed('zh-hans', '会见').replace(
        '<title>t</title>',
        '<title>t</title><description>&lt;img src=x onerror=alert(1)&gt;</description>',
      ),
      'search/zh-hans.json': '{"bundles": ["zh-hans"',
      // Any XML file, however deep: a topic's feed.
      'zh-hant/topics/t/rss.xml': '<rss><channel></rss>',
    });
    const { problems } = await check({ site });
    expect(problems).toEqual(
      expect.arrayContaining([
        'zh-hant/rss.xml is not well-formed XML (1:121: disallowed character.): feed readers and search engines drop it',
        "zh-hans/rss.xml (https://x.example/zh-hans/articles/a/): the item's description holds markup, where readers expect the summary as text",
        expect.stringMatching(/^search\/zh-hans\.json is not valid JSON/),
        expect.stringMatching(/^zh-hant\/topics\/t\/rss\.xml is not well-formed XML/),
      ]),
    );
  });

  test('on worker threads, the problems of pages far apart and of the site as a whole are all named, pages first', async () => {
    // More pages than this thread checks alone: the workers check them while this thread checks the feeds and indexes.
    const notes: Record<string, string> = {};
    for (let at = 0; at < 300; at++) {
      notes[`zh-hant/notes/${at}/index.html`] = articlePage('zh-Hant', at === 17 ? `第${at}篇发表` : `第${at}篇會見`);
      notes[`zh-hans/notes/${at}/index.html`] = articlePage('zh-Hans', at === 283 ? `第${at}篇會见` : `第${at}篇会见`);
    }
    const site = await folder({ ...complete, ...notes, 'zh-hans/rss.xml': feed('zh-hans', '會见') });
    const workerFile = join(import.meta.dirname, '..', '..', 'src', 'checks', 'page-worker.ts');
    const { problems, pages } = await check({ site, workerFile });
    expect(pages).toBe(602);
    expect(problems).toEqual([
      'zh-hans/notes/283/index.html: character 「會」 of another script than zh-hans in 「第283篇會见」',
      'zh-hant/notes/17/index.html: character 「发」 of another script than zh-hant in 「第17篇发表」',
      'zh-hans/rss.xml (https://x.example/zh-hans/articles/a/): character 「會」 of another script than zh-hans in 「會见」',
      'article "a" is missing from the zh-hant search index',
      'article "a" is missing from the zh-hans search index',
    ]);
  });

  test('a search bundle the browser would merge that is not there, and a bundle no script names, are named', async () => {
    const site = await folder({
      ...complete,
      'search/zh-hans.json': JSON.stringify({ bundles: ['zh-hans', 'zh-hans-1'] }),
      'pagefind/zh-hans-2/pagefind-entry.json': '{}',
    });
    const { problems } = await check({ site });
    expect(problems).toEqual(
      expect.arrayContaining([
        'search/zh-hans.json names the search bundle "zh-hans-1", which pagefind/zh-hans-1/ does not hold',
        "the search bundle pagefind/zh-hans-2/ is named by no script's search data: it is never searched",
      ]),
    );
  });
});

describe('the publish checks keep a list of their own, apart from the sanitizer’s', () => {
  const context = { fixed: {}, guards: true };
  const page = (body: string): string =>
    `<!doctype html><html lang="zh-Hant"><head><title>甲</title></head><body><div class="article__body">${body}</div></body></html>`;
  /** A body sanitized with `schema`, as the article view sanitizes stored HTML. */
  const sanitizedWith = (schema: Schema, html: string): string => {
    const tree = fromHtml(html, { fragment: true });
    return unified().use(rehypeStringify).stringify(sanitizedCopy(tree, schema));
  };
  const problemsOf = (body: string): string[] => checkPage('zh-hant/articles/a/index.html', page(body), undefined, context);

  test('an element the sanitizer wrongly allowed is caught by the checks', () => {
    const mistaken: Schema = {
      ...storedHtmlSchema,
      tagNames: [...(storedHtmlSchema.tagNames ?? []), 'iframe'],
      strip: (storedHtmlSchema.strip ?? []).filter((tag) => tag !== 'iframe'),
      attributes: { ...storedHtmlSchema.attributes, iframe: ['src'] },
    };
    const body = sanitizedWith(mistaken, '<p id="p1">甲<iframe src="https://evil.example/"></iframe></p>');
    expect(body).toContain('<iframe');
    expect(problemsOf(body)).toEqual([
      'zh-hant/articles/a/index.html: the article body holds <iframe>, which no article may publish',
    ]);
  });

  test('an attribute the sanitizer wrongly allowed is caught by the checks', () => {
    const mistaken: Schema = {
      ...storedHtmlSchema,
      attributes: { ...storedHtmlSchema.attributes, img: ['src', 'alt', 'onError'], p: ['id', 'style'] },
    };
    const image = sanitizedWith(mistaken, '<p id="p1"><img src="/a.png" alt="甲" onerror="alert(1)"></p>');
    expect(image).toContain('onerror');
    expect(problemsOf(image)).toEqual([
      'zh-hant/articles/a/index.html: the article body holds attribute "onerror" on <img>, which no article may publish',
    ]);
    const styled = sanitizedWith(mistaken, '<p id="p1" style="position:fixed">甲</p>');
    expect(problemsOf(styled)).toHaveLength(1);
  });

  test.each([
    ['an image from another host', '<p id="p1"><img src="https://tracker.example/x.png" alt="x"></p>', 'attribute src='],
    [
      'an image from another host, scheme-relative',
      '<p id="p1"><img src="//tracker.example/x.png" alt="x"></p>',
      'attribute src=',
    ],
    ['a javascript: link', '<p id="p1"><a href="java\tscript:alert(1)">x</a></p>', 'attribute href='],
    ['a data: link', '<p id="p1"><a href="data:text/html,x">x</a></p>', 'attribute href='],
    ['a form', '<form action="https://evil.example/"><input type="text"></form>', '<form>'],
    ['an SVG', '<p id="p1"><svg><script>alert(1)</script></svg></p>', '<svg>'],
    ['an event handler', '<p id="p1" onclick="alert(1)">甲</p>', 'attribute "onclick" on <p>'],
    ['a comment', '<p id="p1">甲<!-- hidden --></p>', 'an HTML comment'],
    ['a class the build never writes', '<p id="p1" class="x">甲</p>', 'attribute "class" on <p>'],
    ['a paragraph id the build never writes', '<p id="main">甲</p>', 'attribute id="main" on <p>'],
    [
      'the mark of the page’s own tools, which the browser tests do not search for misdeeds',
      '<p id="p1"><span data-page-tool="">甲</span></p>',
      'attribute "data-page-tool" on <span>',
    ],
    [
      'an author’s link taken out of the Tab order',
      '<p id="p1"><a href="https://example.org/" tabindex="-1">甲</a></p>',
      'attribute "tabindex" on <a> other than a ¶ link',
    ],
    [
      'an author’s link hidden from screen readers',
      '<p id="p1"><a href="https://example.org/" aria-hidden="true">甲</a></p>',
      'attribute "aria-hidden" on <a> other than a ¶ link',
    ],
  ])('%s is refused', (_name, body, found) => {
    const [problem] = problemsOf(body);
    expect(problem).toContain(found);
  });

  test('what the build writes passes: ids, footnotes, task lists, tables, editors’ inline tags, ¶ links', () => {
    const body = [
      '<h2 id="全文">全文</h2>',
      '<p id="p1"><span class="num">2025</span>年<span lang="en">AUKUS</span><sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby><abbr title="北約">NATO</abbr><mark>甲</mark><small>乙</small><br><wbr><a class="para-link" href="#p1" aria-label="第 1 段" tabindex="-1" aria-hidden="true"></a></p>',
      '<p id="p2"><img src="/images/a.jpg" alt="甲" title="乙"><a href="https://www.reuters.com/" title="路透">路透</a><a href="mailto:desk@example.org">信</a></p>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked> 甲</li></ul>',
      '<ol start="3"><li>乙</li></ol>',
      '<table><thead><tr><th align="left">甲</th></tr></thead><tbody><tr><td align="right">乙</td></tr></tbody></table>',
      '<pre><code class="language-ts">x</code></pre><blockquote><p>丙</p></blockquote><hr>',
      '<section data-footnotes="" class="footnotes"><h2 class="footnotes__title" id="footnote-label">註釋</h2><ol><li id="user-content-fn-1"><p>丁 <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="返回" class="data-footnote-backref">↩</a></p></li></ol></section>',
    ].join('');
    expect(problemsOf(body)).toEqual([]);
  });
});

test('a link with a broken percent escape is a broken link, not a crash', () => {
  const pages = new Map([['/a/', collectLinks(parsePage('<a href="/zh-hant/%E0%A4/">x</a><a href="#%E0%A4">y</a>'))]]);
  const { problems } = findBrokenLinks({ site: 'https://site.example/', pages, fileExists: () => false });
  expect(problems).toEqual([
    '/a/ → /zh-hant/%E0%A4/: not a valid address (a broken percent escape)',
    '/a/ → #%E0%A4: no element with id "%E0%A4"',
  ]);
});
