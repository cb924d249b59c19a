/** Field types shared by the content schemas. Pure zod, so the build, the collections and the tests validate alike. */
import { z } from 'astro/zod';

/** A non-empty string, trimmed. */
export const text = z.string().trim().min(1, 'must not be empty');

/** Lower-case ASCII words joined by hyphens: URL segments of articles and topics. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `YYYY-MM-DD` names a day that exists (no 30 February, no month 13). */
export function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written `YYYY-MM-DD` that really exists, as a UTC midnight `Date`. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, e.g. 2025-11-05' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, e.g. 2025-11-05', abort: true })
  .refine(isRealDate, 'is not a real calendar date')
  .transform((value) => new Date(`${value}T00:00:00Z`));
