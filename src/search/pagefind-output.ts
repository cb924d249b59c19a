/**
 * Rewrites a Pagefind output folder with `pagefind-files.ts`: each
 * language's word index in small chunks, each fragment without duplicated
 * text. Every file it rewrites gets a name from its new content (and the
 * entry file points at the new metadata), so a cached old file is never
 * read with a new one. Stops with a clear error if Pagefind's files are
 * not laid out as expected (another Pagefind version).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compactFragment, type Fragment } from './fragment.ts';
import {
  contentHash,
  decodeIndexChunk,
  decodeMeta,
  encodeIndexChunk,
  encodeMeta,
  pack,
  splitIndex,
  unpack,
} from './pagefind-files.ts';

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [field: string]: unknown;
}

/** Bytes of the index and fragments before and after, for the build log. */
export interface CompactionReport {
  before: number;
  after: number;
  chunks: number;
}

async function rewriteFragment(
  dir: string,
  hash: string,
  language: string,
): Promise<{ hash: string; before: number; after: number }> {
  const file = join(dir, 'fragment', `${hash}.pf_fragment`);
  const packed = await readFile(file);
  const fragment = JSON.parse(unpack(packed).toString('utf8')) as Fragment;
  if (typeof fragment.content !== 'string' || !Array.isArray(fragment.anchors)) throw new Error(`unexpected fragment ${hash}`);
  const data = Buffer.from(JSON.stringify(compactFragment(fragment)));
  const renamed = contentHash(language, data);
  const output = pack(data);
  await rm(file);
  await writeFile(join(dir, 'fragment', `${renamed}.pf_fragment`), output);
  return { hash: renamed, before: packed.length, after: output.length };
}

async function rewriteLanguage(dir: string, language: string, hash: string): Promise<{ hash: string } & CompactionReport> {
  const metaFile = join(dir, `pagefind.${hash}.pf_meta`);
  const [version, pages, chunks, ...rest] = decodeMeta(unpack(await readFile(metaFile)));
  let before = 0;
  let after = 0;
  const words = [];
  for (const [, , chunk] of chunks) {
    const file = join(dir, 'index', `${chunk}.pf_index`);
    const packed = await readFile(file);
    before += packed.length;
    words.push(...decodeIndexChunk(unpack(packed)));
    await rm(file);
  }
  const newChunks: [string, string, string][] = [];
  for (const chunk of splitIndex(words)) {
    const data = encodeIndexChunk(chunk.words);
    const name = contentHash(language, data);
    const output = pack(data);
    after += output.length;
    await writeFile(join(dir, 'index', `${name}.pf_index`), output);
    newChunks.push([chunk.from, chunk.to, name]);
  }
  const newPages: [string, number][] = [];
  // Pages with identical fragments share one file.
  const renamedFragments = new Map<string, string>();
  for (const [page, wordCount] of pages) {
    let renamed = renamedFragments.get(page);
    if (renamed === undefined) {
      const fragment = await rewriteFragment(dir, page, language);
      before += fragment.before;
      after += fragment.after;
      renamed = fragment.hash;
      renamedFragments.set(page, renamed);
    }
    newPages.push([renamed, wordCount]);
  }
  const meta = encodeMeta([version, newPages, newChunks, ...rest]);
  const renamed = contentHash(language, meta, 15);
  await rm(metaFile);
  await writeFile(join(dir, `pagefind.${renamed}.pf_meta`), pack(meta));
  return { hash: renamed, before, after, chunks: newChunks.length };
}

/** Rewrites the index and fragments of every language in Pagefind's output folder `dir`. */
export async function compactPagefindOutput(dir: string): Promise<CompactionReport> {
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as Entry;
  if (!/^1\./.test(entry.version) || typeof entry.languages !== 'object')
    throw new Error(`unexpected pagefind-entry.json (version ${String(entry.version)})`);
  const total: CompactionReport = { before: 0, after: 0, chunks: 0 };
  for (const [language, info] of Object.entries(entry.languages)) {
    const { hash, ...report } = await rewriteLanguage(dir, language, info.hash);
    info.hash = hash;
    total.before += report.before;
    total.after += report.after;
    total.chunks += report.chunks;
  }
  await writeFile(entryFile, JSON.stringify(entry));
  return total;
}
