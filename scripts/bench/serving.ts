/**
 * Load on loopback for `npm run bench`: Debian's wrk keeps a fixed number of
 * connections busy for a fixed time against `npm run serve` and against
 * nginx with the generated configuration, both over the same `dist/`, asking
 * for pages, assets and search files in turn as a browser would (brotli).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToolSettings } from '../../src/build/options.ts';
import { startNginx } from '../nginx-process.ts';
import { startServer } from '../serve-process.ts';

const { wrkPath } = readToolSettings();

export interface LoadResult {
  server: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** wrk's socket errors, timeouts (no answer within 2 s) and answers with a status of 400 or more. */
  errors: { connect: number; read: number; write: number; timeout: number; status: number };
  latencyMs: { p50: number; p99: number; max: number };
  /** Whether the server still answered a request once the load was over. */
  answersAfterwards: boolean;
}

/** wrk's Lua hooks: the paths in turn, and the summary as one JSON line. */
const luaScript = (paths: readonly string[]): string => `
local paths = { ${paths.map((path) => JSON.stringify(path)).join(', ')} }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Accept-Encoding"] = "gzip, deflate, br" })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d,"p50":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;

interface WrkSummary {
  requests: number;
  durationUs: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  status: number;
  p50: number;
  p99: number;
  max: number;
}

function runWrk(url: string, script: string, connections: number, seconds: number): WrkSummary {
  const run = spawnSync(
    wrkPath,
    ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--timeout', '2s', '--latency', '-s', script, url],
    { encoding: 'utf8' },
  );
  const line = /RESULT (\{.*\})/.exec(run.stdout)?.[1];
  if (run.status !== 0 || !line) throw new Error(`wrk failed on ${url}:\n${run.stdout}${run.stderr}`);
  return JSON.parse(line) as WrkSummary;
}

async function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(5000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * Loads each server in turn over `dist` (built for `/`) with `paths` (below the root).
 * Ports: `npm run serve` on `port`, nginx on `port + 1`.
 */
export async function measureServing(
  dist: string,
  paths: readonly string[],
  { connections = 200, seconds = 10, port = 4430 } = {},
): Promise<LoadResult[]> {
  if (!existsSync(wrkPath)) throw new Error(`wrk is not installed (${wrkPath}): apt-get install wrk`);
  const temp = await mkdtemp(join(tmpdir(), 'guoji-load-'));
  const script = join(temp, 'paths.lua');
  await writeFile(script, luaScript(paths));
  const results: LoadResult[] = [];
  const measure = async (server: string, url: string): Promise<void> => {
    const summary = runWrk(url, script, connections, seconds);
    const ms = (microseconds: number): number => Math.round(microseconds / 100) / 10;
    results.push({
      server,
      connections,
      seconds,
      requests: summary.requests,
      requestsPerSecond: Math.round(summary.requests / (summary.durationUs / 1e6)),
      errors: {
        connect: summary.connect,
        read: summary.read,
        write: summary.write,
        timeout: summary.timeout,
        status: summary.status,
      },
      latencyMs: { p50: ms(summary.p50), p99: ms(summary.p99), max: ms(summary.max) },
      answersAfterwards: await answers(url),
    });
  };
  let node: ChildProcess | undefined;
  try {
    node = await startServer(dist, port);
    await measure('npm run serve', `http://127.0.0.1:${port}/`);
  } finally {
    node?.kill();
  }
  // nginx refuses any symbolic link on the way, so it gets the real path.
  const nginx = await startNginx([{ base: '/', root: await realpath(dist), port: port + 1 }], 2);
  try {
    await measure('nginx (2 workers)', `http://127.0.0.1:${port + 1}/`);
  } finally {
    await nginx.stop();
    await rm(temp, { recursive: true, force: true });
  }
  return results;
}
