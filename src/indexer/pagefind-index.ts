/**
 * Builds the search index of a built site with Pagefind's Node API, one
 * bundle at a time as the build's bundle plan says (`src/search/bundles.ts`),
 * so that indexing memory stays bounded. One Pagefind service serves the
 * whole build: each bundle is an index of its own, its files taken in memory
 * (`getFiles()`) and the index deleted (`deleteIndex()`) before the next, and
 * the service is closed at the end whatever happens. A bundle's files are
 * written (`compact-fragments.ts`) on a worker thread while Pagefind indexes
 * the next bundle. A bundle whose pages and indexer are byte for byte those
 * of the site being replaced is linked from it instead.
 *
 * Pagefind splits each language's word index into chunks of a number of
 * word positions (its own setting, read from its environment when its
 * service starts: the service is started again when a bundle needs another
 * size, `indexChunkPositions`), so that a first query downloads the bundle's
 * metadata and one small chunk, not the whole index. Chinese words are found mid-sentence only by Pagefind's extended
 * binary, which segments Chinese text; a probe page checks that before
 * anything is indexed, by what the index does, not by where the binary is.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import Tinypool from 'tinypool';
import { BuildError } from '../build/build-error.ts';
import { setPagefindChunkSize } from '../build/options.ts';
import { linkTree } from '../build/reuse-files.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import type { Bundle } from '../search/bundles.ts';
import { articleKey } from '../site/urls.ts';
import type { BundleWriteReport } from './compact-fragments.ts';
import type { BundleWriteTask } from './compact-worker.ts';
import type { BundleFile } from './pagefind-format.ts';

/**
 * Word positions per index chunk for a bundle of `pages` article pages. A
 * first query downloads the bundle's metadata, which lists every chunk, and
 * the chunk holding its word: a small bundle does best with small chunks, a
 * full one with fewer, larger ones. Measured on this site (two articles):
 * 2,000 gives a first chunk of 4.5 kB, Pagefind's default 20,000 puts the
 * whole index, 22 kB, in it; on a bundle of 1,000 generated articles, 8,000
 * gives 13.6 kB of metadata and a 9.4 kB chunk, where 2,000 gives 22.8 kB of
 * metadata and 4,000 17.5 kB.
 */
export function indexChunkPositions(pages: number): number {
  return Math.min(8000, Math.max(2000, Math.round((pages * 8) / 1000) * 1000));
}

/** Where a bundle remembers what it was built from (a dot file: never served). */
const digestFile = '.digest';

/** The code a bundle is made by: a change to it indexes every bundle again (package-lock.json is in every digest). */
const indexerSources = ['src/{search,indexer}/**/*.ts', 'src/integrations/pagefind.ts'];

/**
 * A sentence of twelve words: the extended binary finds them one by one;
 * without Chinese segmentation the whole sentence is a single word, and a
 * reader's 關係 would never find 國際關係.
 */
const probeSentence = '我們今天在台北討論國際關係與經濟合作';
const probeWordsAtLeast = 6;

export interface IndexSiteOptions {
  /** The built site folder. */
  site: string;
  /** The project root (code digest, worker file). */
  root: string;
  /** Every bundle of every script, in the order to index them. */
  bundles: readonly Bundle[];
  /** The site being replaced, whose unchanged bundles are linked. */
  previousSite?: string | undefined;
}

export interface IndexSiteReport {
  pages: number;
  built: number;
  reused: number;
  fragments: BundleWriteReport;
}

const fail = (title: string, errors: readonly string[]): never => {
  throw new BuildError(title, errors.length > 0 ? [...errors] : ['(Pagefind gave no reason)']);
};

/** A new index of Pagefind's service, or a build error saying why there is none. */
async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  return index ?? fail('The search index was not built: Pagefind did not start.', errors);
}

/** Stops the build unless Pagefind splits Chinese text into words (its extended binary does). */
export async function checkSegmentation(): Promise<void> {
  const index = await newIndex();
  try {
    const html = `<html lang="zh-Hant"><body><p>${probeSentence}</p></body></html>`;
    const added = await index.addHTMLFile({ url: '/segmentation-probe/', content: html });
    if (added.errors.length > 0) fail('The search index was not built: Pagefind could not read a test page.', added.errors);
    if (added.file.uniqueWords < probeWordsAtLeast)
      throw new BuildError('The search index would not find Chinese words inside a sentence.', [
        `Pagefind read 「${probeSentence}」 as ${added.file.uniqueWords} word(s): it is not segmenting Chinese text.`,
        "Only Pagefind's extended binary (in @pagefind/<platform>) does: reinstall with `npm install`, or unset PAGEFIND_BINARY_PATH.",
      ]);
  } finally {
    await index.deleteIndex();
  }
}

/** What a bundle is built from: the indexer's code, its pages in order, and their bytes. */
async function bundleDigest(site: string, files: readonly string[], indexer: string): Promise<string> {
  const hash = createHash('sha256').update(indexer).update('\u0000');
  for (const file of files)
    hash
      .update(file)
      .update('\u0000')
      .update(await readFile(join(site, file)))
      .update('\u0000');
  return hash.digest('hex');
}

/** Indexes one bundle's pages in a fresh index, and returns its files. */
async function indexBundle(site: string, files: readonly string[]): Promise<BundleFile[]> {
  const index = await newIndex();
  try {
    for (const file of files) {
      const added = await index.addHTMLFile({ sourcePath: file, content: await readFile(join(site, file), 'utf8') });
      if (added.errors.length > 0) fail(`The search index was not built: Pagefind could not read ${file}.`, added.errors);
    }
    const built = await index.getFiles();
    if (built.errors.length > 0) fail('The search index was not built: Pagefind could not write it.', built.errors);
    return built.files;
  } finally {
    await index.deleteIndex();
  }
}

/** Indexes every bundle of the site into `<site>/pagefind/<bundle>/`. */
export async function indexSite({ site, root, bundles, previousSite }: IndexSiteOptions): Promise<IndexSiteReport> {
  let chunkPositions = indexChunkPositions(bundles[0]?.slugs.length ?? 0);
  setPagefindChunkSize(chunkPositions);
  const indexer = await sourcesDigest(root, indexerSources);
  const report: IndexSiteReport = { pages: 0, built: 0, reused: 0, fragments: { fragments: 0, before: 0, after: 0 } };
  await rm(join(site, 'pagefind'), { recursive: true, force: true });
  // A fresh worker for each bundle, so that the memory of one bundle's files is returned before the next.
  const writer = new Tinypool({
    filename: pathToFileURL(join(root, 'src', 'indexer', 'compact-worker.ts')).href,
    minThreads: 0,
    maxThreads: 1,
    isolateWorkers: true,
  });
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown;
  const write = (output: string, files: BundleFile[], digest: string): Promise<void> =>
    (writer.run({ output, files } satisfies BundleWriteTask) as Promise<BundleWriteReport>).then(
      async (written) => {
        report.fragments.fragments += written.fragments;
        report.fragments.before += written.before;
        report.fragments.after += written.after;
        await writeFile(join(output, digestFile), digest);
      },
      (error: unknown) => {
        writeError = error;
      },
    );
  try {
    await checkSegmentation();
    for (const bundle of bundles) {
      const files = bundle.slugs.map((slug) => `${bundle.script}/${articleKey(slug)}index.html`);
      const output = join(site, 'pagefind', bundle.name);
      const digest = await bundleDigest(site, files, indexer);
      report.pages += files.length;
      const before = previousSite === undefined ? undefined : join(previousSite, 'pagefind', bundle.name);
      if (before !== undefined && (await readFile(join(before, digestFile), 'utf8').catch(() => '')) === digest) {
        await linkTree(before, output);
        report.reused += 1;
        continue;
      }
      if (indexChunkPositions(files.length) !== chunkPositions) {
        // Pagefind's service reads its chunk size when it starts: the next index starts a new one.
        await pagefind.close();
        chunkPositions = indexChunkPositions(files.length);
        setPagefindChunkSize(chunkPositions);
      }
      const built = await indexBundle(site, files);
      await writing;
      writing = write(output, built, digest);
      report.built += 1;
    }
    await writing;
  } finally {
    await Promise.allSettled([writer.destroy(), pagefind.close()]);
  }
  if (writeError !== undefined)
    throw new BuildError('The search index could not be written: Pagefind wrote files this project does not know.', [
      writeError instanceof Error ? writeError.message : String(writeError),
      'Check that the installed pagefind is the version package.json pins (see src/indexer/pagefind-format.ts).',
    ]);
  return report;
}
