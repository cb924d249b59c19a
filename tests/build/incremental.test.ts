/**
 * Incremental builds never publish a stale page. A generated archive is
 * built, then something one article or the whole site shows is changed (a
 * neighbour's title, a topic's name, a glossary pin) and the same output
 * folder is built again, rendering only the pages whose inputs changed.
 * The oracle is the text itself: every page and feed that showed the old
 * text before shows the new one after, and no file still shows the old one;
 * and at the end the incremental site is byte for byte the site a cold build
 * of the same content makes.
 */
import { readdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { runBuild } from './run-build.ts';

let work: string;
let content: string;
let out: string;

/**
 * The build's own account of what it rendered ("N pages rendered, M … taken") and of the pages that passed their
 * checks as Astro wrote them, which every build here does (`CHECK_DURING_RENDER_FROM`), as a large archive's does.
 */
function build(folder = out, cache = join(work, 'cache')): { rendered: number; taken: number; passedAsWritten: number } {
  const run = runBuild({ content, out: folder, cache, env: { LOG_LEVEL: 'info', CHECK_DURING_RENDER_FROM: '1' } });
  expect(run.status, run.output).toBe(0);
  const counts = /(\d+) pages rendered, (\d+) unchanged since the last build taken/.exec(run.output);
  const passed = /(\d+) passed as Astro wrote them/.exec(run.output);
  return { rendered: Number(counts?.[1] ?? -1), taken: Number(counts?.[2] ?? 0), passedAsWritten: Number(passed?.[1] ?? -1) };
}

/** Every page and feed of a site whose twins do not decompress to it (a file too small to compress has none). */
async function wrongTwins(folder: string): Promise<string[]> {
  const wrong: string[] = [];
  for (const name of await readdir(folder, { recursive: true })) {
    if (!/\.(html|xml)$/.test(name)) continue;
    const file = await readFile(join(folder, name));
    const [br, gz] = await Promise.all(
      [`${name}.br`, `${name}.gz`].map((twin) => readFile(join(folder, twin)).catch(() => undefined)),
    );
    if (br === undefined && gz === undefined && file.length < 100) continue;
    if (br === undefined || gz === undefined || !brotliDecompressSync(br).equals(file) || !gunzipSync(gz).equals(file))
      wrong.push(name);
  }
  return wrong;
}

/** Every page and feed of a site, as the reader reads its text (the headline's line-break markup removed). */
async function siteTexts(folder: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of await readdir(folder, { recursive: true })) {
    if (!/\.(html|xml)$/.test(name) || name.startsWith('pagefind')) continue;
    const raw = await readFile(join(folder, name), 'utf8');
    texts.set(name, name.endsWith('.html') ? raw.replace(/<[^>]*>/g, '') : raw);
  }
  return texts;
}

/** The files that show `text`. */
const showing = (texts: Map<string, string>, text: string): string[] =>
  [...texts].filter(([, body]) => body.includes(text)).map(([name]) => name);

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const path = join(content, file);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path, after);
}

/**
 * Changes what the site shows from `old` to `changed` (each in both scripts), rebuilds, and checks that every
 * file that showed the old text shows the new one and none shows the old one.
 */
async function expectEverywhere(old: readonly string[], changed: readonly string[], change: () => Promise<void>) {
  const before = await siteTexts(out);
  const shown = old.map((text) => showing(before, text));
  for (const files of shown) expect(files.length).toBeGreaterThan(0);
  await change();
  const counts = build();
  const after = await siteTexts(out);
  old.forEach((text, index) => {
    expect(showing(after, text), `still showing ${text}`).toEqual([]);
    const now = showing(after, changed[index] ?? '');
    for (const file of shown[index] ?? []) expect(now, `${file} shows ${changed[index]}`).toContain(file);
  });
  return counts;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'guoji-incremental-'));
  content = join(work, 'content');
  out = join(work, 'site');
  await writeCorpus(content, 24, { first: '2026-01-01', last: '2026-03-31' });
  // Texts no generated article holds, so that where they show is known exactly.
  await edit('articles/bench-00012.md', (text) => text.replace(/^title: .*$/m, 'title: "甲標記鄰篇標題"'));
  await edit('topics.yaml', (text) => text.replace('name: 制裁', 'name: 制裁標記甲'));
  // Without its pin, OpenCC writes 土着 on Simplified pages; the pin is put back below.
  await edit('articles/bench-00020.md', (text) => `${text}\n土著居民的聲音不該被忽略。\n`);
  await edit('glossary.yaml', (text) => text.replace('- zh-hant: 土著\n  zh-hans: 土著\n', ''));
  const cold = build();
  expect(cold.taken).toBe(0);
  // The thread has the second core through the render here: it takes pages, and the checks after skip them.
  expect(cold.passedAsWritten).toBeGreaterThan(0);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an incremental build publishes no stale page', () => {
  test('a rebuild with nothing changed renders nothing', () => {
    expect(build()).toEqual({ rendered: 0, taken: expect.any(Number) as number, passedAsWritten: 0 });
  }, 120_000);

  test("a neighbour's title: its own pages, its neighbours', the lists and the feeds show the new one", async () => {
    const counts = await expectEverywhere(['甲標記鄰篇標題', '甲标记邻篇标题'], ['乙標記鄰篇標題', '乙标记邻篇标题'], () =>
      edit('articles/bench-00012.md', (text) => text.replace('甲標記鄰篇標題', '乙標記鄰篇標題')),
    );
    // Far fewer pages than the site has: the article, its neighbours and related articles, and the lists holding it.
    expect(counts.rendered).toBeGreaterThan(0);
    expect(counts.taken).toBeGreaterThan(counts.rendered);
  }, 120_000);

  test("a topic's name: every page of the site shows the new one, though the cache lost every article's body", async () => {
    await expectEverywhere(['制裁標記甲', '制裁标记甲'], ['制裁標記乙', '制裁标记乙'], async () => {
      // Every page renders again: each article's body is rendered again from its Markdown, not read as missing.
      await rm(join(work, 'cache', 'article-bodies'), { recursive: true });
      await edit('topics.yaml', (text) => text.replace('制裁標記甲', '制裁標記乙'));
    });
  }, 120_000);

  test('a glossary pin: every page that shows the pinned word shows the new form', async () => {
    await expectEverywhere(['土着居民'], ['土著居民'], () =>
      edit('glossary.yaml', (text) => `${text}\n- zh-hant: 土著\n  zh-hans: 土著\n`),
    );
  }, 120_000);

  test('the incremental site is the site a cold build of the same content makes', async () => {
    const cold = join(work, 'cold');
    build(cold, join(work, 'cold-cache'));
    const [incremental, fresh] = await Promise.all([siteTexts(out), siteTexts(cold)]);
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [name, text] of fresh) expect(incremental.get(name), name).toBe(text);
    // Twins made as the pages were written, taken from the last site or made after: each is its own page's.
    expect(await wrongTwins(out)).toEqual([]);
    expect(await wrongTwins(cold)).toEqual([]);
  }, 180_000);
});
