/**
 * An author's key: the URL segment of their page, the same in every script
 * and for every article that credits them, whichever script it is written
 * in (范強 and 范强 are one person). It is the name in Simplified script, as
 * a slug (`mark-chen`, `范强`).
 */
import { slug } from 'github-slugger';
import { convertText, type Glossary } from '../conversion/index.ts';
import type { SourceVariant } from '../site/scripts.ts';

const keys = new Map<string, string>();

export function authorKey(name: string, variant: SourceVariant, glossary: Glossary): string {
  const id = `${variant}\u0000${name}`;
  let key = keys.get(id);
  if (key === undefined) {
    key = slug(convertText(name, { from: variant, to: 'zh-hans', glossary })) || 'author';
    keys.set(id, key);
  }
  return key;
}
