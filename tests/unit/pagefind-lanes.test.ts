/**
 * The indexer's lanes (`src/indexer/pagefind-index.ts`): the bundles of the
 * two scripts are indexed at once, each lane by its own Pagefind service,
 * and give the files one service gives indexing the same pages one awaited
 * call at a time; a failure in one bundle names its file and leaves no
 * service running; an unchanged bundle is taken from the site being
 * replaced.
 */
import { cp, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BuildError } from '../../src/build/build-error.ts';
import { setPagefindChunkSize } from '../../src/build/options.ts';
import { writeBundle } from '../../src/indexer/compact-fragments.ts';
import { BuildTurns, indexChunkPositions, indexSite } from '../../src/indexer/pagefind-index.ts';
import type { Bundle } from '../../src/search/bundles.ts';

const root = join(import.meta.dirname, '..', '..');

const phrases = {
  'zh-hant': [
    '國際關係',
    '能源合作',
    '貿易往來',
    '制裁之下',
    '台海局勢',
    '北約東擴',
    '經濟現實',
    '軍事同盟',
    '高層峰會',
    '國際秩序',
  ],
  'zh-hans': [
    '国际关系',
    '能源合作',
    '贸易往来',
    '制裁之下',
    '台海局势',
    '北约东扩',
    '经济现实',
    '军事同盟',
    '高层峰会',
    '国际秩序',
  ],
} as const;
type Script = keyof typeof phrases;

/** An article page as the site writes it, its words varying with `n`. */
function page(script: Script, n: number): string {
  const words = phrases[script];
  const paragraph = (k: number): string =>
    Array.from({ length: 6 }, (_, i) => words[(n * 7 + k * 3 + i * i) % words.length]).join('與') + `第${n}號。`;
  const lang = script === 'zh-hant' ? 'zh-Hant' : 'zh-Hans';
  return `<!doctype html><html lang="${lang}"><head><title>第${n}篇</title></head><body><nav>導覽</nav><article data-pagefind-body><h1 data-pagefind-meta="title">第${n}篇 ${words[n % words.length]}</h1><p id="p1">${paragraph(1)}</p><h2 id="h2">${words[(n + 3) % words.length]}</h2><p id="p3">${paragraph(2)}</p></article></body></html>`;
}

const slugs = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

/** Per script: a full bundle (3,000-position chunks) and a small one (2,000): each lane starts its service twice. */
const bundles: Bundle[] = (['zh-hant', 'zh-hans'] as const).flatMap((script) => [
  { name: script, script, slugs: slugs('new', 4) },
  { name: `${script}-1`, script, slugs: slugs('old', 320) },
]);

let work = '';
let site = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pagefind-lanes-'));
  site = join(work, 'site');
  for (const { script, slugs: bundleSlugs } of bundles)
    for (const [n, slug] of bundleSlugs.entries()) {
      const folder = join(site, script, 'articles', slug);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'index.html'), page(script, n + (slug.startsWith('old') ? 100 : 0)));
    }
});

afterAll(async () => {
  await pagefind.close();
  await rm(work, { recursive: true, force: true });
});

/** Every process below `pid` (Linux /proc: each thread's children, then theirs), by name. */
async function descendants(pid: number = process.pid): Promise<string[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  const children = (
    await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')))
  ).flatMap((list) => list.split(' ').filter((child) => child.trim() !== ''));
  const below = await Promise.all(
    children.map(async (child) => {
      const line = await readFile(`/proc/${child}/stat`, 'utf8').catch(() => '');
      const name = line.slice(line.indexOf('(') + 1, line.lastIndexOf(')'));
      return line === '' ? [] : [name, ...(await descendants(Number(child)))];
    }),
  );
  return below.flat();
}

/** The most Pagefind services running below this process at once while `work` runs. */
async function peakServices<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; peak: number }> {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await descendants()).filter((name) => name.startsWith('pagefind')).length);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const [result] = await Promise.allSettled([work()]);
  sampling = false;
  await sampler;
  return { result, peak };
}

/** Every file under `folder` and its bytes, by path; the digest a bundle keeps of its sources is left out. */
async function tree(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name !== '.digest') {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(folder, path), await readFile(path));
    }
  return files;
}

/**
 * The reference: each bundle indexed by this process's one service, one
 * awaited call per page, the service started again for each chunk size.
 * Written by the same `writeBundle` as the build (tested against Pagefind's
 * own files in pagefind-format.test.ts): what is compared is the indexing.
 */
async function oneAtATime(output: string): Promise<void> {
  for (const bundle of bundles) {
    await pagefind.close();
    setPagefindChunkSize(indexChunkPositions(bundle.slugs.length));
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    for (const slug of bundle.slugs) {
      const sourcePath = `${bundle.script}/articles/${slug}/index.html`;
      const added = await index.addHTMLFile({ sourcePath, content: await readFile(join(site, sourcePath), 'utf8') });
      expect(added.errors).toEqual([]);
    }
    const { files } = await index.getFiles();
    await index.deleteIndex();
    await writeBundle(join(output, bundle.name), files);
  }
  await pagefind.close();
}

test('the two scripts are indexed at once, by two services, into the files one service gives one page at a time', async () => {
  const { result, peak } = await peakServices(() => indexSite({ site, root, bundles }));
  if (result.status === 'rejected') throw result.reason;
  expect(result.value).toMatchObject({ pages: 648, built: 4, reused: 0, lanes: 2 });
  expect(peak).toBe(2);
  expect(await descendants()).toEqual([]);

  const reference = join(work, 'reference');
  await oneAtATime(reference);
  const expected = await tree(reference);
  const actual = await tree(join(site, 'pagefind'));
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  expect(actual.size).toBeGreaterThan(bundles.length * 5);
  for (const [path, bytes] of expected) expect(actual.get(path)?.equals(bytes), path).toBe(true);
}, 120_000);

test('an unchanged bundle is taken from the site being replaced; a changed one is indexed again', async () => {
  const next = join(work, 'next');
  await mkdir(next);
  await cp(join(site, 'zh-hant'), join(next, 'zh-hant'), { recursive: true });
  await cp(join(site, 'zh-hans'), join(next, 'zh-hans'), { recursive: true });
  const changed = join(next, 'zh-hans', 'articles', 'new-0001', 'index.html');
  await writeFile(changed, (await readFile(changed, 'utf8')).replace('第1篇', '第一篇'));

  const report = await indexSite({ site: next, root, bundles, previousSite: site });
  expect(report).toMatchObject({ built: 1, reused: 3 });
  for (const name of ['zh-hant', 'zh-hant-1', 'zh-hans-1']) {
    const entry = `pagefind/${name}/pagefind-entry.json`;
    expect((await stat(join(next, entry))).ino, entry).toBe((await stat(join(site, entry))).ino);
  }
  const entry = 'pagefind/zh-hans/pagefind-entry.json';
  expect((await stat(join(next, entry))).ino).not.toBe((await stat(join(site, entry))).ino);
  expect(await descendants()).toEqual([]);
}, 120_000);

test('a bundle whose pages were all linked from the site being replaced is taken without reading them, unless its list of pages changed', async () => {
  // The pages are the last site's own files: a build links what it did not render.
  const next = join(work, 'linked');
  const files = bundles.flatMap(({ script, slugs: bundleSlugs }) =>
    bundleSlugs.map((slug) => `${script}/articles/${slug}/index.html`),
  );
  for (const file of files) {
    await mkdir(dirname(join(next, file)), { recursive: true });
    await link(join(site, file), join(next, file));
  }
  // One linked page cannot be read: a bundle that needed its bytes would fail.
  const unread = 'zh-hant/articles/old-0007/index.html';
  await rm(join(next, unread));
  const linked = new Set(files);
  const report = await indexSite({ site: next, root, bundles, previousSite: site, linked });
  expect(report).toMatchObject({ built: 0, reused: 4 });

  // The same pages, but a bundle that no longer holds one of them: its index is made again, from its pages' bytes.
  await link(join(site, unread), join(next, unread));
  const shorter = bundles.map((bundle) => (bundle.name === 'zh-hans-1' ? { ...bundle, slugs: bundle.slugs.slice(1) } : bundle));
  await rm(join(next, 'pagefind'), { recursive: true, force: true });
  expect(await indexSite({ site: next, root, bundles: shorter, previousSite: site, linked })).toMatchObject({
    built: 1,
    reused: 3,
  });

  // Not linked, so read: the missing page stops the build, named.
  await rm(join(next, unread));
  await expect(indexSite({ site: next, root, bundles, previousSite: site, linked: new Set() })).rejects.toThrow(unread);
  expect(await descendants()).toEqual([]);
}, 120_000);

test('a bundle that fails names its file, stops the other lane and leaves no service running', async () => {
  const broken: Bundle[] = bundles.map((bundle) =>
    bundle.name === 'zh-hans-1' ? { ...bundle, slugs: [...bundle.slugs, 'missing'] } : bundle,
  );
  const output = join(work, 'broken');
  await mkdir(output);
  await cp(join(site, 'zh-hant'), join(output, 'zh-hant'), { recursive: true });
  await cp(join(site, 'zh-hans'), join(output, 'zh-hans'), { recursive: true });

  const { result } = await peakServices(() => indexSite({ site: output, root, bundles: broken }));
  expect(result.status).toBe('rejected');
  const error = result.status === 'rejected' ? (result.reason as Error) : undefined;
  expect(error).toBeInstanceOf(BuildError);
  expect(error?.message).toContain('zh-hans/articles/missing/index.html');
  // The zh-hant lane was stopped while it indexed its full bundle, and its service is gone.
  await expect(stat(join(output, 'pagefind', 'zh-hant-1'))).rejects.toThrow();
  expect(await descendants()).toEqual([]);
}, 120_000);

test('index builds are given leave in the order asked while their pages fit the budget; one builds whatever its size', async () => {
  const turns = new BuildTurns(1000);
  const order: string[] = [];
  const take = (name: string, pages: number): Promise<void> => turns.take(pages).then(() => void order.push(name));
  const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 10));
  const full = take('full', 1000);
  const second = take('second', 1000);
  const small = take('small', 4);
  await full;
  await settle();
  expect(order).toEqual(['full']);
  turns.giveBack(1000);
  await second;
  await settle();
  expect(order).toEqual(['full', 'second']);
  turns.giveBack(1000);
  await small;
  const huge = take('huge', 5000);
  await settle();
  expect(order).toEqual(['full', 'second', 'small']);
  turns.giveBack(4);
  await huge;
  expect(order).toEqual(['full', 'second', 'small', 'huge']);
});
