/**
 * The names table (`content/names.yaml`): names of people, places and
 * organisations, and a few words, that readers in different regions write
 * differently (普京, 普丁, 普亭), and that script conversion rightly leaves
 * as the author wrote them. Search treats every form of an entry as the
 * same name, so a reader's form finds the form an article prints. Pure zod;
 * the checks across entries are in `src/checks/names.ts`.
 */
import { z } from 'astro/zod';
import { text, textUpTo } from './fields.ts';

/** What an entry names; `word` is for regional vocabulary OpenCC's tables do not pair (信息, 訊息). */
export const nameKinds = ['person', 'place', 'organisation', 'word'] as const;

/**
 * One form: a word of letters or Han characters, with the middle dot of a
 * transliterated name (克利福德·庫南), or Latin words with one space
 * between them (New York Times), as a reader types them.
 */
const form = text
  .max(100, 'must be at most 100 characters')
  .regex(/^(?:[\p{L}\p{N}\p{M}\u00B7\u30FB\u2027\uFF65]+|[\p{Script=Latin}\p{N}\p{M}]+(?: [\p{Script=Latin}\p{N}\p{M}]+)+)$/u, {
    error:
      'must be one word (letters, digits, Han characters and a name’s middle dot) or Latin words with one space between them, no punctuation',
    abort: true,
  })
  .refine(
    (value) => (/\p{Script=Han}/u.test(value) ? Array.from(value).length >= 2 : value.length >= 3),
    'is too short to search for safely: at least two Han characters or three letters',
  );

export const nameEntrySchema = z.strictObject({
  kind: z.enum(nameKinds, { error: `must be one of ${nameKinds.join(', ')}` }),
  /** Every form readers use, in any script and region, the one articles print among them. */
  forms: z.array(form).min(2, 'must list at least two forms of the name'),
  /** Who or what it is, and who writes which form. */
  note: textUpTo(500).optional(),
  /** Where the regional forms come from (Chinese Wikipedia's conversion group, a publisher's own usage…). */
  source: textUpTo(200).optional(),
});

export type NameEntry = z.infer<typeof nameEntrySchema>;
