/**
 * Rewrites a Pagefind output folder with `pagefind-files.ts`: each
 * language's word index in small chunks, each fragment without duplicated
 * text. Every file it rewrites gets a name from its new content (and the
 * entry file points at the new metadata), so a cached old file is never
 * read with a new one. Stops with a clear error if Pagefind's files are
 * not laid out as expected (another Pagefind version).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compactFragment, type Fragment } from '../search/fragment.ts';
import {
  ContentNames,
  decodeIndexChunk,
  decodeMeta,
  encodeIndexChunk,
  encodeMeta,
  IndexSplitter,
  pack,
  unpack,
  type IndexChunk,
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

/** Fragments read, compacted and written this many at a time: file reads and writes overlap. */
const fragmentBatch = 32;

/** A fragment compacted (`fragment.ts`), as the data of its new file. */
async function compactedFragment(dir: string, hash: string): Promise<{ data: Buffer; before: number }> {
  const packed = await readFile(join(dir, 'fragment', `${hash}.pf_fragment`));
  const fragment = JSON.parse(unpack(packed).toString('utf8')) as Fragment;
  if (typeof fragment.content !== 'string' || !Array.isArray(fragment.anchors)) throw new Error(`unexpected fragment ${hash}`);
  return { data: Buffer.from(JSON.stringify(compactFragment(fragment))), before: packed.length };
}

/**
 * Rewrites one language's index chunks and fragments, and its metadata to
 * point at them, written into new folders (`output`).
 */
async function rewriteLanguage(
  dir: string,
  language: string,
  hash: string,
  names: ContentNames,
  output: { index: string; fragments: string },
): Promise<{ hash: string } & CompactionReport> {
  const metaFile = join(dir, `pagefind.${hash}.pf_meta`);
  const [version, pages, chunks, ...rest] = decodeMeta(unpack(await readFile(metaFile)));
  let before = 0;
  let after = 0;
  // Pagefind's chunks are read one at a time, in order, and split again as they are read.
  const newChunks: [string, string, string][] = [];
  const splitter = new IndexSplitter();
  const write = async (chunk: IndexChunk | undefined): Promise<void> => {
    if (chunk === undefined) return;
    const data = encodeIndexChunk(chunk.words);
    const name = names.name(language, data);
    const packed = pack(data);
    after += packed.length;
    await writeFile(join(output.index, `${name}.pf_index`), packed);
    newChunks.push([chunk.from, chunk.to, name]);
  };
  const oldChunks = chunks.map(([, , chunk]) => join(dir, 'index', `${chunk}.pf_index`));
  for (const file of oldChunks) {
    const packed = await readFile(file);
    before += packed.length;
    for (const word of decodeIndexChunk(unpack(packed))) await write(splitter.push(word));
  }
  await write(splitter.end());

  // Pages with identical fragments share one file; names are given in page order, so the output is the same every build.
  const renamed = new Map<string, string>();
  const distinct = [...new Set(pages.map(([page]) => page))];
  for (let start = 0; start < distinct.length; start += fragmentBatch) {
    const batch = distinct.slice(start, start + fragmentBatch);
    const compacted = await Promise.all(batch.map((page) => compactedFragment(dir, page)));
    const writes = compacted.map(({ data, before: size }, index) => {
      const name = names.name(language, data);
      renamed.set(batch[index] ?? '', name);
      const packed = pack(data);
      before += size;
      after += packed.length;
      return writeFile(join(output.fragments, `${name}.pf_fragment`), packed);
    });
    await Promise.all(writes);
  }

  const newPages = pages.map(([page, wordCount]): [string, number] => [renamed.get(page) ?? page, wordCount]);
  const meta = encodeMeta([version, newPages, newChunks, ...rest]);
  const metaName = names.name(language, meta, 15);
  await rm(metaFile);
  await writeFile(join(dir, `pagefind.${metaName}.pf_meta`), pack(meta));
  return { hash: metaName, before, after, chunks: newChunks.length };
}

/** Rewrites the index and fragments of every language in Pagefind's output folder `dir`. */
export async function compactPagefindOutput(dir: string): Promise<CompactionReport> {
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as Entry;
  if (!/^1\./.test(entry.version) || typeof entry.languages !== 'object')
    throw new Error(`unexpected pagefind-entry.json (version ${String(entry.version)})`);
  const total: CompactionReport = { before: 0, after: 0, chunks: 0 };
  const names = new ContentNames();
  // New chunks and fragments go into new folders that replace the old ones at the end: a new name never overwrites a file not yet read.
  const output = { index: join(dir, 'index.compacted'), fragments: join(dir, 'fragment.compacted') };
  await Promise.all(Object.values(output).map((folder) => mkdir(folder, { recursive: true })));
  for (const [language, info] of Object.entries(entry.languages)) {
    const { hash, ...report } = await rewriteLanguage(dir, language, info.hash, names, output);
    info.hash = hash;
    total.before += report.before;
    total.after += report.after;
    total.chunks += report.chunks;
  }
  for (const [old, compacted] of [
    ['index', output.index],
    ['fragment', output.fragments],
  ] as const) {
    await rm(join(dir, old), { recursive: true });
    await rename(compacted, join(dir, old));
  }
  await writeFile(entryFile, JSON.stringify(entry));
  return total;
}
