/**
 * The compressed twins of a batch of files, made and written in one thread
 * (`precompress.ts` runs it in tinypool's worker threads for a whole site,
 * or in its own thread for a few files). Plain Node, outside Astro.
 *
 * Synchronous on purpose: in a worker thread nothing else waits on it.
 * zlib's asynchronous calls, four files at a time on libuv's four threads
 * (shared with every read and write), took 34 to 36 s and 55 to 59
 * CPU-seconds over the 25,000 text files of a 10,000-article site; this,
 * on a thread per core, 19 s and 36 CPU-seconds, for the same bytes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Brotli's best quality (11) compresses about 1.3 MB/s here, 20 times slower
 * than quality 5 for about 11 % more bytes: worth it for the stylesheets and
 * scripts, which are few and cached for a year, not for the pages and feeds,
 * whose number grows with the archive.
 */
export const brotliQuality = (name: string): number => (isPageOrFeed(name) ? 5 : 11);

/** Whether `name` is a page or a feed (a sitemap too): compressed quickly, as there are as many as articles. */
export const isPageOrFeed = (name: string): boolean => /\.(html|xml)$/i.test(name);

export interface TwinBatch {
  dir: string;
  /** Files relative to `dir`, `/`-separated, none of them taken from another site (their twins are written in place). */
  names: string[];
  /** Where twins made while the pages rendered wait (`src/checks/during-render.ts`): a file's are taken if made from its bytes. */
  staged?: string | undefined;
}

/** Bytes of the files compressed, and of the twins written (none where either would not be smaller than its original). */
export interface TwinBytes {
  raw: number;
  br: number;
  gzip: number;
  /** Files whose twins were made while the pages rendered (taken from `staged`). */
  staged: number;
}

/** A file's two twins, or none where either would not be smaller than the file. */
export function compressTwins(raw: Uint8Array, quality: number): { br: Buffer; gz: Buffer } | undefined {
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  // Both twins or neither, so that every server varies its answer for the same files.
  return br.length < raw.length && gz.length < raw.length ? { br, gz } : undefined;
}

/** The folder of the cache where the twins made during the render wait for the twins phase. */
export const stagedTwinsFolder = (cacheDir: string): string => join(cacheDir, 'render-twins');

/**
 * The name a staged twin has: the digest of the bytes it was made from and
 * the quality it was made at, so that it is taken only for a file with those
 * bytes, wherever the file is.
 */
export function stagedTwinName(raw: Uint8Array, quality: number): string {
  return `${createHash('sha256').update(raw).digest('base64url')}.q${quality}`;
}

/** Moves `from` to `to`, copying where they are on different file systems (the cache and the site may be). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
    rmSync(from, { force: true });
  }
}

/** Moves the staged twins of `raw` to `file`'s; false if they are not there. */
function takeStaged(staged: string, raw: Uint8Array, quality: number, file: string): boolean {
  const from = join(staged, stagedTwinName(raw, quality));
  try {
    // The gzip twin is staged last (`stageTwins`) and taken first: where it was, the brotli twin is.
    move(`${from}.gz`, `${file}.gz`);
    move(`${from}.br`, `${file}.br`);
    return true;
  } catch (error) {
    // Not staged, or taken by another file with the same bytes: the file is compressed, both twins written anew.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export default function writeTwins({ dir, names, staged }: TwinBatch): TwinBytes {
  const bytes: TwinBytes = { raw: 0, br: 0, gzip: 0, staged: 0 };
  for (const name of names) {
    const file = join(dir, name);
    const raw = readFileSync(file);
    const quality = brotliQuality(name);
    bytes.raw += raw.length;
    if (staged !== undefined && takeStaged(staged, raw, quality, file)) {
      bytes.br += statSync(`${file}.br`).size;
      bytes.gzip += statSync(`${file}.gz`).size;
      bytes.staged += 1;
      continue;
    }
    const twins = compressTwins(raw, quality);
    if (twins === undefined) continue;
    writeFileSync(`${file}.br`, twins.br);
    writeFileSync(`${file}.gz`, twins.gz);
    bytes.br += twins.br.length;
    bytes.gzip += twins.gz.length;
  }
  return bytes;
}

/** A file Astro is writing, sent while the pages render: its bytes, and the quality its name asks for. */
export interface StageTask {
  staged: string;
  bytes: Uint8Array;
  quality: number;
}

/**
 * Makes the twins of a file Astro is writing and leaves them in `staged`
 * under the digest of its bytes (`stagedTwinName`), for `writeTwins` to take.
 * Each is written under a temporary name and renamed, the gzip twin last, so
 * a twin there is whole.
 */
export function stageTwins({ staged, bytes, quality }: StageTask): boolean {
  const twins = compressTwins(bytes, quality);
  if (twins === undefined) return false;
  const to = join(staged, stagedTwinName(bytes, quality));
  for (const [suffix, twin] of [
    ['.br', twins.br],
    ['.gz', twins.gz],
  ] as const) {
    writeFileSync(`${to}${suffix}.part`, twin);
    renameSync(`${to}${suffix}.part`, `${to}${suffix}`);
  }
  return true;
}
