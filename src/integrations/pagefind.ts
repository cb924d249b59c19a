/**
 * Builds the search index with Pagefind's Node API, one bundle per shard
 * (`src/search/shards.ts`), so that indexing memory stays bounded;
 * Pagefind's service is closed after each shard. A shard whose pages are
 * byte for byte those of the site being replaced is linked from it instead
 * of indexed again. Each new bundle is compacted
 * (`src/search/pagefind-output.ts`) on a worker thread while Pagefind
 * indexes the next, one at a time. Any error Pagefind reports stops the
 * build, and so does a Pagefind without its extended binary, which alone
 * segments Chinese (without it mid-sentence words are not found).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import Tinypool from 'tinypool';
import { renderedFacts } from '../checks/rendered-facts.ts';
import { buildTimings } from '../build/timing.ts';
import { scripts } from '../site/scripts.ts';
import { linkTree } from '../build/reuse-files.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import { articleKey } from '../site/urls.ts';
import type { CompactionReport } from '../indexer/pagefind-output.ts';
import { planShards, type Shard } from '../search/bundles.ts';
import { BuildError } from '../build/build-error.ts';

/** Pagefind's bundled UIs: we search through its JS API, so they are not shipped. */
const unusedFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Where a shard's bundle remembers what it was built from (a dot file: never served). */
const digestFile = '.digest';

/** The extended binary Pagefind's service will run, or why it cannot. */
function extendedBinary(root: string): string | undefined {
  if (process.env['PAGEFIND_BINARY_PATH'] || process.env['PAGEFIND_EXTENDED_BINARY_PATH']) return undefined;
  const require = createRequire(join(root, 'node_modules', 'pagefind', 'package.json'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    return require.resolve(`@pagefind/${platform}-${process.arch}/bin/pagefind_extended${platform === 'windows' ? '.exe' : ''}`);
  } catch {
    return undefined;
  }
}

const fail = (title: string, errors: readonly string[]): never => {
  throw new BuildError(title, errors.length > 0 ? [...errors] : ['(Pagefind gave no reason)']);
};

/** The code a bundle is made by: a change to it indexes every shard again. */
const indexerSources = ['src/search/**/*.ts', 'src/indexer/**/*.ts', 'src/integrations/pagefind.ts'];

/** What a shard is built from: the indexer's code, its pages in order, and their bytes. */
async function shardDigest(site: string, files: readonly string[], indexer: string): Promise<string> {
  const hash = createHash('sha256').update(indexer).update('\u0000');
  for (const file of files)
    hash
      .update(file)
      .update('\u0000')
      .update(await readFile(join(site, file)))
      .update('\u0000');
  return hash.digest('hex');
}

/** Indexes one shard's pages into `output` with a fresh Pagefind service, and closes it. */
async function indexShard(site: string, files: readonly string[], output: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return fail('The search index was not built: Pagefind did not start.', errors);
  try {
    for (const file of files) {
      const added = await index.addHTMLFile({ sourcePath: file, content: await readFile(join(site, file), 'utf8') });
      if (added.errors.length > 0) fail(`The search index was not built: Pagefind could not read ${file}.`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) fail('The search index was not built: Pagefind could not write it.', written.errors);
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIndex(): AstroIntegration {
  let root = '';
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        if (extendedBinary(root) === undefined) {
          throw new BuildError('The search index was not built with Chinese word segmentation.', [
            "Pagefind's extended binary (@pagefind/<platform>/bin/pagefind_extended) is missing, or PAGEFIND_BINARY_PATH points elsewhere:",
            'the standard binary finds almost no Chinese words. Reinstall with `npm install`, or unset the variable.',
          ]);
        }
        const previous = process.env['BUILD_PREVIOUS_SITE'];
        const articles = [...renderedFacts().articleDates].map(([slug, published]) => ({ slug, published }));
        const plan = planShards(articles);
        const indexer = await sourcesDigest(root, indexerSources);
        await rm(join(site, 'pagefind'), { recursive: true, force: true });
        let built = 0;
        let reused = 0;
        let pages = 0;
        const compacted = { before: 0, after: 0, chunks: 0 };
        // A fresh worker for each bundle, so that the memory of one compaction is returned before the next.
        const compactor = new Tinypool({
          filename: pathToFileURL(join(root, 'src', 'indexer', 'compact-worker.ts')).href,
          minThreads: 0,
          maxThreads: 1,
          isolateWorkers: true,
        });
        let compacting: Promise<void> = Promise.resolve();
        let compactionError: unknown;
        const compact = (output: string, digest: string): Promise<void> =>
          (compactor.run(output) as Promise<CompactionReport>).then(
            async (report) => {
              compacted.before += report.before;
              compacted.after += report.after;
              compacted.chunks += report.chunks;
              await writeFile(join(output, digestFile), digest);
            },
            (error: unknown) => {
              compactionError = error;
            },
          );
        try {
          for (const shard of scripts.flatMap((script): Shard[] => plan[script])) {
            const files = shard.slugs.map((slug) => `${shard.script}/${articleKey(slug)}index.html`);
            const output = join(site, 'pagefind', shard.name);
            const digest = await shardDigest(site, files, indexer);
            pages += files.length;
            const before = previous === undefined ? undefined : join(previous, 'pagefind', shard.name);
            if (before !== undefined && (await readFile(join(before, digestFile), 'utf8').catch(() => '')) === digest) {
              await linkTree(before, output);
              reused += 1;
              continue;
            }
            await mkdir(output, { recursive: true });
            await indexShard(site, files, output);
            await Promise.all(unusedFiles.map((file) => rm(join(output, file), { force: true })));
            await compacting;
            compacting = compact(output, digest);
            built += 1;
          }
          await compacting;
        } finally {
          await compactor.destroy();
        }
        if (compactionError !== undefined)
          throw new BuildError('The search index could not be compacted: Pagefind wrote files we do not know.', [
            compactionError instanceof Error ? compactionError.message : String(compactionError),
            'Check that the installed pagefind is the version package.json pins.',
          ]);
        const elapsed = performance.now() - started;
        buildTimings()['pagefind'] = elapsed;
        const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
        logger.info(
          `Pagefind (Extended) indexed ${pages} pages in ${built + reused} bundles (${reused} unchanged, reused) in ${Math.round(elapsed)} ms; new index and fragments ${kB(compacted.before)} kB → ${kB(compacted.after)} kB in ${compacted.chunks} chunks`,
        );
      },
    },
  };
}
