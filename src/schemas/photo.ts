/**
 * The photos of an article: the lead photo and the figures of its body. A
 * photo is a file of `content/images/`, named there by its file name alone
 * (no folder, so no path can lead out of it), with its alternative text, a
 * caption in the author's script and a credit (photographer and agency),
 * which every page prints as written.
 */
import { z } from 'astro/zod';
import { textUpTo } from './fields.ts';

/**
 * A photo's file name in `content/images/`: lower-case ASCII, digits, dots,
 * hyphens and underscores, and the extension of a photo format (JPEG, PNG,
 * WebP, AVIF). No slash, so `../` and absolute paths cannot be written.
 */
export const photoFilePattern = /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.(?:jpe?g|png|webp|avif)$/;

export const photoFile = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(
    photoFilePattern,
    'must be the name of a file in content/images/ (lower-case letters, digits, "-", "_" and "."), ending .jpg, .jpeg, .png, .webp or .avif; no folder',
  );

/**
 * A credit is printed as written on every page (a name is not converted), so
 * it is kept with the inline rule `-{…}-`; the rule's own marks cannot be in it.
 */
const credit = textUpTo(200).refine(
  (value) => !value.includes('-{') && !value.includes('}-'),
  'must not hold "-{" or "}-": a credit is printed as written, already',
);

/** A figure of the body: the body places it with `![alt](file)`; the caption and credit are here. */
export const figureSchema = z.strictObject({
  file: photoFile,
  caption: textUpTo(500),
  credit,
});

/** The lead photo, shown above the text, on share cards and in feeds. */
export const leadPhotoSchema = figureSchema.extend({
  /** What the photo shows, for a reader who cannot see it. @see https://html.spec.whatwg.org/multipage/images.html#alt */
  alt: textUpTo(300),
});

export type FigureFields = z.infer<typeof figureSchema>;
export type LeadPhotoFields = z.infer<typeof leadPhotoSchema>;
