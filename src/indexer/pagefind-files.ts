/**
 * Makes Pagefind's index cheaper for the first query, without changing
 * what it finds. Pagefind writes each language's word index as one chunk
 * until it holds 20,000 word positions (a constant in its source), so the
 * first query of a small site downloads the whole index (22 kB here). We
 * split it into small chunks, each holding whole families of words that
 * share a first character (so a prefix never spans two chunks). Functions
 * over Pagefind's decoded files (CBOR); `pagefind-output.ts` reads and
 * writes them, `fragment.ts` compacts the page fragments.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

/** What every Pagefind file holds once gunzipped, before its data. */
const signature = 'pagefind_dcd';

/** The data of a Pagefind file (gzip, signature, data). */
export function unpack(file: Uint8Array): Buffer {
  const data = gunzipSync(file);
  if (data.subarray(0, signature.length).toString() !== signature) throw new Error('not a Pagefind file (no signature)');
  return data.subarray(signature.length);
}

/** A Pagefind file from its data. */
export function pack(data: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(signature), data]), { level: 9 });
}

/**
 * Names files by a short hash of their content, as Pagefind does
 * (`zh-hant_354fc3e`), made longer where two different contents of one
 * bundle would get the same name: with 7 hex digits, two of 10,000 fragments
 * share a name about one time in five, and one page would replace another.
 */
export class ContentNames {
  /** Name → the full hash of the content it was given to. */
  readonly #given = new Map<string, string>();

  name(language: string, data: Uint8Array, length = 7): string {
    const full = createHash('sha256').update(data).digest('hex');
    for (let size = length; size <= full.length; size++) {
      const name = `${language}_${full.slice(0, size)}`;
      const holder = this.#given.get(name);
      if (holder === undefined || holder === full) {
        this.#given.set(name, full);
        return name;
      }
    }
    throw new Error(`two contents with one SHA-256 (${full})`);
  }
}

/** A word of the index as Pagefind encodes it: `[word, pages, …]`, each page `[number, locations, …]`. */
export type IndexWord = [string, [number, unknown[], ...unknown[]][], ...unknown[]];

function isIndexWord(value: unknown): value is IndexWord {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    Array.isArray(value[1]) &&
    value[1].every((page) => Array.isArray(page) && typeof page[0] === 'number' && Array.isArray(page[1]))
  );
}

/** The words of one index chunk file's data; throws if the data is not what Pagefind 1.x writes. */
export function decodeIndexChunk(data: Uint8Array): IndexWord[] {
  const decoded: unknown = decode(data);
  const words: unknown = Array.isArray(decoded) ? decoded[0] : undefined;
  if (!Array.isArray(words) || !words.every(isIndexWord)) throw new Error('unexpected index chunk layout');
  if (Buffer.compare(Buffer.from(encode(decoded)), Buffer.from(data)) !== 0)
    throw new Error('index chunk does not re-encode to the same bytes');
  return words;
}

/** The data of an index chunk file holding `words`. */
export function encodeIndexChunk(words: readonly IndexWord[]): Uint8Array {
  return encode([words]);
}

/** Word positions a chunk should hold before the next starts (Pagefind's own is 20,000). */
export const chunkTarget = 2000;

/** The cost of a word in a chunk, counted as Pagefind counts it: its positions on every page, plus one per page. */
function weight(word: IndexWord): number {
  return word[1].reduce((sum, page) => sum + page[1].length + 1, 0);
}

/** The last possible string that starts with `character`, for a chunk's upper bound. */
const afterAll = '\u{10FFFF}';

/** A chunk of the index, with the range of words it answers for. */
export interface IndexChunk {
  from: string;
  to: string;
  words: IndexWord[];
}

/**
 * Splits sorted words, given one at a time, into chunks of about `target`
 * positions, never between two words with the same first character, each
 * with the range of words it answers for: from its first character to
 * anything starting with its last, so Pagefind looks a word or prefix up in
 * exactly one chunk. Holds one chunk at a time, so a large index is split
 * as it is read.
 */
export class IndexSplitter {
  readonly #target: number;
  #current: IndexWord[] = [];
  #size = 0;

  constructor(target = chunkTarget) {
    this.#target = target;
  }

  /** Adds the next word; returns the chunk it closed, if the one before was full and this starts a new first character. */
  push(word: IndexWord): IndexChunk | undefined {
    const last = this.#current.at(-1);
    const closed = last !== undefined && this.#size >= this.#target && first(word) !== first(last) ? this.#close() : undefined;
    this.#current.push(word);
    this.#size += weight(word);
    return closed;
  }

  /** The last chunk, if any words are left. */
  end(): IndexChunk | undefined {
    return this.#current.length > 0 ? this.#close() : undefined;
  }

  #close(): IndexChunk {
    const words = this.#current;
    this.#current = [];
    this.#size = 0;
    return { from: first(words[0] as IndexWord), to: `${first(words.at(-1) as IndexWord)}${afterAll}`, words };
  }
}

const first = (word: IndexWord): string => Array.from(word[0])[0] ?? '';

/** Splits sorted words into chunks (`IndexSplitter`). */
export function splitIndex(words: readonly IndexWord[], target = chunkTarget): IndexChunk[] {
  const splitter = new IndexSplitter(target);
  const chunks: IndexChunk[] = [];
  for (const word of words) {
    const closed = splitter.push(word);
    if (closed) chunks.push(closed);
  }
  const last = splitter.end();
  if (last) chunks.push(last);
  return chunks;
}

/** Pagefind's language metadata: `[version, pages, index chunks, filters, sorts, meta fields]`. */
export type LanguageMeta = [string, [string, number][], [string, string, string][], ...unknown[]];

/** The metadata of one language from its file's data; throws if it is not what Pagefind 1.x writes. */
export function decodeMeta(data: Uint8Array): LanguageMeta {
  const meta: unknown = decode(data);
  const valid =
    Array.isArray(meta) &&
    typeof meta[0] === 'string' &&
    Array.isArray(meta[1]) &&
    meta[1].every((page) => Array.isArray(page) && typeof page[0] === 'string' && typeof page[1] === 'number') &&
    Array.isArray(meta[2]) &&
    meta[2].every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === 'string'));
  if (!valid) throw new Error('unexpected metadata layout');
  if (Buffer.compare(Buffer.from(encode(meta)), Buffer.from(data)) !== 0)
    throw new Error('metadata does not re-encode to the same bytes');
  return meta as LanguageMeta;
}

export function encodeMeta(meta: LanguageMeta): Uint8Array {
  return encode(meta);
}
