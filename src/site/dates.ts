/** Dates written the Chinese way (2025年11月5日), from a UTC calendar date. */
import { langTag, type Script } from './scripts.ts';

const formatters = new Map<Script, Intl.DateTimeFormat>();

export function formatDate(date: Date, script: Script): string {
  let formatter = formatters.get(script);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(langTag(script), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(script, formatter);
  }
  return formatter.format(date);
}

/** `YYYY-MM-DD`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
