/** Field types shared by the content schemas. Pure zod, so the build, the collections and the tests validate alike. */
import { z } from 'astro/zod';
import { describeForbidden, forbiddenCharacters, showsSomething, showsWords } from '../site/text-characters.ts';

/** Bidirectional controls: they reorder what a reader sees (an "evil" name that reads as another). */
export const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** A non-empty string, trimmed, that is text: no control character, noncharacter or bidirectional control. */
const plainText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, context) => {
    const [first] = forbiddenCharacters(value);
    if (first !== undefined)
      context.addIssue({
        code: 'custom',
        message: `holds ${describeForbidden(first)} at character ${Array.from(value.slice(0, first.index)).length + 1}, which no page or feed may carry: delete it`,
      });
  })
  .refine(
    (value) => !bidiControls.test(value),
    'must not hold bidirectional control characters (U+202A–202E, U+2066–2069, U+200E, U+200F)',
  );

/**
 * Text a reader reads as words (a headline, a name, a role, a note): it
 * must show a letter or a digit once the characters that show nothing
 * (Unicode's default-ignorable and white-space characters) are set aside.
 */
export const text = plainText.refine(
  showsWords,
  'must hold visible words: letters or digits, not only spaces, invisible characters or blank symbols',
);

/**
 * `text` no longer than `max` characters: a headline of 300,000 characters
 * is no headline, and every page, card, feed and index entry that shows one
 * would pay for it.
 */
export const textUpTo = (max: number) =>
  text.max(max, `must be at most ${max.toLocaleString('en')} characters: it is shown on every page that lists it`);

/** A piece of text that may be punctuation only (what a correction changed), but never invisible. */
export const fragment = plainText.refine(showsSomething, 'must hold something visible, not only spaces or invisible characters');

/** Device names Windows reserves: a file or folder so named cannot be created or copied there. */
const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

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

/** Whether a URL segment is a device name Windows reserves. */
export function windowsReservedName(segment: string): boolean {
  return windowsReserved.test(segment.toLowerCase());
}
