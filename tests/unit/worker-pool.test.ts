/**
 * The build's worker pools (`workerPool`, src/build/worker-batches.ts): a
 * worker process that ends between tasks (killed, as the kernel's
 * out-of-memory killer would), with no task to fail, is replaced and the
 * build goes on. Without the pool's 'error' listener, tinypool's event for
 * it would end the whole build with a stack trace.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { workerPool } from '../../src/build/worker-batches.ts';

const workerFile = join(import.meta.dirname, '..', 'fixtures', 'workers', 'pid-or-double.mjs');

test('a worker process killed between tasks is replaced, and the next task runs', async () => {
  const pool = workerPool({ filename: pathToFileURL(workerFile).href, runtime: 'child_process', minThreads: 1, maxThreads: 1 });
  try {
    const pid = (await pool.run('pid')) as number;
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await pool.run(21)).toBe(42);
    expect(await pool.run('pid')).not.toBe(pid);
  } finally {
    await pool.destroy();
  }
});
