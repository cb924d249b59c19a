import { describe, expect, test } from 'vitest';
import { checkPage } from '../../src/checks/page-checks.ts';
import { ui } from '../../src/i18n/index.ts';
import { inSection, siteSections } from '../../src/view/navigation.ts';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import rehypeParagraphLinks, { type ParagraphLinksOptions } from '../../src/view/rehype-paragraph-links.ts';
import { scripts } from '../../src/site/scripts.ts';

/** An article body's HTML through the plugin, as the article page runs it. */
const withParagraphLinks = (html: string, options: ParagraphLinksOptions): string =>
  String(
    unified().use(rehypeParse, { fragment: true }).use(rehypeParagraphLinks, options).use(rehypeStringify).processSync(html),
  );

describe('rehypeParagraphLinks', () => {
  const label = (number: number): string => `第 ${number} 段`;

  test('each numbered paragraph gets an empty link to itself, named by its label, out of the Tab order and unheard', () => {
    expect(withParagraphLinks('<p id="p1">甲</p><h2 id="x">乙</h2><p id="p2">丙<em>丁</em></p>', { label })).toBe(
      '<p id="p1">甲<a class="para-link" href="#p1" aria-label="第 1 段" tabindex="-1" aria-hidden="true"></a></p><h2 id="x">乙</h2><p id="p2">丙<em>丁</em><a class="para-link" href="#p2" aria-label="第 2 段" tabindex="-1" aria-hidden="true"></a></p>',
    );
  });

  test('paragraphs without a paragraph number, and nested ones, are left alone', () => {
    const html = '<p>甲</p><p id="note">乙</p><blockquote><p id="p3">丙</p></blockquote>';
    expect(withParagraphLinks(html, { label })).toBe(html);
  });
});

describe('site sections', () => {
  test('every section has a label in every script', () => {
    for (const script of scripts)
      for (const { label } of siteSections) expect(ui(script)[label], `${script} ${label}`).toMatch(/\S/);
  });

  test('a page inside a section is in it; the home page only contains itself', () => {
    const [home, topics] = siteSections;
    expect(home && inSection(home, '')).toBe(true);
    expect(home && inSection(home, 'topics/')).toBe(false);
    expect(topics && inSection(topics, 'topics/nato/')).toBe(true);
  });
});

describe('the publish checks and the marks the reader’s page adds to an article body', () => {
  const page = (body: string): string =>
    `<!doctype html><html lang="zh-Hant"><head><title>甲</title></head><body><div class="article__body">${body}</div></body></html>`;
  const context = { fixed: {}, guards: true };

  test('Latin runs, numerals and ¶ links pass', () => {
    const body = withParagraphLinks('<p id="p1"><span class="num">2025</span>年，<span lang="en">AUKUS</span>。</p>', {
      label: (number) => `第 ${number} 段的連結`,
    });
    expect(body).toContain('<a class="para-link" href="#p1" aria-label="第 1 段的連結" tabindex="-1" aria-hidden="true"></a>');
    expect(checkPage('zh-hant/articles/a/index.html', page(body), undefined, context)).toEqual([]);
  });

  test('any other class is still refused', () => {
    expect(
      checkPage('zh-hant/articles/a/index.html', page('<p id="p1"><span class="x">甲</span></p>'), undefined, context),
    ).toEqual([
      'zh-hant/articles/a/index.html: the article body holds attribute class="x" on <span>, which no article may publish',
    ]);
    expect(
      checkPage('zh-hant/articles/a/index.html', page('<p id="p1">甲<a class="x" href="#p1"></a></p>'), undefined, context),
    ).toHaveLength(1);
  });
});
