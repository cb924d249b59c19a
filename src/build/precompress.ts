/**
 * Writes a `.br` and a `.gz` twin beside every text file of a build, so that
 * servers send compressed files as they are (nginx's brotli_static and
 * gzip_static, `npm run serve`) instead of compressing on each request.
 */
import { access, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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
  /** Bytes of the originals, and of the twins written (none where either would not be smaller than its original). */
  bytes: { raw: number; br: number; gzip: number };
}

/**
 * The twins of `name` in the previous build, if that file there is this one
 * (`linked` from it, so not read) or has the same bytes (read, `raw`).
 */
async function previousTwins(
  previous: string | undefined,
  name: string,
  linked: boolean,
  raw: () => Promise<Buffer>,
): Promise<[string, string] | undefined> {
  if (previous === undefined) return undefined;
  if (!linked) {
    const before = await readFile(join(previous, name)).catch(() => undefined);
    if (before === undefined || !before.equals(await raw())) return undefined;
  }
  const twins: [string, string] = [join(previous, `${name}.br`), join(previous, `${name}.gz`)];
  const present = await Promise.all(
    twins.map((twin) =>
      access(twin).then(
        () => true,
        () => false,
      ),
    ),
  );
  return present.every(Boolean) ? twins : undefined;
}

/**
 * Compresses every text file of `dir` (not the build's private files), a few
 * at a time. Where `previous` (the site being replaced) has the same file,
 * byte for byte, or the file was `linked` from it (names relative to `dir`),
 * its twins are linked (or copied) instead: a rebuild compresses only what
 * changed.
 */
export async function precompress(
  dir: string,
  previous?: string,
  linked: ReadonlySet<string> = new Set(),
): Promise<PrecompressResult> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !isPrivate(`/${relative(dir, file).split(sep).join('/')}`));
  const result: PrecompressResult = { files: files.length, reused: 0, bytes: { raw: 0, br: 0, gzip: 0 } };
  const compressOne = async (file: string): Promise<void> => {
    let read: Buffer | undefined;
    const contents = async (): Promise<Buffer> => (read ??= await readFile(file));
    const name = relative(dir, file);
    const twins = await previousTwins(previous, name, linked.has(name.split(sep).join('/')), contents);
    if (twins !== undefined) {
      await Promise.all([linkOrCopy(twins[0], `${file}.br`), linkOrCopy(twins[1], `${file}.gz`)]);
      result.bytes.raw += (await stat(file)).size;
      result.reused += 1;
      return;
    }
    const raw = await contents();
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
  // zlib works on libuv's thread pool (four threads): more at once only queues.
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await compressOne(file);
    }),
  );
  return result;
}
