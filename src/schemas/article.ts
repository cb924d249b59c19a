/**
 * The frontmatter of an article: what an editor writes at the top of each
 * Markdown file in `content/articles/`. Pure zod, so the build, the content
 * collection and the unit tests validate with the same rules.
 */
import { z } from 'astro/zod';
import { sourceVariantRegistry, sourceVariants } from '../lib/scripts.ts';
import { isoDate, slugPattern, text } from './fields.ts';
import { glossarySchema } from './glossary.ts';

export { isRealDate, isoDate, slugPattern } from './fields.ts';

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

const variantList = sourceVariants.map((variant) => `${variant} (${sourceVariantRegistry[variant].description})`).join(', ');

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
  sourceVariant: z.enum(sourceVariants, { error: `must be one of ${variantList}` }),
  topics: z.array(z.string().regex(slugPattern, 'must be a topic id')).min(1, 'must list at least one topic'),
  sources: z.array(source).default([]),
  corrections: z.array(correction).default([]),
  glossary: glossarySchema.default([]),
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export type ArticleSource = z.infer<typeof source>;
export type ArticleCorrection = z.infer<typeof correction>;
