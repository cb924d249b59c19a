import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { renderedFacts, renderFailures } from '../../src/build/state.ts';
import { scripts } from '../../src/site/scripts.ts';
import { articleKey } from '../../src/site/urls.ts';
import { articlePageFinish } from '../../src/view/article-body.ts';
import { articlePageBody, bodiesConvertedAhead, planArticlePageBodies } from '../../src/view/article-page-bodies.ts';
import { articleBody, type ArticleInput } from '../../src/view/article-view.ts';

const workerFile = join(import.meta.dirname, '..', '..', 'src', 'view', 'article-body-worker.ts');
const dir = await mkdtemp(join(tmpdir(), 'guoji-page-bodies-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An article as the build hands it to a page: its body kept in a file, read when asked for, not copied. */
async function builtArticle(at: number): Promise<ArticleInput> {
  const file = join(dir, `${at}.html`);
  await writeFile(file, `<p id="p1">第${at}篇：這個國家的總統會見了代表。</p><p id="p2">於大海說，經濟發展很重要。</p>`);
  const fields = {
    slug: `article-${at}`,
    file: `content/articles/article-${at}.md`,
    digest: String(at),
    title: '標題',
    editorialTitle: false,
    summary: '摘要',
    authors: [],
    outlet: '測試',
    published: new Date('2025-01-01T00:00:00Z'),
    // One article the converter has no table for: each of its bodies fails, however it is converted.
    sourceVariant: at === 311 ? 'zh-XX' : 'zh-TW',
    topics: [],
    sources: [],
    corrections: [],
    // A surname the site pins as written: a text the conversion fixed, for the checks.
    glossary: [{ 'zh-hant': '於大海', 'zh-hans': '於大海' }],
    bodyFile: file,
    headings: [],
    hanCharacters: 30,
  };
  return Object.defineProperty(fields, 'html', {
    get: () => readFileSync(file, 'utf8'),
    enumerable: false,
  }) as unknown as ArticleInput;
}

test('bodies converted ahead on the worker are the bodies a page converts itself, with the same facts and failures', async () => {
  const articles = await Promise.all(Array.from({ length: 600 }, (_, at) => builtArticle(at)));
  const pages = articles.flatMap((article) => scripts.map((script) => ({ article, script })));
  planArticlePageBodies(pages, { workerFile, base: '/' });
  const ahead: string[] = [];
  for (const [at, { article, script }] of pages.entries()) {
    ahead.push(await articlePageBody(article, script, '/'));
    // The first page asked starts the worker: time for it to start, as Astro's other work on the pages gives it.
    if (at === 0) await new Promise((done) => setTimeout(done, 3000));
  }
  const { planned, ahead: taken } = bodiesConvertedAhead();
  expect(planned).toBe(pages.length);
  expect(taken).toBeGreaterThan(0);

  // Hand-checked: each script's text, the pinned surname as written, a ¶ link on each paragraph.
  expect(ahead[10]).toContain('第5篇：這個國家的總統會見了代表。');
  expect(ahead[11]).toContain('第5篇：这个国家的总统会见了代表。');
  expect(ahead[11]).toContain('於大海说，经济发展很重要。');
  expect(ahead[11]?.match(/class="para-link"/g)).toHaveLength(2);
  expect(renderedFacts().fixed['zh-hans'].has('於大海')).toBe(true);
  expect(renderedFacts().bodyLengths.get(`zh-hans/${articleKey('article-5')}`)).toBe(30);
  // The broken article's bodies are empty, and each failure is noted as a page converting it itself notes it.
  expect(ahead[622]).toBe('');
  const failures = renderFailures();
  expect(failures).toHaveLength(2);
  expect(failures[0]).toMatch(/^content\/articles\/article-311\.md: making its body in zh-hant failed: /);

  // Every page as this thread makes it, and its noted length the same.
  const lengths = new Map(renderedFacts().bodyLengths);
  for (const [at, { article, script }] of pages.entries()) {
    expect(articleBody(article, script, articlePageFinish(script, {}, '/')), `${script} ${article.slug}`).toBe(ahead[at]);
    const key = `${script}/${articleKey(article.slug)}`;
    expect(renderedFacts().bodyLengths.get(key), key).toBe(lengths.get(key));
  }
  expect(renderFailures()).toEqual(failures);
}, 30_000);
