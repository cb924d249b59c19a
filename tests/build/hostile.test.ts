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
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.ts';
import { createStaticServer } from '../../scripts/static-server.ts';
import * as yaml from 'js-yaml';
import { formatProblem } from '../../src/content/article-check.ts';
import { checkContentFolder } from '../../src/content/content-folder.ts';
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
const today = new Date('2026-01-01T00:00:00Z');

/** What a fixture folder does to its content folder beyond writing its files. */
interface Setup {
  /** A symbolic link at this path (relative to the content folder)… */
  link?: string;
  /** …to this target. */
  to?: string;
  /** A named pipe at this path. */
  fifo?: string;
  /** A folder at this path. */
  folder?: string;
  /** The fixture's own file at this path, written in Latin-1 instead of UTF-8. */
  latin1?: string;
}

interface Fixture {
  /** Its file (`82-title-form-feed.md`) or folder (`126-symlink-outside`) under tests/fixtures/hostile/. */
  name: string;
  technique: string;
  expect: 'refused' | 'inert' | 'held-back';
  /** Words a refusal must hold (the limit, the code point). */
  message?: string | undefined;
  /** Files it writes, relative to a content folder. */
  files: Record<string, string>;
  setup: Setup[];
  /** YAML appended to the site's topics and glossary. */
  topics?: string | undefined;
  glossary?: string | undefined;
  /** Replaces a list file: checked on its own, left out of the build of every fixture. */
  alone: boolean;
  slugs: string[];
}

/**
 * A fixture too large to keep in the repository says how it grows: after a
 * line `<!-- repeat N -->` the rest of the file, exactly as written (with or
 * without a line end), is written out N times and the marker goes;
 * `# repeat: N` in the frontmatter writes the last paragraph out N times.
 */
function grown(source: string): string {
  const block = /\n<!-- repeat (\d+) -->\n/.exec(source);
  if (block) return `${source.slice(0, block.index)}\n${source.slice(block.index + block[0].length).repeat(Number(block[1]))}`;
  const times = Number(/^# repeat: (\d+)/m.exec(source)?.[1] ?? 1);
  const body = source.trimEnd();
  const last = body.slice(body.lastIndexOf('\n') + 1);
  return times === 1 ? source : `${body.slice(0, body.length - last.length)}${last.repeat(times)}\n`;
}

const slugOf = (source: string): string => /^slug: (\S+)$/m.exec(source)?.[1] ?? '';

async function readFixture(name: string): Promise<Fixture> {
  const path = join(fixtures, name);
  if (name.endsWith('.md')) {
    const source = grown(await readFile(path, 'utf8'));
    return {
      name,
      technique: /^# technique: (.*)$/m.exec(source)?.[1] ?? '',
      expect: (/^# expect: (\S+)$/m.exec(source)?.[1] ?? '') as Fixture['expect'],
      message: /^# message: (.*)$/m.exec(source)?.[1],
      // Filed under its slug, as the checks ask (a slug that is no slug keeps the fixture's name, and is refused for it).
      files: { [`articles/${/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slugOf(source)) ? `${slugOf(source)}.md` : name}`]: source },
      setup: [],
      alone: false,
      slugs: [slugOf(source)],
    };
  }
  const meta = yaml.load(await readFile(join(path, 'fixture.yaml'), 'utf8')) as Omit<Fixture, 'name' | 'files' | 'slugs'>;
  const files: Record<string, string> = {};
  // A fixture that is only a link or a pipe has no articles of its own (git keeps no empty folder).
  for (const file of await readdir(join(path, 'articles')).catch(() => [] as string[]))
    files[`articles/${file}`] = await readFile(join(path, 'articles', file), 'utf8');
  return {
    ...meta,
    name,
    setup: meta.setup ?? [],
    alone: meta.alone ?? false,
    files,
    slugs: Object.values(files).map(slugOf),
  };
}

async function readFixtures(): Promise<Fixture[]> {
  const names = (await readdir(fixtures)).filter((name) => !name.startsWith('.')).sort();
  return Promise.all(names.map(readFixture));
}

let all: Fixture[];
let work: string;

/** Builds `content` into `out`; each content folder keeps its own content cache. */
function build(content: string, out: string, cache = 'cache') {
  return runBuild({ content, out, cache: join(work, cache), env: { BUILD_TODAY: '2026-01-01' } });
}

/** A content folder with the real topics and glossary, the given articles, and what each fixture adds to it. */
async function contentWith(name: string, files: Record<string, string>, with_: readonly Fixture[] = []): Promise<string> {
  const dir = join(work, name);
  await mkdir(join(dir, 'articles'), { recursive: true });
  for (const list of ['topics', 'glossary'] as const) {
    const extra = with_.map((fixture) => fixture[list] ?? '').join('');
    await writeFile(join(dir, `${list}.yaml`), `${await readFile(join(root, 'content', `${list}.yaml`), 'utf8')}${extra}`);
  }
  const written = { ...files, ...Object.assign({}, ...with_.map((fixture) => fixture.files)) } as Record<string, string>;
  for (const [file, text] of Object.entries(written)) await writeFile(join(dir, file), text);
  for (const step of with_.flatMap((fixture) => fixture.setup)) {
    if (step.link !== undefined && step.to !== undefined) {
      await rm(join(dir, step.link), { force: true });
      await symlink(step.to, join(dir, step.link));
    }
    if (step.fifo !== undefined) execFileSync('mkfifo', [join(dir, step.fifo)]);
    if (step.folder !== undefined) await mkdir(join(dir, step.folder), { recursive: true });
    if (step.latin1 !== undefined) await writeFile(join(dir, step.latin1), Buffer.from(written[step.latin1] ?? '', 'latin1'));
  }
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
  test('there are at least ninety, each with one technique and an expected outcome', () => {
    expect(all.length).toBeGreaterThanOrEqual(90);
    for (const fixture of all) {
      expect(fixture.technique, fixture.name).not.toBe('');
      expect(['refused', 'inert', 'held-back'], fixture.name).toContain(fixture.expect);
    }
    const huge = all.find(({ name }) => name === '66-huge-file.md');
    expect(Buffer.byteLength(Object.values(huge?.files ?? {})[0] ?? ''), 'the grown 2 MB article').toBeGreaterThan(2_000_000);
  });

  test('each is refused by the content checks with its file named and why, or passes them', async () => {
    for (const fixture of all) {
      const dir = await contentWith(`check-${fixture.name}`, {}, [fixture]);
      const { problems } = await checkContentFolder({ root: work, contentDir: dir, today, future: false });
      const messages = problems.map(formatProblem);
      const label = `${fixture.name}: ${fixture.technique}`;
      if (fixture.expect === 'refused') {
        expect(messages.length, label).toBeGreaterThan(0);
        for (const message of messages) expect(message.startsWith(`check-${fixture.name}/`), label).toBe(true);
        if (fixture.message !== undefined) expect(messages.join('\n'), label).toContain(fixture.message);
      } else expect(messages, label).toEqual([]);
    }
  }, 120_000);
});

describe('built for real', () => {
  let site: string;
  let server: Server;
  let browser: Browser;
  const origin = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    const published = all.filter((fixture) => fixture.expect !== 'refused');
    const real = await readFile(join(root, 'content', 'articles', 'china-russia-no-limits-2022.md'), 'utf8');
    const content = await contentWith(
      'published',
      { 'articles/china-russia-no-limits-2022.md': real, 'articles/every-inline-tag.md': legitimate },
      published,
    );
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

  test('a build with every fixture stops, naming every refused file, and why, and no stack trace', async () => {
    const together = all.filter(({ alone }) => !alone);
    const content = await contentWith('everything', {}, together);
    const result = build(content, join(work, 'never'), 'cache-everything');
    expect(result.status).toBe(1);
    for (const fixture of together.filter(({ expect: outcome }) => outcome === 'refused')) {
      const paths = [
        ...Object.keys(fixture.files),
        ...fixture.setup.flatMap((step) => [step.link, step.fifo, step.folder, step.latin1].filter((path) => path !== undefined)),
      ];
      const named = paths.some((file) => result.output.includes(file)) || fixture.topics || fixture.glossary;
      expect(named, `${fixture.name} is not named`).toBeTruthy();
      if (fixture.message !== undefined) expect(result.output, `${fixture.name}: why`).toContain(fixture.message);
    }
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(join(work, 'never'))).toBe(false);
  }, 120_000);

  test('an article dated in the future is held back: no page, no feed item', async () => {
    for (const { slugs } of all.filter(({ expect: outcome }) => outcome === 'held-back'))
      for (const slug of slugs)
        for (const script of scripts) {
          expect(existsSync(join(site, script, 'articles', slug))).toBe(false);
          expect(await readFile(join(site, script, 'rss.xml'), 'utf8')).not.toContain(slug);
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
    // Hover and focus everything in the article, as a reader's pointer and keyboard would (the first two hundred
    // elements: the fixtures that flood a page with elements are there for the work they cost, not for handlers).
    for (const element of (await page.locator('article *').all()).slice(0, 200))
      await element.hover({ timeout: 200, force: true }).catch(() => undefined);
    if (new URL(page.url()).pathname !== path) found.push(`it navigated to ${page.url()}`);
    found.push(...(await page.evaluate(domMisdeeds)));
    return found;
  }

  test('every published fixture is inert on its pages, in both scripts', async () => {
    const context = await browser.newContext();
    for (const fixture of all.filter(({ expect: outcome }) => outcome === 'inert'))
      for (const slug of fixture.slugs)
        for (const script of scripts) {
          const page = await context.newPage();
          expect(await misdeeds(page, `/${script}/articles/${slug}/`), `${fixture.name} (${script})`).toEqual([]);
          await page.close();
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

  /** Puts `html` before the stored body of the real article in the content cache (`src/build/article-bodies.ts`), keeping its digest. */
  async function poisonCache(html: string): Promise<void> {
    const folder = join(work, 'cache', 'article-bodies');
    const bodies = await Promise.all(
      (await readdir(folder)).map(async (name) => ({
        file: join(folder, name),
        body: await readFile(join(folder, name), 'utf8'),
      })),
    );
    // The rendered body (the Markdown body holds the same sentence, without the paragraph id).
    const stored = bodies.filter(({ body }) => body.includes('<p id="p1">中俄兩國領導人'));
    expect(stored).toHaveLength(1);
    const [{ file, body }] = stored as [{ file: string; body: string }];
    await writeFile(file, html + body.replace(/^.*?(?=<p id="p1">)/s, ''));
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
  test('every feed holds text where a reader shows text: well-formed, descriptions without markup, names as written', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/zh-hant/`);
    for (const script of scripts) {
      const items = await page.evaluate(async (url) => {
        const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        if (xml.getElementsByTagName('parsererror').length > 0) return 'not well-formed';
        return [...xml.getElementsByTagName('item')].map((item) => {
          const texts = (tag: string) => [...item.getElementsByTagName(tag)].map((element) => element.textContent ?? '');
          // A reader renders the description as HTML: count the elements it would make.
          const description = new DOMParser().parseFromString(`<body>${texts('description')[0] ?? ''}</body>`, 'text/html');
          return {
            link: texts('link')[0] ?? '',
            descriptionElements: description.body.querySelectorAll('*').length,
            description: description.body.textContent ?? '',
            title: texts('title')[0] ?? '',
            categories: texts('category'),
            creators: texts('dc:creator'),
          };
        });
      }, `/${script}/rss.xml`);
      expect(items, script).not.toBe('not well-formed');
      if (typeof items === 'string') continue;
      for (const item of items) expect(item.descriptionElements, `${script} ${item.link}`).toBe(0);
      const bySlug = (slug: string) => items.find(({ link }) => link.includes(`/articles/${slug}/`));
      expect(bySlug('hostile-97')?.creators).toEqual(["O'Brien", 'Smith & Jones']);
      expect(bySlug('hostile-98')?.creators).toEqual(['007', '1e3', '0x1F']);
      expect(bySlug('hostile-94')?.description).toContain('<img src=x onerror=alert(1)>');
      expect(bySlug('hostile-96')?.title).toContain('<script>alert(1)</script>');
    }
    await page.close();
  });

  test('a search highlight on a page holding İstanbul marks the words and fails nowhere', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/zh-hant/articles/hostile-122/?hl=istanbul`);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('one author written in NFC in one article and in NFD in another has one page', async () => {
    const links = await Promise.all(
      ['hostile-133a', 'hostile-133b'].map(async (slug) => {
        const html = await readFile(join(site, 'zh-hant', 'articles', slug, 'index.html'), 'utf8');
        return /href="([^"]*\/authors\/[^"]*)"/.exec(html)?.[1];
      }),
    );
    expect(links[0]).toBeDefined();
    expect(links[0]).toBe(links[1]);
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
    // The structured data: a JSON block in <head>, never run; a headline cannot close it or hold markup in it.
    if (tag === 'script' && element.getAttribute('type') === 'application/ld+json') {
      const text = element.textContent ?? '';
      if (element.parentElement?.tagName !== 'HEAD' || /[<>]/.test(text)) found.push('a data block that holds markup');
      try {
        JSON.parse(text);
      } catch {
        found.push('a data block that is not JSON');
      }
    } else if (tag === 'script' && !(element.getAttribute('src') ?? '').startsWith('/_astro/'))
      found.push('a script not of this site');
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
