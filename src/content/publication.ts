/**
 * Which articles a build publishes: those dated today or earlier, as Hugo
 * does with `buildFuture = false`. An article dated in the future is held
 * back until its date; `npm run build -- --future` (`BUILD_FUTURE=1`)
 * includes it. `BUILD_TODAY=YYYY-MM-DD` sets the day, for tests.
 */

/** Today as a UTC calendar date (midnight), or the day `BUILD_TODAY` names. */
export function buildDay(): Date {
  const today = process.env['BUILD_TODAY'];
  if (today !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(today)) return new Date(`${today}T00:00:00Z`);
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export const includeFuture = (): boolean => process.env['BUILD_FUTURE'] === '1';

/** Whether an article dated `published` is published by this build. */
export function isPublished(published: Date): boolean {
  return includeFuture() || published.getTime() <= buildDay().getTime();
}

export interface HeldBack {
  file: string;
  published: string;
}

const key = Symbol.for('guoji-shiping.held-back');

/** The articles this build held back, for `scripts/build.ts` to say (kept on globalThis: the loader runs inside Astro). */
export function heldBack(): HeldBack[] {
  const store = globalThis as typeof globalThis & { [key]?: HeldBack[] };
  store[key] ??= [];
  return store[key];
}
