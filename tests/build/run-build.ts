/**
 * Runs the real build (`scripts/build.mjs`) as an editor would, for the build
 * tests: quietly, from a content folder into an output folder, each with its
 * own content cache, and with any DNS lookup or connection beyond loopback
 * reported (`no-network.mjs`).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const noNetwork = resolve(import.meta.dirname, 'no-network.mjs');

export interface BuildRun {
  status: number | null;
  /** Standard output and standard error, in that order. */
  output: string;
}

export function runBuild(options: { content: string; out: string; cache: string; env?: Record<string, string> }): BuildRun {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', options.out], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTENT_DIR: options.content,
      ASTRO_CACHE_DIR: options.cache,
      LOG_LEVEL: 'silent',
      NODE_OPTIONS: `--import=${noNetwork}`,
      ...options.env,
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
