/**
 * Hostile articles (tests/fixtures/hostile/, one technique each, with the
 * outcome it must have in its `# expect:` line): each is refused with its
 * file named, or published inert, or (dated in the future) held back.
 * Inert means: built for real, loaded in Chromium in both scripts, nothing
 * runs, nothing navigates, no request leaves for another origin, and no
 * forbidden element or attribute is in the DOM of the page or of any feed
 * item's HTML. A poisoned content cache is published inert too, and a
 * legitimate article keeps every inline tag editors may use.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.ts';
import { createStaticServer } from '../../scripts/static-server.ts';
import { checkArticleFile, formatProblem } from '../../src/content/article-check.ts';
import { scripts } from '../../src/site/scripts.ts';
import { runBuild } from './run-build.ts';

const root = resolve(import.meta.dirname, '..', '..');
/** An article that uses every inline tag an editor may write, each of which must reach the page. */
const legitimate = `---
slug: every-inline-tag
title: 編輯可用的行內標記
summary: 上標、下標、注音、縮寫、標記、小字、換行與語言標記。
authors:
  - name: 測試
    role: 撰稿人
outlet: 測試
published: 2025-01-02
sourceVariant: zh-TW
topics: [world-order]
---

水的化學式是 H<sub>2</sub>O，註<sup>1</sup>；<ruby>漢<rp>（</rp><rt>hàn</rt><rp>）</rp></ruby>字；<abbr title="北大西洋公約組織">北約</abbr>；<mark>重點</mark>；<small>小字</small>；換行<br>之後；長詞<wbr>斷行；<span lang="en">Friendship</span>。
`;
const fixtures = join(root, 'tests', 'fixtures', 'hostile');
const port = Number(process.env['HOSTILE_TEST_PORT'] ?? 4415);

interface Fixture {
  name: string;
  slug: string;
  technique: string;
  expect: 'refused' | 'inert' | 'held-back';
  source: string;
}

/**
 * A fixture too large to keep in the repository says how it grows:
 * `# repeat: N` writes its last paragraph out N times.
 */
function grown(source: string): string {
  const times = Number(/^# repeat: (\d+)/m.exec(source)?.[1] ?? 1);
  const body = source.trimEnd();
  const last = body.slice(body.lastIndexOf('\n') + 1);
  return times === 1 ? source : `${body.slice(0, body.length - last.length)}${last.repeat(times)}\n`;
}

async function readFixtures(): Promise<Fixture[]> {
  const names = (await readdir(fixtures)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const source = grown(await readFile(join(fixtures, name), 'utf8'));
      return {
        name,
        slug: /^slug: (\S+)$/m.exec(source)?.[1] ?? '',
        technique: /^# technique: (.*)$/m.exec(source)?.[1] ?? '',
        expect: (/^# expect: (\S+)$/m.exec(source)?.[1] ?? '') as Fixture['expect'],
        source,
      };
    }),
  );
}

let all: Fixture[];
let work: string;

/** Builds `content` into `out`; each content folder keeps its own content cache. */
function build(content: string, out: string, cache = 'cache') {
  return runBuild({ content, out, cache: join(work, cache), env: { BUILD_TODAY: '2026-01-01' } });
}

/** A content folder with the real topics and glossary and the given articles. */
async function contentWith(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  await mkdir(join(dir, 'articles'), { recursive: true });
  for (const file of ['topics.yaml', 'glossary.yaml']) await cp(join(root, 'content', file), join(dir, file));
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, 'articles', file), text);
  return dir;
}

beforeAll(async () => {
  all = await readFixtures();
  work = await mkdtemp(join(tmpdir(), 'guoji-hostile-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the hostile fixtures', () => {
  test('there are at least fifty, each with one technique and an expected outcome', () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    for (const fixture of all) {
      expect(fixture.technique, fixture.name).not.toBe('');
      expect(['refused', 'inert', 'held-back'], fixture.name).toContain(fixture.expect);
    }
    const huge = all.find(({ name }) => name === '66-huge-file.md');
    expect(Buffer.byteLength(huge?.source ?? ''), 'the grown 2 MB article').toBeGreaterThan(2_000_000);
  });

  test('each is refused by the content checks with its file named, or passes them', () => {
    const topicIds = new Set(['world-order']);
    for (const fixture of all) {
      const file = `content/articles/${fixture.name}`;
      const { problems } = checkArticleFile(file, fixture.source, { topicIds });
      if (fixture.expect === 'refused') {
        expect(problems.length, `${fixture.name}: ${fixture.technique}`).toBeGreaterThan(0);
        for (const problem of problems) expect(formatProblem(problem).startsWith(`${file}`)).toBe(true);
      } else expect(problems.map(formatProblem), `${fixture.name}: ${fixture.technique}`).toEqual([]);
    }
  });
});

describe('built for real', () => {
  let site: string;
  let server: Server;
  let browser: Browser;
  const origin = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    const published = all.filter((fixture) => fixture.expect !== 'refused');
    const real = await readFile(join(root, 'content', 'articles', 'china-russia-no-limits-2022.md'), 'utf8');
    const content = await contentWith('published', {
      'real.md': real,
      'legitimate.md': legitimate,
      ...Object.fromEntries(published.map((fixture) => [fixture.name, fixture.source])),
    });
    site = join(work, 'site');
    const result = build(content, site);
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain('network attempt');
    server = await createStaticServer({ dir: site, base: '/' });
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  test('a build with every fixture stops, naming every refused file and no stack trace', async () => {
    const content = await contentWith('everything', Object.fromEntries(all.map((fixture) => [fixture.name, fixture.source])));
    const result = build(content, join(work, 'never'), 'cache-everything');
    expect(result.status).toBe(1);
    for (const fixture of all.filter(({ expect: outcome }) => outcome === 'refused'))
      expect(result.output, `${fixture.name} is not named`).toContain(`articles/${fixture.name}`);
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(join(work, 'never'))).toBe(false);
  }, 120_000);

  test('an article dated in the future is held back: no page, no feed item', async () => {
    for (const fixture of all.filter(({ expect: outcome }) => outcome === 'held-back')) {
      for (const script of scripts) {
        expect(existsSync(join(site, script, 'articles', fixture.slug))).toBe(false);
        expect(await readFile(join(site, script, 'rss.xml'), 'utf8')).not.toContain(fixture.slug);
      }
    }
  });

  /** Loads a page and reports what it did that a published article must never do. */
  async function misdeeds(page: Page, path: string): Promise<string[]> {
    const found: string[] = [];
    page.on('dialog', (dialog) => {
      found.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) found.push(`a request to ${request.url()}`);
    });
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    // Hover and focus everything in the article, as a reader's pointer and keyboard would.
    for (const element of await page.locator('article *').all())
      await element.hover({ timeout: 200, force: true }).catch(() => undefined);
    if (new URL(page.url()).pathname !== path) found.push(`it navigated to ${page.url()}`);
    found.push(...(await page.evaluate(domMisdeeds)));
    return found;
  }

  test('every published fixture is inert on its pages, in both scripts', async () => {
    const context = await browser.newContext();
    for (const fixture of all.filter(({ expect: outcome }) => outcome === 'inert')) {
      for (const script of scripts) {
        const page = await context.newPage();
        expect(await misdeeds(page, `/${script}/articles/${fixture.slug}/`), `${fixture.name} (${script})`).toEqual([]);
        await page.close();
      }
    }
    for (const script of scripts) {
      const page = await context.newPage();
      expect(await misdeeds(page, `/${script}/`), `home (${script})`).toEqual([]);
      await page.close();
    }
    await context.close();
  }, 180_000);

  test('a legitimate article keeps every inline tag editors may use, in both scripts', async () => {
    for (const script of scripts) {
      const page = await readFile(join(site, script, 'articles', 'every-inline-tag', 'index.html'), 'utf8');
      for (const tag of [
        '<sub>2</sub>',
        '<sup>1</sup>',
        '<ruby>',
        '<rp>',
        '<rt>hàn</rt>',
        '<mark>',
        '<small>',
        '<br>',
        '<wbr>',
        '<span lang="en">Friendship</span>',
      ])
        expect(page, `${tag} (${script})`).toContain(tag);
      expect(page).toMatch(/<abbr title="北大西洋公[約约]組?[織织]?[^"]*">/);
    }
  });

  /** Puts `html` before the stored body of the real article in the content cache, keeping its digest. */
  async function poisonCache(html: string): Promise<void> {
    const store = join(work, 'cache', 'data-store.json');
    const values = JSON.parse(await readFile(store, 'utf8')) as unknown[];
    // The rendered body (the Markdown body holds the same sentence, without the paragraph id).
    const index = values.findIndex((value) => typeof value === 'string' && value.includes('<p id="p1">中俄兩國領導人'));
    expect(index).toBeGreaterThan(-1);
    values[index] = html + String(values[index]).replace(/^.*?(?=<p id="p1">)/s, '');
    await writeFile(store, JSON.stringify(values));
  }

  test('a poisoned content cache is published inert', async () => {
    await poisonCache(
      '<p>毒化標記</p><script>alert(1)</script><img src="https://evil.example/p.gif" onerror="alert(1)"><meta http-equiv="refresh" content="0;url=https://evil.example/"><iframe src="https://evil.example/"></iframe><a href="javascript:alert(1)">點</a>',
    );
    const again = join(work, 'site-poisoned');
    const result = build(join(work, 'published'), again);
    expect(result.status, result.output).toBe(0);
    for (const script of scripts) {
      const page = await readFile(join(again, script, 'articles', 'china-russia-no-limits-2022', 'index.html'), 'utf8');
      // The cache was used (its marker is on the page), and nothing it smuggled is.
      expect(page).toMatch(/毒化標記|毒化标记/);
      // (Other hostile fixtures' titles, shown as text in the related list, may spell alert(1) in escaped form.)
      expect(page).not.toMatch(/<script>alert|onerror|javascript:|evil\.example|<iframe|http-equiv="refresh"/);
      const feed = (await readFile(join(again, script, 'rss.xml'), 'utf8'))
        .split('<item>')
        .filter((item) => item.includes('china-russia-no-limits-2022'))
        .join('');
      expect(feed).toMatch(/毒化標記|毒化标记/);
      expect(feed).not.toMatch(/alert\(1\)|evil\.example|&lt;iframe/);
    }
  }, 120_000);

  test('a poisoned cache that gives a heading the id of the page’s own search box is refused', async () => {
    await poisonCache('<h2 id="site-search">毒化標記</h2>');
    const result = build(join(work, 'published'), join(work, 'site-clobbered'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('the id "site-search" is used more than once');
  }, 120_000);

  test('every feed item’s HTML is inert', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/zh-hant/`);
    for (const script of scripts) {
      const problems = await page.evaluate(async (url) => {
        const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        const items = [...xml.getElementsByTagName('item')];
        const found: string[] = [];
        for (const item of items) {
          const html = item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? '';
          const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
          for (const element of doc.body.querySelectorAll('*')) {
            const tag = element.tagName.toLowerCase();
            if (
              /^(script|style|iframe|object|embed|form|input|button|base|meta|link|svg|math|textarea|template|noscript|details)$/.test(
                tag,
              ) &&
              !(tag === 'input' && element.getAttribute('type') === 'checkbox')
            )
              found.push(`<${tag}> in ${item.getElementsByTagName('link')[0]?.textContent}`);
            for (const attribute of element.attributes) {
              if (
                /^on/i.test(attribute.name) ||
                attribute.name === 'style' ||
                attribute.name === 'srcdoc' ||
                attribute.name === 'formaction'
              )
                found.push(`${attribute.name} on <${tag}>`);
              if (
                /^(href|src|action|data|xlink:href)$/i.test(attribute.name) &&
                /^\s*(javascript|data|vbscript):/i.test(attribute.value)
              )
                found.push(`${attribute.name}="${attribute.value}" on <${tag}>`);
              if (attribute.name === 'src' && /^\s*(https?:)?[\\/]{2}/i.test(attribute.value))
                found.push(`an image from ${attribute.value}`);
            }
          }
        }
        return { items: items.length, found };
      }, `/${script}/rss.xml`);
      expect(problems.items).toBeGreaterThan(0);
      expect(problems.found, script).toEqual([]);
    }
    await page.close();
  });
});

/**
 * Runs in the page: every element or attribute of the document that a
 * published article must never bring (the page's own head and module
 * scripts aside).
 */
function domMisdeeds(): string[] {
  const found: string[] = [];
  // Elements no article may bring: looked for in the articles, not in the page's own header (its search form) nor
  // in the tools the page puts inside the article (`data-page-tool`: sharing, the table of contents), which the
  // publish checks refuse in an article's body.
  for (const element of document.querySelectorAll('article *:not([data-page-tool], [data-page-tool] *)')) {
    const tag = element.tagName.toLowerCase();
    if (
      /^(script|style|iframe|object|embed|form|base|meta|link|svg|math|textarea|template|noscript|details|input|button)$/.test(
        tag,
      )
    )
      found.push(`<${tag}> in an article`);
  }
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'base' || (tag === 'meta' && element.getAttribute('http-equiv') === 'refresh'))
      found.push(`<${tag}> in the page`);
    if (tag === 'script' && !(element.getAttribute('src') ?? '').startsWith('/_astro/')) found.push('a script not of this site');
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name === 'srcdoc' || attribute.name === 'formaction')
        found.push(`${attribute.name} on <${tag}>`);
      if (attribute.name === 'style') found.push(`a style attribute on <${tag}>`);
      if (/^(href|src|action|data|xlink:href)$/i.test(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value))
        found.push(`${attribute.name}="${attribute.value}" on <${tag}>`);
      if (
        attribute.name === 'src' &&
        /^\s*(https?:)?[\\/]{2}/i.test(attribute.value) &&
        !attribute.value.startsWith(location.origin)
      )
        found.push(`<${tag}> loads ${attribute.value}`);
    }
  }
  return found;
}
