/**
 * The content check of a folder large enough to be checked in worker
 * processes (`src/content/article-worker.ts`): every problem named as in one
 * thread, in the files' order, and every article kept as in one thread,
 * whichever worker checked it; a folder of a few files starts no worker.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { formatProblem } from '../../src/content/article-check.ts';
import { checkContentFolder, type ContentFolderOptions } from '../../src/content/content-folder.ts';

const root = resolve(import.meta.dirname, '..', '..');
const workerFile = join(root, 'src', 'content', 'article-worker.ts');
const today = new Date('2026-12-01T00:00:00Z');

let work: string;
const contentDir = (): string => join(work, 'content');
const article = (index: number): string => join(contentDir(), 'articles', `bench-${String(index).padStart(5, '0')}.md`);

/** Rewrites one line of an article (the first that `pattern` matches). */
async function rewrite(index: number, pattern: RegExp, line: string): Promise<void> {
  const text = await readFile(article(index), 'utf8');
  if (!pattern.test(text)) throw new Error(`bench-${index} has no line ${pattern}`);
  await writeFile(article(index), text.replace(pattern, line));
}

/** The folder's check, with what it set aside for each article, in the order it did. */
async function checkFolder(options: Partial<ContentFolderOptions> = {}) {
  const setAside: { file: string; html: string; source: string }[] = [];
  const folder = await checkContentFolder({
    root: work,
    contentDir: contentDir(),
    today,
    future: false,
    setAside: ({ file, html }, source) => {
      setAside.push({ file, html, source });
      return `kept-${setAside.length}`;
    },
    ...options,
  });
  return { folder, setAside };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'content-workers-'));
  await writeCorpus(contentDir(), 100, { contentDir: join(root, 'content'), first: '2025-01-01', last: '2026-06-30' });
  // Broken far past the first files (the first 32 checked, in whichever batches are read first, are checked in this
  // thread), so that a worker finds each.
  await rewrite(80, /^published: .*$/m, 'published: 2025-13-45');
  await rewrite(90, /^topics: .*$/m, 'topics: [no-such-topic]');
  await rewrite(95, /^title: .*\n/m, '');
  // Refused as it is read, in this thread, between files the workers check.
  await writeFile(article(85), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the content check in worker processes', () => {
  test('finds every problem, named by file, line and field, in the files’ order, as one thread does', async () => {
    const inThread = await checkFolder();
    const onWorkers = await checkFolder({ workerFile });
    const named = onWorkers.folder.problems.map(formatProblem);
    expect(named).toEqual(inThread.folder.problems.map(formatProblem));
    const files = named.map((line) => line.split(':')[0]);
    expect(files).toEqual([...files].sort());
    expect(named).toEqual([
      expect.stringMatching(/^content\/articles\/bench-00080\.md:\d+(:\d+)?: published: /),
      expect.stringMatching(/^content\/articles\/bench-00085\.md:\d+:\d+: file: is not UTF-8 text/),
      'content/articles/bench-00090.md:11: topics[0]: unknown topic "no-such-topic" (add it to content/topics.yaml)',
      'content/articles/bench-00095.md: title: is required',
    ]);
  }, 60_000);

  test('keeps every article that passed as one thread does, its body set aside from its own source', async () => {
    const inThread = await checkFolder();
    const onWorkers = await checkFolder({ workerFile });
    expect(onWorkers.folder.checked).toHaveLength(96);
    expect(onWorkers.folder.checked).toEqual(inThread.folder.checked);
    expect(onWorkers.setAside).toEqual(inThread.setAside);
    for (const { file, html, source } of onWorkers.setAside) {
      expect(source).toBe(await readFile(join(work, file), 'utf8'));
      expect(html).toMatch(/^<p[ >]/);
    }
    // A date parsed on a worker is a Date here, as the store needs it.
    expect(onWorkers.folder.checked[90]?.article.data.published).toBeInstanceOf(Date);
  }, 60_000);

  test('a folder of a few files is checked in this thread; a larger one starts the workers', async () => {
    // A worker that fails every batch: reached only if workers are started.
    const failing = join(work, 'failing-worker.ts');
    await writeFile(failing, "export default function failBatch() {\n  throw new Error('failed on purpose');\n}\n");
    const few = await mkdtemp(join(tmpdir(), 'content-few-'));
    try {
      await writeCorpus(join(few, 'content'), 32, { contentDir: join(root, 'content') });
      const small = await checkContentFolder({
        root: few,
        contentDir: join(few, 'content'),
        today,
        future: false,
        workerFile: failing,
      });
      expect(small.checked).toHaveLength(32);
    } finally {
      await rm(few, { recursive: true, force: true });
    }
    // A check that fails, rather than finding problems, names the files it was checking.
    await expect(checkFolder({ workerFile: failing })).rejects.toThrow(
      /^The content check failed on content\/articles\/bench-\d{5}\.md to content\/articles\/bench-\d{5}\.md \(.*\): failed on purpose$/,
    );
  }, 60_000);
});
