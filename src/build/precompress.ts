/**
 * Writes a `.br` and a `.gz` twin beside every text file of a build, so that
 * servers send compressed files as they are (nginx's brotli_static and
 * gzip_static, `npm run serve`) instead of compressing on each request.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { mapAtOnce } from './at-once.ts';
import writeTwins, { isPageOrFeed, type TwinBatch, type TwinBytes } from './precompress-worker.ts';
import { linkOrCopy } from './reuse-files.ts';
import { runBatchesOnWorkers } from './worker-batches.ts';
import { isCompressible, isPrivate } from '../serving/static-site.ts';

export interface PrecompressResult {
  files: number;
  /** Files whose twins were taken from the previous build, unchanged. */
  reused: number;
  /** Files whose twins were copied from another file of this build with the same bytes. */
  copied: number;
  /** Bytes of the files compressed by this build, and of the twins written (none where either would not be smaller than its original). */
  bytes: TwinBytes;
}

export interface PrecompressOptions {
  /** The site being replaced: where a file is the same there, its twins are taken from it. */
  previous?: string | undefined;
  /** Files (relative to the site, `/`-separated) linked from `previous`: the same files, so not read to compare. */
  linked?: ReadonlySet<string> | undefined;
  /** `precompress-worker.ts`, to compress on worker threads, one per core; without it, this thread compresses. */
  workerFile?: string | undefined;
  /** The twins made while the pages rendered (`src/checks/during-render.ts`): taken where made from a file's bytes, then removed. */
  staged?: string | undefined;
}

/** Whether `from`'s two twins in the previous build were linked in as `to`'s: false if it has none (nothing is left behind). */
async function linkTwins(from: string, to: string): Promise<boolean> {
  // Both settled before anything is undone: a twin linked while the other failed is removed, never written through.
  const linked = await Promise.allSettled([linkOrCopy(`${from}.br`, `${to}.br`), linkOrCopy(`${from}.gz`, `${to}.gz`)]);
  const failed = linked.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed === undefined) return true;
  await Promise.all([rm(`${to}.br`, { force: true }), rm(`${to}.gz`, { force: true })]);
  if ((failed.reason as NodeJS.ErrnoException).code !== 'ENOENT') throw failed.reason;
  return false;
}

/** Whether `file` has the bytes of the same file in the previous build. */
async function sameAsBefore(previousFile: string, file: string): Promise<boolean> {
  const before = await readFile(previousFile).catch(() => undefined);
  return before !== undefined && before.equals(await readFile(file));
}

/**
 * Twins linked at once: each is two system calls on libuv's four threads, so
 * more in flight only keeps those threads busy.
 */
const linksAtOnce = 32;

/** Files compared with the previous build's at once (two reads each, on libuv's threads). */
const comparisonsAtOnce = 8;

/**
 * Files a worker compresses per task: about 60 ms of work on an article
 * page's 25 kB, enough to pay for the message, few enough to share the
 * work out evenly.
 */
const batchSize = 64;

/** Adds `more` to `bytes`. */
function add(bytes: TwinBytes, more: TwinBytes): TwinBytes {
  bytes.raw += more.raw;
  bytes.br += more.br;
  bytes.gzip += more.gzip;
  bytes.staged += more.staged;
  return bytes;
}

/** The twins of `names`, on worker threads if there are many and a worker file is given, else in this thread. */
async function compressAll(
  dir: string,
  names: string[],
  workerFile: string | undefined,
  staged: string | undefined,
): Promise<TwinBytes> {
  if (workerFile === undefined || names.length < batchSize * 2) return writeTwins({ dir, names, staged });
  const sums = await runBatchesOnWorkers<string, TwinBytes>(
    workerFile,
    names,
    batchSize,
    (batch) => ({ dir, names: batch, staged }) satisfies TwinBatch,
  );
  return sums.reduce(add, { raw: 0, br: 0, gzip: 0, staged: 0 });
}

/**
 * Compresses every text file of `dir` (not the build's private files). Where
 * `previous` has the same file, its twins are linked (or copied) instead: a
 * file in `linked` is that file and is not read; any other is compared byte
 * for byte. A rebuild compresses only what changed.
 */
export async function precompress(
  dir: string,
  { previous, linked = new Set(), workerFile, staged: stagedFolder }: PrecompressOptions = {},
): Promise<PrecompressResult> {
  // Asked once: where no twins were made as the pages rendered, no file looks for its own there.
  const staged =
    stagedFolder !== undefined && (await stat(stagedFolder).catch(() => undefined)) !== undefined ? stagedFolder : undefined;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((name) => !isPrivate(`/${name}`));
  let reused = 0;
  const toCompress: string[] = [];
  /** Takes the previous build's twins of `name` where it has them and `name` is the same file there (`known`, or compared); else `name` is compressed. */
  const takeOrCompress = async (name: string, known: boolean): Promise<void> => {
    if (
      previous !== undefined &&
      (known || (await sameAsBefore(join(previous, name), join(dir, name)))) &&
      (await linkTwins(join(previous, name), join(dir, name)))
    )
      reused += 1;
    else toCompress.push(name);
  };
  if (previous === undefined) toCompress.push(...names);
  else {
    // A linked file is the previous build's: its twins are linked without reading it; any other is compared first.
    await mapAtOnce(
      names.filter((name) => linked.has(name)),
      linksAtOnce,
      (name) => takeOrCompress(name, true),
    );
    await mapAtOnce(
      names.filter((name) => !linked.has(name)),
      comparisonsAtOnce,
      (name) => takeOrCompress(name, false),
    );
  }
  // Scripts and data files, compressed at brotli's slowest quality, are compressed once per distinct content: every
  // search bundle has its own copy of Pagefind's scripts (200 copies each of two at 50,000 articles).
  const sameAs = await sameContents(
    dir,
    toCompress.filter((name) => !isPageOrFeed(name)),
  );
  const bytes = await compressAll(
    dir,
    toCompress.filter((name) => !sameAs.has(name)),
    workerFile,
    staged,
  );
  // Twins staged for files that changed after they were written, or were taken from the last site: never used.
  if (staged !== undefined) await rm(staged, { recursive: true, force: true });
  for (const [name, first] of sameAs) {
    const [raw, br, gzip] = await Promise.all([
      stat(join(dir, name)).then(({ size }) => size),
      copyTwin(dir, first, name, '.br'),
      copyTwin(dir, first, name, '.gz'),
    ]);
    add(bytes, { raw, br, gzip, staged: 0 });
  }
  return { files: names.length, reused, copied: sameAs.size, bytes };
}

/** Of `names`, each whose bytes are those of an earlier one, with that one's name. */
async function sameContents(dir: string, names: readonly string[]): Promise<Map<string, string>> {
  const firstByDigest = new Map<string, string>();
  const sameAs = new Map<string, string>();
  const digests = await mapAtOnce(names, comparisonsAtOnce, async (name) =>
    createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('base64url'),
  );
  names.forEach((name, at) => {
    const digest = digests[at] ?? '';
    const first = firstByDigest.get(digest);
    if (first === undefined) firstByDigest.set(digest, name);
    else sameAs.set(name, first);
  });
  return sameAs;
}

/** Copies `from`'s twin (`suffix`) as `to`'s, if it has one, in place of whatever was there (unlinked, never written into); its size, or 0. */
async function copyTwin(dir: string, from: string, to: string, suffix: string): Promise<number> {
  await rm(join(dir, `${to}${suffix}`), { force: true });
  try {
    await copyFile(join(dir, `${from}${suffix}`), join(dir, `${to}${suffix}`), constants.COPYFILE_EXCL);
  } catch (error) {
    // Neither twin where they would not be smaller than the file.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  return (await stat(join(dir, `${to}${suffix}`))).size;
}
