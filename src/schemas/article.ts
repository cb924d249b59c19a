/**
 * The frontmatter of an article: what an editor writes at the top of each
 * Markdown file in `content/articles/`. Pure zod, so the build, the content
 * collection and the unit tests validate with the same rules.
 */
import { z } from 'astro/zod';
import { sourceVariantRegistry, sourceVariants } from '../site/scripts.ts';
import { fragment, isoDate, slugPattern, text, windowsReservedName } from './fields.ts';
import { glossarySchema } from './glossary.ts';

const source = z.strictObject({
  publisher: text,
  title: text,
  /** @see https://zod.dev/api#urls */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine((url) => {
      const parsed = URL.parse(url);
      return parsed === null || (parsed.username === '' && parsed.password === '');
    }, 'must not hold a user name or password before "@" (https://www.reuters.com:443@evil.example/ leads to evil.example)')
    .optional(),
});

const correction = z
  .strictObject({
    original: fragment,
    corrected: fragment,
    note: text,
  })
  .refine(({ original, corrected }) => original !== corrected, {
    error: 'corrected must differ from original',
    path: ['corrected'],
  });

const variantList = sourceVariants.map((variant) => `${variant} (${sourceVariantRegistry[variant].description})`).join(', ');

/** The fields, each with its own rules; `articleSchema` adds the rules between fields. */
export const articleFields = z.strictObject({
  slug: z
    .string()
    .regex(slugPattern, 'must be lower-case ASCII words joined by hyphens, e.g. xi-meets-mishustin')
    .max(100, 'must be at most 100 characters')
    .refine(
      (slug) => !windowsReservedName(slug),
      'is a name Windows reserves for a device (con, prn, aux, nul, com1…, lpt1…): choose another',
    ),
  title: text,
  /** The source had no headline and the editors wrote this one. */
  editorialTitle: z.boolean().default(false),
  summary: text,
  authors: z.array(z.strictObject({ name: text, role: text })).min(1, 'must name at least one author'),
  outlet: text,
  dateline: text.optional(),
  published: isoDate,
  updated: isoDate.optional(),
  sourceVariant: z.enum(sourceVariants, { error: `must be one of ${variantList}` }),
  topics: z.array(z.string().regex(slugPattern, 'must be a topic id')).min(1, 'must list at least one topic'),
  sources: z.array(source).default([]),
  corrections: z.array(correction).default([]),
  glossary: glossarySchema.default([]),
});

export const articleSchema = articleFields.refine(
  ({ published, updated }) => updated === undefined || updated.getTime() >= published.getTime(),
  {
    error: 'must not be before published',
    path: ['updated'],
  },
);

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export type ArticleSource = z.infer<typeof source>;
export type ArticleCorrection = z.infer<typeof correction>;
