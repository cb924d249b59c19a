/**
 * The frontmatter of an article: what an editor writes at the top of each
 * Markdown file in `content/articles/`. Pure zod, so the build, the content
 * collection and the unit tests validate with the same rules.
 */
import { z } from 'astro/zod';
import { sourceVariantRegistry, sourceVariants } from '../site/scripts.ts';
import { fragment, isoDate, slugPattern, textUpTo, windowsReservedName } from './fields.ts';
import { glossarySchema } from './glossary.ts';
import { figureSchema, leadPhotoSchema } from './photo.ts';

const source = z.strictObject({
  publisher: textUpTo(200),
  title: textUpTo(500),
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
    original: fragment.max(500, 'must be at most 500 characters: name the words around the change, not the paragraph'),
    corrected: fragment.max(500, 'must be at most 500 characters: name the words around the change, not the paragraph'),
    note: textUpTo(1000),
    /** The day the correction was made, for readers and the corrections page; none for a fix made before publication. */
    date: isoDate.optional(),
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
  title: textUpTo(200),
  /** The source had no headline and the editors wrote this one. */
  editorialTitle: z.boolean().default(false),
  summary: textUpTo(1000),
  authors: z
    .array(z.strictObject({ name: textUpTo(100), role: textUpTo(50) }))
    .min(1, 'must name at least one author')
    .max(50, 'must name at most 50 authors'),
  outlet: textUpTo(200),
  dateline: textUpTo(300).optional(),
  published: isoDate,
  updated: isoDate.optional(),
  sourceVariant: z.enum(sourceVariants, { error: `must be one of ${variantList}` }),
  topics: z
    .array(z.string().regex(slugPattern, 'must be a topic id'))
    .min(1, 'must list at least one topic')
    .max(20, 'must list at most 20 topics'),
  sources: z.array(source).max(200, 'must list at most 200 sources').default([]),
  corrections: z.array(correction).max(200, 'must list at most 200 corrections').default([]),
  glossary: glossarySchema.default([]),
  /** The lead photo, above the text. */
  photo: leadPhotoSchema.optional(),
  /** The body's figures, each placed in the body by `![alt](file)` on a line of its own. */
  figures: z.array(figureSchema).max(50, 'must list at most 50 figures').default([]),
});

export const articleSchema = articleFields
  .refine(({ published, updated }) => updated === undefined || updated.getTime() >= published.getTime(), {
    error: 'must not be before published',
    path: ['updated'],
  })
  .superRefine(({ published, corrections }, context) => {
    corrections.forEach(({ date }, index) => {
      if (date !== undefined && date.getTime() < published.getTime())
        context.addIssue({ code: 'custom', message: 'must not be before published', path: ['corrections', index, 'date'] });
    });
  });

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export type ArticleSource = z.infer<typeof source>;
export type ArticleCorrection = z.infer<typeof correction>;
