/**
 * Every byte of Pagefind's output that this project reads or rewrites, in
 * one place. Pagefind documents its Node API and the record its browser API
 * returns (`result.data()`), not its files; this module knows how a bundle is
 * laid out and how a page's fragment is stored, for the two uses the site
 * has: dropping the text a fragment holds twice (`compact-fragments.ts`) and
 * reading which pages a built index holds (the publish checks).
 *
 * Written for, and tested against files written by, the Pagefind version in
 * `pagefindVersion` (`tests/unit/pagefind-format.test.ts` indexes real pages
 * with the installed Pagefind and fails on another version). An upgrade of
 * Pagefind means: run that test, read the new release's changes to fragment
 * files, and change this module and `pagefindVersion` together. The word
 * index (`index/*.pf_index`) and metadata (`*.pf_meta`) are never read or
 * written here: their chunking is Pagefind's own.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Fragment, FragmentAnchor } from '../search/fragment.ts';

/** The Pagefind release this module reads the files of. */
export const pagefindVersion = '1.6.0';

/** What every Pagefind data file holds, once gunzipped, before its data. */
const signature = 'pagefind_dcd';

/** One file of a bundle, as the Node API's `getFiles()` gives it: a path inside the bundle folder, and its bytes. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** The kinds of file in a bundle, by path. */
export type BundleFileKind = 'fragment' | 'index' | 'meta' | 'entry' | 'script' | 'wasm' | 'ui';

/**
 * Pagefind's ready-made search interfaces: the site searches through
 * Pagefind's JavaScript API (`pagefind.js`), so these are never published.
 */
const uiFiles = new Set([
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]);

/** What a bundle file is, from its path (`fragment/zh-hant_a8abbbb.pf_fragment`, `pagefind.js`…); throws on a file this module does not know. */
export function bundleFileKind(path: string): BundleFileKind {
  if (/^fragment\/[^/]+\.pf_fragment$/.test(path)) return 'fragment';
  if (/^index\/[^/]+\.pf_index$/.test(path)) return 'index';
  if (/^pagefind\.[^/]+\.pf_meta$/.test(path)) return 'meta';
  if (path === 'pagefind-entry.json') return 'entry';
  if (path === 'pagefind.js' || path === 'pagefind-worker.js') return 'script';
  if (/^wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (uiFiles.has(path)) return 'ui';
  throw new Error(`Pagefind wrote a file this project does not know: ${path} (written for Pagefind ${pagefindVersion})`);
}

/** The data of a Pagefind data file (gzip, then the signature, then the data). */
function unpack(file: Uint8Array): Buffer {
  const data = gunzipSync(file);
  if (data.subarray(0, signature.length).toString() !== signature) throw new Error('not a Pagefind data file (no signature)');
  return data.subarray(signature.length);
}

/** A Pagefind data file holding `data`. */
function pack(data: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(signature), data]), { level: 9 });
}

function isAnchor(value: unknown): value is FragmentAnchor {
  if (typeof value !== 'object' || value === null) return false;
  const anchor = value as Record<string, unknown>;
  return typeof anchor['element'] === 'string' && typeof anchor['id'] === 'string' && typeof anchor['text'] === 'string';
}

/** A fragment file's page; throws if the file is not a fragment as this module knows them. */
export function readFragment(file: Uint8Array): Fragment {
  const parsed: unknown = JSON.parse(unpack(file).toString('utf8'));
  const fragment = parsed as Partial<Fragment>;
  if (
    typeof fragment.url !== 'string' ||
    typeof fragment.content !== 'string' ||
    !Array.isArray(fragment.anchors) ||
    !fragment.anchors.every(isAnchor)
  )
    throw new Error(`unexpected fragment layout (written for Pagefind ${pagefindVersion})`);
  return fragment as Fragment;
}

/** The bytes of a fragment file holding `fragment`. */
export function writeFragment(fragment: Fragment): Buffer {
  return pack(Buffer.from(JSON.stringify(fragment)));
}

/** `pagefind-entry.json`: the version that wrote the bundle and its languages. */
export interface BundleEntry {
  version: string;
  languages: Record<string, { hash: string; page_count: number }>;
}

export function readEntry(file: Uint8Array | string): BundleEntry {
  const entry = JSON.parse(typeof file === 'string' ? file : Buffer.from(file).toString('utf8')) as Partial<BundleEntry>;
  if (typeof entry.version !== 'string' || typeof entry.languages !== 'object' || entry.languages === null)
    throw new Error('unexpected pagefind-entry.json');
  return entry as BundleEntry;
}

/** Throws unless the bundle's entry says it was written by the Pagefind version this module reads. */
export function checkBundleVersion(files: readonly BundleFile[]): void {
  const entry = files.find(({ path }) => bundleFileKind(path) === 'entry');
  if (entry === undefined) throw new Error('Pagefind wrote no pagefind-entry.json');
  const { version } = readEntry(entry.content);
  if (version !== pagefindVersion)
    throw new Error(
      `Pagefind ${version} wrote this index; src/indexer/pagefind-format.ts reads Pagefind ${pagefindVersion}: check its fragment files against that module (tests/unit/pagefind-format.test.ts), then change pagefindVersion`,
    );
}
