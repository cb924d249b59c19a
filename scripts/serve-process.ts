/** Starts `scripts/serve.mjs` on a port for a folder and resolves once it answers; for the benchmark and Lighthouse. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export async function startServer(dir: string, port: number, base = '/'): Promise<ChildProcess> {
  const script = resolve(import.meta.dirname, 'serve.mjs');
  const child = spawn(process.execPath, [script, '--dir', dir, '--port', String(port), '--base', base], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`http://localhost:${port}${base}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill();
  throw new Error(`the server for ${dir} did not start on port ${port}`);
}
