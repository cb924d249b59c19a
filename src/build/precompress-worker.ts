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
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Brotli's best quality (11) compresses about 1.3 MB/s here, 20 times slower
 * than quality 5 for about 11 % more bytes: worth it for the stylesheets and
 * scripts, which are few and cached for a year, not for the pages and feeds,
 * whose number grows with the archive.
 */
const brotliQuality = (name: string): number => (isPageOrFeed(name) ? 5 : 11);

/** Whether `name` is a page or a feed (a sitemap too): compressed quickly, as there are as many as articles. */
export const isPageOrFeed = (name: string): boolean => /\.(html|xml)$/i.test(name);

export interface TwinBatch {
  dir: string;
  /** Files relative to `dir`, `/`-separated, none of them taken from another site (their twins are written in place). */
  names: string[];
}

/** Bytes of the files compressed, and of the twins written (none where either would not be smaller than its original). */
export interface TwinBytes {
  raw: number;
  br: number;
  gzip: number;
}

export default function writeTwins({ dir, names }: TwinBatch): TwinBytes {
  const bytes: TwinBytes = { raw: 0, br: 0, gzip: 0 };
  for (const name of names) {
    const file = join(dir, name);
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(name),
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    bytes.raw += raw.length;
    // Both twins or neither, so that every server varies its answer for the same files.
    if (br.length >= raw.length || gz.length >= raw.length) continue;
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    bytes.br += br.length;
    bytes.gzip += gz.length;
  }
  return bytes;
}
