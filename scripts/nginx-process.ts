/**
 * Starts Debian's nginx on loopback with the generated configuration
 * (src/serving/nginx-conf.ts), in a temporary prefix with its own pid file, error
 * log and temp folders, and stops it again; for the serving tests and the
 * benchmark. Fails with what to install when nginx or its brotli module is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToolSettings } from '../src/build/options.ts';
import { nginxConf } from '../src/serving/nginx-conf.ts';

const { nginxPath, nginxBrotliModule: brotliModule } = readToolSettings();

export interface NginxSite {
  base: string;
  /** nginx's root: `dist/` for `/`, the folder holding `dist/` renamed to the base for a sub-path. */
  root: string;
  port: number;
}

export interface RunningNginx {
  /** nginx's error log so far. */
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

/** Resolves once something accepts connections on the port, or rejects after about five seconds. */
export async function waitForPort(port: number, child?: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child && child.exitCode !== null) throw new Error(`the server for port ${port} exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => done(true)).once('error', () => done(false));
      socket.unref();
      setTimeout(() => socket.destroy(), 200).unref();
    }).catch(() => false);
    if (open) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`nothing answers on port ${port}`);
}

/** Starts one nginx master serving every site on its own port, with `workers` worker processes. */
export async function startNginx(sites: readonly NginxSite[], workers = 1): Promise<RunningNginx> {
  if (!existsSync(nginxPath))
    throw new Error(`nginx is not installed (${nginxPath}): apt-get install nginx libnginx-mod-http-brotli-static`);
  if (!existsSync(brotliModule))
    throw new Error(`nginx's brotli_static module is missing (${brotliModule}): apt-get install libnginx-mod-http-brotli-static`);
  const prefix = await mkdtemp(join(tmpdir(), 'guoji-nginx-'));
  const config = [
    'daemon off;',
    // As root, nginx's workers would otherwise run as nobody, who cannot read a private temporary folder.
    ...(process.getuid?.() === 0 ? ['user root root;'] : []),
    `worker_processes ${workers};`,
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')} warn;`,
    `load_module ${brotliModule};`,
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(prefix, kind)};`),
    ...sites.map((site) =>
      nginxConf({ base: site.base, root: site.root, listen: `127.0.0.1:${site.port}`, serverName: 'localhost' }),
    ),
    '}',
  ].join('\n');
  await writeFile(join(prefix, 'nginx.conf'), config);
  const child = spawn(nginxPath, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const errorLog = async (): Promise<string> => `${stderr}${await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '')}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGQUIT');
      await exited;
    }
    await rm(prefix, { recursive: true, force: true });
  };
  try {
    for (const site of sites) await waitForPort(site.port, child);
  } catch (error) {
    const log = await errorLog();
    await stop();
    throw new Error(`nginx did not start: ${error instanceof Error ? error.message : String(error)}\n${log}`);
  }
  return { errorLog, stop };
}
