/**
 * Starts `astro dev` (the editor's preview) on a copy of a content folder and
 * resolves once it serves pages; for the preview's test and the benchmark.
 * The copy lies inside the project, under .build/, because the dev server
 * watches its own folder, as it watches content/.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { astroChildEnvironment } from '../src/build/options.ts';

const root = resolve(import.meta.dirname, '..');

export interface RunningPreview {
  origin: string;
  /** The content folder the server reads: change its files to see the preview follow. */
  content: string;
  stop(): Promise<void>;
}

export async function startPreview(source: string, port: number, { log = false } = {}): Promise<RunningPreview> {
  await mkdir(join(root, '.build'), { recursive: true });
  const work = await mkdtemp(join(root, '.build', 'preview-'));
  const content = join(work, 'content');
  await cp(source, content, { recursive: true });
  // The project's Node (the `astro` shim would run the system's), and the environment `npm run dev` gives it.
  const server = spawn(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: root, env: astroChildEnvironment({ CONTENT_DIR: content }), stdio: log ? 'inherit' : 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    server.kill();
    await rm(work, { recursive: true, force: true });
  };
  for (let tries = 0; tries < 600; tries++) {
    const ready = await fetch(`${origin}/zh-hant/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { origin, content, stop };
    await new Promise((done) => setTimeout(done, 100));
  }
  await stop();
  throw new Error(`the dev server did not start on port ${port}`);
}
