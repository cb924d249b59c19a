/**
 * Writes a `.br` and a `.gz` twin beside every text file of a build, so that
 * servers send compressed files as they are (nginx's brotli_static and
 * gzip_static, `npm run serve`) instead of compressing on each request.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { mapAtOnce } from './at-once.ts';
import { linkOrCopy } from './reuse-files.ts';
import { isCompressible, isPrivate } from '../serving/static-site.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli's best quality (11) compresses about 1.3 MB/s here, 20 times slower
 * than quality 5 for about 11 % more bytes: worth it for the stylesheets and
 * scripts, which are few and cached for a year, not for the pages and feeds,
 * whose number grows with the archive.
 */
const brotliQuality = (name: string): number => (/\.(html|xml)$/i.test(name) ? 5 : 11);

export interface PrecompressResult {
  files: number;
  /** Files whose twins were taken from the previous build, unchanged. */
  reused: number;
  /** Bytes of the files compressed by this build, and of the twins written (none where either would not be smaller than its original). */
  bytes: { raw: number; br: number; gzip: number };
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

/** Whether `file` has the bytes of the same file in the previous build (`raw` reads it once). */
async function sameAsBefore(previousFile: string, raw: () => Promise<Buffer>): Promise<boolean> {
  const before = await readFile(previousFile).catch(() => undefined);
  return before !== undefined && before.equals(await raw());
}

/**
 * Twins linked at once: each is two system calls on libuv's four threads, so
 * more in flight only keeps those threads busy.
 */
const linksAtOnce = 32;

/**
 * Compresses every text file of `dir` (not the build's private files), a few
 * at a time. Where `previous` (the site being replaced) has the same file,
 * its twins are linked (or copied) instead: a file `linked` from it (names
 * relative to `dir`, `/`-separated) is that file, and is not read; any other
 * is compared byte for byte. A rebuild compresses only what changed.
 */
export async function precompress(
  dir: string,
  previous?: string,
  linked: ReadonlySet<string> = new Set(),
): Promise<PrecompressResult> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((name) => !isPrivate(`/${name}`));
  const result: PrecompressResult = { files: names.length, reused: 0, bytes: { raw: 0, br: 0, gzip: 0 } };
  const compress = async (name: string, raw: Buffer): Promise<void> => {
    const file = join(dir, name);
    const [br, gz] = await Promise.all([
      brotli(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality(file),
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gzipped(raw, { level: 9 }),
    ]);
    result.bytes.raw += raw.length;
    // Both twins or neither, so that every server varies its answer for the same files.
    if (br.length >= raw.length || gz.length >= raw.length) return;
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    result.bytes.br += br.length;
    result.bytes.gzip += gz.length;
  };
  /** The previous build's twins of `name` if it has them and `name` is the same file there (`known`, or compared), else new ones. */
  const takeOrCompress = async (name: string, known: boolean): Promise<void> => {
    const file = join(dir, name);
    let read: Buffer | undefined;
    const contents = async (): Promise<Buffer> => (read ??= await readFile(file));
    if (
      previous !== undefined &&
      (known || (await sameAsBefore(join(previous, name), contents))) &&
      (await linkTwins(join(previous, name), file))
    ) {
      result.reused += 1;
      return;
    }
    await compress(name, await contents());
  };
  // A linked file is the previous build's: its twins are linked without reading it; any other is compared first.
  const isLinked = (name: string): boolean => previous !== undefined && linked.has(name);
  await mapAtOnce(names.filter(isLinked), linksAtOnce, (name) => takeOrCompress(name, true));
  // zlib works on libuv's thread pool (four threads): more at once only queues.
  await mapAtOnce(
    names.filter((name) => !isLinked(name)),
    4,
    (name) => takeOrCompress(name, false),
  );
  return result;
}
