/**
 * An author's profile (`content/authors.yaml`): the name as their articles
 * print it, in their own script, with the variant it is written in, a short
 * biography and position converted like any text, and links (their own
 * site, a profile elsewhere). The author's page shows it in both scripts;
 * an author without a profile still has a page.
 */
import { z } from 'astro/zod';
import { sourceVariants } from '../site/scripts.ts';
import { textUpTo } from './fields.ts';

const link = z.strictObject({
  title: textUpTo(100),
  /** @see https://zod.dev/api#urls */
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).refine((url) => {
    const parsed = URL.parse(url);
    return parsed === null || (parsed.username === '' && parsed.password === '');
  }, 'must not hold a user name or password before "@"'),
});

export const authorProfileSchema = z.strictObject({
  /** As the bylines print it (`authors[].name` of the articles). */
  name: textUpTo(100),
  /** The script the profile is written in, as an article's `sourceVariant`. */
  sourceVariant: z.enum(sourceVariants, { error: `must be one of ${sourceVariants.join(', ')}` }),
  /** What they do here: 撰稿人, 駐台北記者… */
  position: textUpTo(100).optional(),
  /** A few sentences about them. */
  bio: textUpTo(600),
  links: z.array(link).max(10, 'must list at most 10 links').default([]),
});

export type AuthorProfile = z.infer<typeof authorProfileSchema>;
