/**
 * Work over a long list of files, a few at a time: enough in flight to keep
 * libuv's threads and the disk busy, never the whole list at once (an
 * archive's 124,000 pages would open as many files and hold every result).
 */

/** `work` of every item, `width` at a time, the results in the items' order. */
export async function mapAtOnce<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const at = next++;
        results[at] = await work(items[at] as T);
      }
    }),
  );
  return results;
}

/**
 * `read` of each item, handed out in the items' order as the caller takes
 * them, with up to `width` reads under way ahead of the one taken: for a
 * caller that works through the results one by one, so that it never waits
 * on the disk and never holds more than `width` results it has not taken.
 */
export async function* readAhead<T, R>(
  items: readonly T[],
  width: number,
  read: (item: T) => Promise<R>,
): AsyncGenerator<[T, R]> {
  const pending: Promise<R>[] = [];
  let next = 0;
  for (let at = 0; at < items.length; at++) {
    for (; next < items.length && pending.length < width; next++) {
      const reading = read(items[next] as T);
      // Handled where it is taken, in order; a failure ahead must not be an unhandled rejection meanwhile.
      reading.catch(() => undefined);
      pending.push(reading);
    }
    yield [items[at] as T, await (pending.shift() as Promise<R>)];
  }
}
