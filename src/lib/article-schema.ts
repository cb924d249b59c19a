/**
 * The frontmatter of an article: what an editor writes at the top of each
 * Markdown file in `content/articles/`. Pure zod, so the build, the content
 * collection and the unit tests validate with the same rules.
 */
import { z } from 'astro/zod';
import { openccConverter } from './convert.ts';
import { sourceVariants } from './scripts.ts';

const text = z.string().trim().min(1, 'must not be empty');

/** Lower-case ASCII words joined by hyphens: the article's URL segment. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A calendar date written `YYYY-MM-DD` that really exists, as a UTC midnight `Date`. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, e.g. 2025-11-05' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, e.g. 2025-11-05', abort: true })
  .refine(isRealDate, 'is not a real calendar date')
  .transform((value) => new Date(`${value}T00:00:00Z`));

/** True when `YYYY-MM-DD` names a day that exists (no 30 February, no month 13). */
export function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const codePoints = (value: string): number => [...value].length;

/**
 * Terms pinned for the Simplified page, where OpenCC converts wrongly:
 * Traditional term → Simplified term, same number of characters (conversion
 * is character for character, so pinned text can be checked for loss).
 */
export const glossarySchema = z.record(text, text).superRefine((glossary, context) => {
  for (const [from, to] of Object.entries(glossary)) {
    const issue = (message: string): void => context.addIssue({ code: 'custom', path: [from], message });
    if (codePoints(from) !== codePoints(to)) issue(`「${from}」 → 「${to}」 must keep the same number of characters`);
    // A pinned term may not smuggle a Traditional character onto a Simplified page.
    else if (openccConverter('zh-Hant')(to) !== to) issue(`「${to}」 is not Simplified: OpenCC would still convert it`);
  }
});
export type Glossary = z.infer<typeof glossarySchema>;

const source = z.strictObject({
  publisher: text,
  title: text,
  /** @see https://zod.dev/api#urls */
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
});

const correction = z.strictObject({
  original: text,
  corrected: z.string(),
  note: text,
});

export const articleSchema = z.strictObject({
  slug: z.string().regex(slugPattern, 'must be lower-case ASCII words joined by hyphens, e.g. xi-meets-mishustin'),
  title: text,
  /** The source had no headline and the editors wrote this one. */
  editorialTitle: z.boolean().default(false),
  summary: text,
  authors: z.array(z.strictObject({ name: text, role: text })).min(1, 'must name at least one author'),
  outlet: text,
  dateline: text.optional(),
  published: isoDate,
  updated: isoDate.optional(),
  sourceVariant: z.enum(sourceVariants, { error: `must be one of ${sourceVariants.join(', ')}` }),
  topics: z.array(z.string().regex(slugPattern, 'must be a topic id')).min(1, 'must list at least one topic'),
  sources: z.array(source).default([]),
  corrections: z.array(correction).default([]),
  glossary: glossarySchema.default({}),
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export type ArticleSource = z.infer<typeof source>;
export type ArticleCorrection = z.infer<typeof correction>;

export const topicSchema = z.strictObject({
  id: z.string().regex(slugPattern, 'must be lower-case ASCII words joined by hyphens'),
  name: text,
});
