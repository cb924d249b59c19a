/**
 * Writes one search bundle, as Pagefind's `getFiles()` gave it, into its
 * folder: each page fragment without the text it holds twice
 * (`compactFragment`: about 40 % fewer bytes for every result a reader
 * loads), Pagefind's ready-made interfaces left out, every other file as
 * Pagefind wrote it. A compacted fragment keeps the name Pagefind gave it:
 * the name stands for the page as indexed, and compaction is a fixed function
 * of that. Fragments are cached for a year under their names, so a change to
 * what `compactFragment` writes must stay readable by `expandAnchors`, which
 * reads a compacted fragment and an untouched one alike.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { compactFragment } from '../search/fragment.ts';
import { bundleFileKind, checkBundleVersion, readFragment, writeFragment, type BundleFile } from './pagefind-format.ts';

/** Bytes of the fragments before and after, for the build log. */
export interface BundleWriteReport {
  fragments: number;
  before: number;
  after: number;
}

/** Files written this many at a time: reads of the next overlap the writes. */
const batch = 32;

export async function writeBundle(output: string, files: readonly BundleFile[]): Promise<BundleWriteReport> {
  checkBundleVersion(files);
  const report: BundleWriteReport = { fragments: 0, before: 0, after: 0 };
  const published = files.filter(({ path }) => bundleFileKind(path) !== 'ui');
  const folders = new Set(published.map(({ path }) => dirname(join(output, path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  for (let start = 0; start < published.length; start += batch) {
    await Promise.all(
      published.slice(start, start + batch).map(({ path, content }) => {
        if (bundleFileKind(path) !== 'fragment') return writeFile(join(output, path), content);
        const compacted = writeFragment(compactFragment(readFragment(content)));
        report.fragments += 1;
        report.before += content.length;
        report.after += compacted.length;
        return writeFile(join(output, path), compacted);
      }),
    );
  }
  return report;
}
