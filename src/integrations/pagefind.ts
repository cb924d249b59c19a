/**
 * Builds the search index with Pagefind's CLI over the build output, from
 * scratch each build. Stops the build unless the extended binary ran: only
 * it segments Chinese, without it mid-sentence words are not found. Then
 * splits the index into small chunks and drops the text fragments store
 * twice (`src/search/pagefind-output.ts`), so a first query costs less.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildTimings } from '../lib/build-timing.ts';
import { compactPagefindOutput } from '../search/pagefind-output.ts';
import { BuildError } from './build-error.ts';

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

function runPagefind(bin: string, site: string): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--site', site, '--output-subdir', 'pagefind'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
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
        await rm(join(site, 'pagefind'), { recursive: true, force: true });
        const { code, log } = await runPagefind(join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), site);
        if (code !== 0)
          throw new BuildError('The search index was not built: Pagefind failed.', log.trim().split('\n').slice(-8));
        if (!log.includes('(Extended)')) {
          throw new BuildError('The search index was not built with Chinese word segmentation.', [
            'Pagefind\'s log lacks "(Extended)": the standard binary ran, which finds almost no Chinese words.',
            'Reinstall with `npm ci` so that @pagefind/<platform> provides pagefind_extended, or unset PAGEFIND_BINARY_PATH.',
          ]);
        }
        await Promise.all(unusedFiles.map((file) => rm(join(site, 'pagefind', file), { force: true })));
        let compacted;
        try {
          compacted = await compactPagefindOutput(join(site, 'pagefind'));
        } catch (error) {
          throw new BuildError('The search index could not be compacted: Pagefind wrote files we do not know.', [
            error instanceof Error ? error.message : String(error),
            'Check that the installed pagefind is the version package.json pins.',
          ]);
        }
        const pages = /Indexed (\d+) pages/.exec(log)?.[1] ?? '?';
        const elapsed = performance.now() - started;
        buildTimings()['pagefind'] = elapsed;
        const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
        logger.info(
          `Pagefind (Extended) indexed ${pages} pages in ${Math.round(elapsed)} ms; index and fragments ${kB(compacted.before)} kB → ${kB(compacted.after)} kB in ${compacted.chunks} index chunks`,
        );
      },
    },
  };
}
