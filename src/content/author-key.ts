/**
 * An author's key: the URL segment of their page, the same in every script
 * and for every article that credits them, whichever script it is written
 * in (范強 and 范强 are one person). It is the name in Normalization Form C
 * (José typed as J-o-s-e and a combining accent is José), in Simplified
 * script, as a slug (`mark-chen`, `范强`). Two names that are not the same
 * in Simplified script but make one key are refused by the content check
 * (`content-folder.ts`): one page would credit two people.
 */
import { slug } from 'github-slugger';
import { convertText, type Glossary } from '../conversion/index.ts';
import type { SourceVariant } from '../site/scripts.ts';

/** Keys made, per glossary (an article's pins can change how its names read in Simplified script). */
const keys = new WeakMap<Glossary, Map<string, string>>();

/** The name as it is compared: Normalization Form C, in Simplified script. */
export function authorIdentity(name: string, variant: SourceVariant, glossary: Glossary): string {
  return convertText(name.normalize('NFC'), { from: variant, to: 'zh-hans', glossary });
}

export function authorKey(name: string, variant: SourceVariant, glossary: Glossary): string {
  let known = keys.get(glossary);
  if (known === undefined) keys.set(glossary, (known = new Map()));
  const id = `${variant}\u0000${name}`;
  let key = known.get(id);
  if (key === undefined) {
    key = slug(authorIdentity(name, variant, glossary)) || 'author';
    known.set(id, key);
  }
  return key;
}
