/**
 * A long list's work in batches on worker threads, one per core (tinypool):
 * the publish checks' pages and the compressed twins, each a module that
 * runs as plain Node (`workerFile`, its default export taking one batch).
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import Tinypool, { type Options } from 'tinypool';

/**
 * A tinypool pool that outlives a worker ending between tasks (a worker
 * process killed, as the kernel's out-of-memory killer would). Tinypool
 * fails the tasks a worker was running when it ends, and starts another in
 * its place; a worker that ends with no task is reported as the pool's
 * 'error' event, which, with no listener, ends the whole build with a stack
 * trace. Nothing was lost then, so it is let pass: what a later task meets
 * fails that task, where it is named.
 */
export function workerPool(options: Options): Tinypool {
  const pool = new Tinypool(options);
  pool.on('error', () => undefined);
  return pool;
}

/** `task(batch)` of each `batchSize` items of `items` on the workers; the results in the batches' order. */
export async function runBatchesOnWorkers<Item, Result>(
  workerFile: string,
  items: readonly Item[],
  batchSize: number,
  task: (batch: Item[]) => unknown,
): Promise<Result[]> {
  const workers = availableParallelism();
  // Every thread from the start, loading its module while the batches are queued: all are queued at once.
  const pool = workerPool({ filename: pathToFileURL(workerFile).href, minThreads: workers, maxThreads: workers });
  try {
    const batches: Promise<Result>[] = [];
    for (let start = 0; start < items.length; start += batchSize)
      batches.push(pool.run(task(items.slice(start, start + batchSize))) as Promise<Result>);
    return await Promise.all(batches);
  } finally {
    await pool.destroy();
  }
}
