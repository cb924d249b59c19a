/**
 * Time spent in each build phase, for `npm run bench`. Kept on `globalThis`
 * because Astro bundles the pages separately from the integrations, and
 * both run in the build's one process.
 */
type Timings = Record<string, number>;

const key = Symbol.for('guoji-shiping.build-timings');

export function buildTimings(): Timings {
  const store = globalThis as typeof globalThis & { [key]?: Timings };
  store[key] ??= {};
  return store[key];
}

/** Runs `work`, adding its duration (ms) to `phase`. */
export function timed<T>(phase: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    const timings = buildTimings();
    timings[phase] = (timings[phase] ?? 0) + performance.now() - started;
  }
}

/** Runs `work` and adds the time until its promise settles to `phase`. */
export async function timedAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const timings = buildTimings();
    timings[phase] = (timings[phase] ?? 0) + performance.now() - started;
  }
}
