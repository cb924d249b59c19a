/** Time spent in each build phase, for `npm run bench`, kept in the build state (`state.ts`). */
import { phaseTimings } from './state.ts';

/** Adds `milliseconds` to `phase`, and returns them. */
export function addTime(phase: string, milliseconds: number): number {
  const timings = phaseTimings();
  timings[phase] = (timings[phase] ?? 0) + milliseconds;
  return milliseconds;
}

/** Runs `work`, adding its duration to `phase`. */
export function timed<T>(phase: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    addTime(phase, performance.now() - started);
  }
}

/** Runs `work` and adds the time until its promise settles to `phase`. */
export async function timedAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    addTime(phase, performance.now() - started);
  }
}
