/**
 * A glossary: terms the editors pin where OpenCC converts wrongly, each
 * written in every script (`zh-hant: 中俄關係`, `zh-hans: 中俄关系`), so one
 * entry works whichever script an article is written in. The site's is
 * `content/glossary.yaml`; an article adds its own under `glossary:`.
 * Whether each form really is in its script is checked with OpenCC's tables
 * by the content checks, not here: this file stays pure zod.
 */
import { z } from 'astro/zod';
import { glossaryScripts, scripts } from '../site/scripts.ts';
import { textUpTo } from './fields.ts';

const form = textUpTo(100);

/** A form for every script; a script with a glossary fallback may leave its own out. */
const forms = Object.fromEntries(
  scripts.map((script) => [script, glossaryScripts.includes(script) ? form : form.optional()]),
) as Record<(typeof scripts)[number], typeof form>;

export const glossaryEntrySchema = z.strictObject({
  ...forms,
  /** Why the term is pinned: what OpenCC would write instead. */
  note: textUpTo(500).optional(),
});

/** An article's own pins: a few names and terms; every page of the article matches each of them. */
export const glossarySchema = z.array(glossaryEntrySchema).max(500, 'must pin at most 500 terms');
