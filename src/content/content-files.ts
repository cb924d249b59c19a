/**
 * The files of the content folder, read as a careful host reads an upload:
 * only regular files inside the content folder (a symbolic link that leads
 * out of it, a folder, a named pipe or a device named like an article is
 * refused with its path), never more bytes than the limit (checked before
 * reading, and again while reading, since a size can lie), and only text
 * that is UTF-8 (anything else is refused with the byte where it stops
 * being UTF-8, never read with U+FFFD in its place). The build's loaders and
 * `npm run lint:content` read every content file through here.
 */
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentProblem } from './article-check.ts';

/** Largest article file; the longest real analysis is far below it. */
export const maxArticleBytes = 1_000_000;
/** Largest list file (topics, glossary, names table). */
export const maxListBytes = 5_000_000;

/** How a path that is not a regular file is named to an editor. */
function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const inside = (folder: string, path: string): boolean => path === folder || path.startsWith(`${folder}${sep}`);

/** The offset of the first byte of `bytes` that is not valid UTF-8, or `undefined` if all of it is. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    // The range of the second byte after each lead byte (no overlong forms, no surrogates, nothing past U+10FFFF).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return index;
    const second = bytes[index + 1];
    if (second === undefined || second < low || second > high) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return undefined;
}

/** Where byte `offset` of `bytes` stands, as an editor counts: line and column (1-based). */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++)
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

export interface ReadOptions {
  /** The content folder: nothing outside it is read. */
  contentDir: string;
  /** The file as the editor knows it (`content/articles/foo.md`), for messages. */
  file: string;
  maxBytes: number;
}

/** The text of a content file, or the one problem that keeps it from being read. */
export async function readContentFile(
  path: string,
  { contentDir, file, maxBytes }: ReadOptions,
): Promise<{ text: string; problem?: undefined } | { text?: undefined; problem: ContentProblem }> {
  const refuse = (message: string, line?: number, column?: number) => ({
    problem: { file, line, column, field: 'file', message },
  });
  const link = await lstat(path).catch(() => undefined);
  if (link === undefined) return refuse('cannot be found');
  if (link.isSymbolicLink()) {
    const [target, folder] = await Promise.all([realpath(path).catch(() => undefined), realpath(contentDir)]);
    if (target === undefined) return refuse('is a symbolic link to nothing');
    if (!inside(folder, target))
      return refuse(`is a symbolic link to ${target}, outside the content folder: copy the file in instead`);
  }
  const stats = await stat(path);
  if (!stats.isFile()) return refuse(`is ${kindOf(stats)}, not a file`);
  const limit = `the ${maxBytes / 1e6} MB limit for ${maxBytes === maxArticleBytes ? 'one article' : 'this file'}`;
  if (stats.size > maxBytes) return refuse(`is ${(stats.size / 1e6).toFixed(1)} MB, over ${limit}`);
  // Read at most one byte past the limit: a file that grows, or lies about its size, stops there.
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1 || 1));
  let filled = 0;
  try {
    let chunk = buffer;
    for (;;) {
      if (filled === chunk.length) {
        if (chunk.length > maxBytes) break;
        const grown = Buffer.alloc(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(grown);
        chunk = grown;
      }
      const { bytesRead } = await handle.read(chunk, filled, chunk.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return refuse(`grew past ${limit} as it was read`);
    const bytes = chunk.subarray(0, filled);
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) {
      const { line, column } = placeOf(bytes, invalid);
      return refuse(
        `is not UTF-8 text: byte ${invalid} (0x${(bytes[invalid] ?? 0).toString(16).padStart(2, '0')}) is not UTF-8; save the file as UTF-8`,
        line,
        column,
      );
    }
    return { text: bytes.toString('utf8') };
  } finally {
    await handle.close();
  }
}

/** A path under the articles folder that looks like an article, and whether it is one that can be read. */
export interface ArticlePath {
  /** Absolute path. */
  path: string;
  /** Relative to the articles folder, with `/`. */
  name: string;
}

/**
 * Every `.md` path under `dir`, in order, found without following any
 * symbolic link, and the problems of paths named like articles that are not
 * article files: a folder, a link to a folder, a name ending in `.MD`.
 */
export async function listArticleFiles(dir: string, file: (path: string) => string): Promise<{ paths: ArticlePath[]; problems: ContentProblem[] }> {
  const paths: ArticlePath[] = [];
  const problems: ContentProblem[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      const named = /\.md$/i.test(entry.name);
      if (entry.isDirectory()) {
        if (named) problems.push({ file: file(path), field: 'file', message: 'is a folder named like an article: an article is one .md file' });
        await walk(path);
        continue;
      }
      if (!named) continue;
      if (!entry.name.endsWith('.md')) {
        problems.push({ file: file(path), field: 'file', message: `ends in "${entry.name.slice(-3)}": name it ${entry.name.slice(0, -3)}.md` });
        continue;
      }
      paths.push({ path, name: relative(dir, path).split(sep).join('/') });
    }
  };
  await walk(dir);
  return { paths, problems };
}
