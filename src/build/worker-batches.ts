/**
 * A long list's work in batches on worker threads, one per core (tinypool):
 * the publish checks' pages and the compressed twins, each a module that
 * runs as plain Node (`workerFile`, its default export taking one batch).
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';

/** `task(batch)` of each `batchSize` items of `items` on the workers; the results in the batches' order. */
export async function runBatchesOnWorkers<Item, Result>(
  workerFile: string,
  items: readonly Item[],
  batchSize: number,
  task: (batch: Item[]) => unknown,
): Promise<Result[]> {
  const workers = availableParallelism();
  // Every thread from the start, loading its module while the batches are queued: all are queued at once.
  const pool = new Tinypool({ filename: pathToFileURL(workerFile).href, minThreads: workers, maxThreads: workers });
  try {
    const batches: Promise<Result>[] = [];
    for (let start = 0; start < items.length; start += batchSize)
      batches.push(pool.run(task(items.slice(start, start + batchSize))) as Promise<Result>);
    return await Promise.all(batches);
  } finally {
    await pool.destroy();
  }
}
