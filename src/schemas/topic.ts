/** A topic articles are filed under (`content/topics.yaml`): an ASCII id for URLs and a name in Taiwan Traditional. */
import { z } from 'astro/zod';
import type { SourceVariant } from '../site/scripts.ts';
import { slugPattern, textUpTo, windowsReservedName } from './fields.ts';

export const topicSchema = z.strictObject({
  id: z
    .string()
    .regex(slugPattern, 'must be lower-case ASCII words joined by hyphens')
    .max(100, 'must be at most 100 characters: it is a folder name in the built site')
    .refine(
      (id) => !windowsReservedName(id),
      'is a name Windows reserves for a device (con, prn, aux, nul, com1…, lpt1…): choose another',
    ),
  name: textUpTo(50),
});

/** The variant topic names are written in; every other script shows them converted. */
export const topicNameVariant: SourceVariant = 'zh-TW';
