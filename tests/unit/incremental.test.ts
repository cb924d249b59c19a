/**
 * The keys of incremental builds (`src/build/incremental.ts`): what makes a
 * page render again. The site digest changes with any template, code or
 * site-wide content file and with the options that shape pages, never with
 * an article (each page's key carries its articles) or the day.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageFile, pageKey, routePath, siteDigest } from '../../src/build/incremental.ts';
import { readBuildOptions, type BuildOptions } from '../../src/build/options.ts';
import { addPageAddresses } from '../../src/build/reused-pages.ts';

describe('a page path and its file', () => {
  test.each([
    [
      '/[script]/articles/[slug]/',
      { script: 'zh-hant', slug: 'a-b' },
      '/zh-hant/articles/a-b/',
      'zh-hant/articles/a-b/index.html',
    ],
    ['/[script]/[...page]/', { script: 'zh-hans', page: undefined }, '/zh-hans/', 'zh-hans/index.html'],
    ['/[script]/[...page]/', { script: 'zh-hans', page: 'page/2' }, '/zh-hans/page/2/', 'zh-hans/page/2/index.html'],
    [
      '/[script]/archive/[year]/[month]/[...page]/',
      { script: 'zh-hant', year: '2026', month: '03' },
      '/zh-hant/archive/2026/03/',
      'zh-hant/archive/2026/03/index.html',
    ],
    ['/[script]/rss.xml', { script: 'zh-hant' }, '/zh-hant/rss.xml', 'zh-hant/rss.xml'],
  ])('%s with %o is %s, written to %s', (route, params, path, file) => {
    expect(routePath(route, params)).toBe(path);
    expect(pageFile(path)).toBe(file);
  });

  test('a missing param that is not a rest param is an error, not another page', () => {
    expect(() => routePath('/[script]/articles/[slug]/', { script: 'zh-hant' })).toThrow(/slug/);
  });
});

describe('a page key', () => {
  const article = (slug: string, digest: string, title = 't') => ({ slug, digest, html: '<p>x</p>', title });

  test('an article in the props stands for its digest, wherever it is nested', () => {
    const props = (digest: string) => ({ source: article('a', '1'), links: { related: [article('b', digest)] } });
    expect(pageKey('site', '/p/', props('2'))).toBe(pageKey('site', '/p/', props('2')));
    expect(pageKey('site', '/p/', props('2'))).not.toBe(pageKey('site', '/p/', props('3')));
  });

  test('a list page changes with its members, their order and its counts', () => {
    const page = (slugs: string[], total: number) => ({ page: { data: slugs.map((slug) => article(slug, slug)), total } });
    const key = pageKey('site', '/l/', page(['a', 'b'], 2));
    expect(pageKey('site', '/l/', page(['b', 'a'], 2))).not.toBe(key);
    expect(pageKey('site', '/l/', page(['a', 'b'], 3))).not.toBe(key);
    expect(pageKey('site', '/l/', page(['a', 'c'], 2))).not.toBe(key);
  });

  test('the site digest and the path are part of it', () => {
    expect(pageKey('site', '/p/', {})).not.toBe(pageKey('other', '/p/', {}));
    expect(pageKey('site', '/p/', {})).not.toBe(pageKey('site', '/q/', {}));
  });
});

describe('the site digest', () => {
  let root: string;
  let content: string;
  let options: BuildOptions;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'guoji-site-digest-'));
    content = join(root, 'content');
    for (const dir of ['src/components', 'public', 'content/articles']) await mkdir(join(root, dir), { recursive: true });
    await writeFile(join(root, 'package-lock.json'), '{}');
    await writeFile(join(root, 'astro.config.ts'), 'export default {};');
    await writeFile(join(root, 'src/components/Headline.astro'), '<h1><slot /></h1>');
    await writeFile(join(root, 'public/robots.css'), 'a{}');
    await writeFile(join(content, 'topics.yaml'), '- id: a\n  name: 制裁\n');
    await writeFile(join(content, 'articles/a.md'), '---\ntitle: a\n---\n');
    options = { ...readBuildOptions({}), root };
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const changes = async (file: string, text: string): Promise<boolean> => {
    const before = await siteDigest(options, content);
    await writeFile(join(root, file), text);
    return (await siteDigest(options, content)) !== before;
  };

  test('a template, the code, public files, the configuration and the lockfile change it', async () => {
    expect(await changes('src/components/Headline.astro', '<h1 class="x"><slot /></h1>')).toBe(true);
    expect(await changes('src/components/Byline.astro', '<p />')).toBe(true);
    expect(await changes('public/robots.css', 'b{}')).toBe(true);
    expect(await changes('astro.config.ts', 'export default { base: "/x/" };')).toBe(true);
    expect(await changes('package-lock.json', '{"v":2}')).toBe(true);
  });

  test('a site-wide content file changes it; an article does not (its pages carry its digest)', async () => {
    expect(await changes('content/topics.yaml', '- id: a\n  name: 制裁甲\n')).toBe(true);
    expect(await changes('content/glossary.yaml', '[]\n')).toBe(true);
    expect(await changes('content/articles/a.md', '---\ntitle: b\n---\n')).toBe(false);
  });

  test('options that shape pages change it; the day, where things are written and when pages are checked do not', async () => {
    const digest = await siteDigest(options, content);
    expect(await siteDigest({ ...options, base: '/news/' }, content)).not.toBe(digest);
    expect(await siteDigest({ ...options, site: 'https://other.example' }, content)).not.toBe(digest);
    expect(await siteDigest({ ...options, today: new Date('2030-01-01') }, content)).toBe(digest);
    expect(await siteDigest({ ...options, cacheDir: '/elsewhere', quiet: true }, content)).toBe(digest);
    // Nor when the pages are checked: as Astro writes them, or after.
    expect(await siteDigest({ ...options, checkDuringRenderFrom: 1 }, content)).toBe(digest);
  });
});

describe('the addresses of the pages taken from the last site', () => {
  test("every one of an archive's, under the site's base, however many (a 50,000-article archive takes 124,000)", () => {
    const paths = Array.from({ length: 300_000 }, (_, index) => `/zh-hant/articles/a-${index}/`);
    const addresses = ['https://x.example/news/sitemap-first/'];
    addPageAddresses(addresses, paths, new URL('/news/', 'https://x.example'));
    expect(addresses).toHaveLength(300_001);
    expect(addresses.at(-1)).toBe('https://x.example/news/zh-hant/articles/a-299999/');
  });
});
