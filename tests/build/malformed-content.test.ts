/**
 * Feeds the real build (`scripts/build.mjs`) malformed articles: each must
 * either build correctly or stop with a message naming the file and the
 * field, never a stack trace, and never leave a half-written output folder.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild } from './run-build.ts';

const root = resolve(import.meta.dirname, '..', '..');
const article = 'china-russia-no-limits-2022.md';
let work: string;
let source: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'guoji-build-'));
  source = await readFile(join(root, 'content', 'articles', article), 'utf8');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Builds the site from a copy of `content/` changed by `edit`, into a fresh folder. */
async function buildWith(name: string, edit: (dir: string) => Promise<void>) {
  const content = join(work, name, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  await edit(join(content, 'articles'));
  const out = join(work, name, 'out');
  return { ...runBuild({ content, out, cache: join(work, name, 'cache') }), out };
}

const rewrite = (change: (text: string) => string) => async (dir: string) => {
  await writeFile(join(dir, article), change(source));
};

const failing: [string, (dir: string) => Promise<void>, RegExp][] = [
  [
    'bad YAML',
    rewrite((text) => text.replace('outlet: 經濟通', 'outlet: [經濟通')),
    /china-russia-no-limits-2022\.md:\d+: frontmatter: opens a list with \[ and does not close it/,
  ],
  [
    'a wrong type',
    rewrite((text) => text.replace('sources: []', 'sources: 經濟通')),
    /\.md:\d+: sources: must be a list, even of one: write sources: \[經濟通\]/,
  ],
  ['a missing field', rewrite((text) => text.replace(/^summary:.*\n/m, '')), /\.md: summary: is required/],
  [
    'an unknown field',
    rewrite((text) => text.replace('outlet:', 'editor: x\noutlet:')),
    /\.md:\d+: editor: unknown field "editor"/,
  ],
  [
    'a bad date',
    rewrite((text) => text.replace('published: 2022-02-08', 'published: 2022-02-29')),
    /\.md:\d+: published: is not a real calendar date/,
  ],
  ['an empty body', rewrite((text) => text.slice(0, text.indexOf('\n---\n') + 5)), /\.md:\d+: body: is empty/],
  [
    'an unknown topic',
    rewrite((text) => text.replace('  - nato', '  - cold-war')),
    /\.md:\d+: topics\[2\]: unknown topic "cold-war"/,
  ],
  [
    'raw HTML that runs script',
    rewrite((text) => `${text}\n<img src=x onerror="alert(1)">\n`),
    /\.md:\d+:\d+: body: raw HTML <img> is not allowed/,
  ],
  [
    'a 2 MB article',
    rewrite((text) => `${text}\n${'中俄關係不封頂。'.repeat(90_000)}\n`),
    /\.md: file: is 2\.2 MB, over the 1 MB limit/,
  ],
  [
    'Simplified text labelled Traditional',
    rewrite((text) => text.replace('中俄兩國領導人在北京冬奧開幕之際會晤', '中俄两国领导人在北京冬奥开幕之际会晤')),
    /\.md:\d+:\d+: body: 「两」 is not 繁體 script .*written in zh-HK/,
  ],
  [
    'a whole article in Simplified, labelled Traditional',
    async (dir) => {
      const { convertText } = await import('../../src/conversion/index.ts');
      const [, frontmatter = '', body = ''] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(source) ?? [];
      await writeFile(join(dir, article), frontmatter + convertText(body, { from: 'zh-HK', to: 'zh-hans' }));
    },
    /\.md:\d+: sourceVariant: is zh-HK, but the text is written in 简体 script .*: set it to zh-CN/,
  ],
  [
    'a broken inline rule',
    rewrite((text) => text.replace('中俄兩國領導人', '中俄-{zh-hans:两国}-領導人')),
    /\.md:\d+:\d+: body: inline rule: no text for 繁體 pages/,
  ],
  [
    'a lead photo whose file is missing',
    rewrite((text) =>
      text.replace(
        'sourceVariant:',
        'photo:\n  file: afp-lost.jpg\n  alt: 會晤\n  caption: 會晤。\n  credit: 法新社\nsourceVariant:',
      ),
    ),
    /china-russia-no-limits-2022\.md:\d+: photo\.file: .*content\/images\/afp-lost\.jpg does not exist: photos are kept in content\/images\//,
  ],
  [
    'a photo that is an SVG with a script, named .jpg',
    async (dir) => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(dir, '..', 'images'));
      await writeFile(
        join(dir, '..', 'images', 'map.jpg'),
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      );
      await writeFile(
        join(dir, article),
        source.replace(
          'sourceVariant:',
          'photo:\n  file: map.jpg\n  alt: 地圖\n  caption: 地圖。\n  credit: 本報\nsourceVariant:',
        ),
      );
    },
    /\.md:\d+: photo\.file: .*images\/map\.jpg is an SVG drawing, which can carry script/,
  ],
  [
    'a duplicate slug',
    async (dir) => {
      await writeFile(join(dir, 'copy.md'), source);
    },
    // Files are named by their slug, so a second file with the slug is named otherwise: that is what is said.
    /copy\.md:2: slug: "china-russia-no-limits-2022" differs from the file name "copy\.md"/,
  ],
];

describe('a malformed article stops the build with file and field named', () => {
  for (const [name, edit, message] of failing) {
    test(
      name,
      async () => {
        const { status, output, out } = await buildWith(name.replace(/\W+/g, '-'), edit);
        expect(status).toBe(1);
        expect(output).toMatch(message);
        expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(output).toContain('was left as it was');
        expect(existsSync(out)).toBe(false);
      },
      60_000,
    );
  }
});

describe('an article with a BOM and CRLF line ends builds correctly', () => {
  test('BOM + CRLF', async () => {
    const { status, output, out } = await buildWith(
      'bom-crlf',
      rewrite((text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`),
    );
    expect(status, output).toBe(0);
    // No telemetry, no remote asset: the build reached nothing beyond this machine.
    expect(output).not.toContain('network attempt');
    const page = await readFile(join(out, 'zh-hans', 'articles', 'china-russia-no-limits-2022', 'index.html'), 'utf8');
    // The page's text: headlines and Latin words are wrapped in markup for typography.
    const text = page.replace(/<[^>]*>/g, '');
    expect(text).toContain('中俄关系不封顶 绝非冷战式结盟');
    expect(text).toContain('美英澳三国安全同盟AUKUS');
  }, 90_000);
});

describe('a failed build leaves the previous output untouched', () => {
  test('dist stays as it was', async () => {
    const out = join(work, 'previous');
    await cp(join(root, 'content'), join(work, 'previous-content'), { recursive: true });
    await writeFile(join(work, 'marker.txt'), 'previous build');
    await cp(join(work, 'marker.txt'), join(out, 'marker.txt'), { recursive: true });
    await writeFile(join(work, 'previous-content', 'articles', article), source.replace(/^title:.*\n/m, ''));
    const result = runBuild({ content: join(work, 'previous-content'), out, cache: join(work, 'previous-cache') });
    expect(result.status).toBe(1);
    expect(await readFile(join(out, 'marker.txt'), 'utf8')).toBe('previous build');
  }, 60_000);

  test('a Pagefind binary that is not there stops the build before it starts, named', () => {
    const result = runBuild({
      content: join(root, 'content'),
      out: join(work, 'no-pagefind'),
      cache: join(work, 'no-pagefind-cache'),
      env: { PAGEFIND_BINARY_PATH: join(work, 'no-pagefind-binary') },
    });
    expect(result.status).toBe(2);
    expect(result.output).toContain(
      `PAGEFIND_BINARY_PATH=${JSON.stringify(join(work, 'no-pagefind-binary'))}: must be a program`,
    );
    expect(existsSync(join(work, 'no-pagefind-cache'))).toBe(false);
  });
});
