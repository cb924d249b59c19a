/**
 * Checks the names table across its entries: a form may belong to one entry
 * only (else one name would silently find another), may not repeat another
 * form of its own entry, and may not mix Simplified-only and
 * Traditional-only characters. Forms compare as search compares them:
 * lower case, middle dots ignored.
 */
import { scriptEvidence } from '../conversion/index.ts';
import type { NameEntry } from '../schemas/names.ts';
import { fold } from '../search/fold.ts';

/** One problem per bad form; `field` is the path inside the file, e.g. `[2].forms[1]`. */
export function checkNames(entries: readonly NameEntry[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const owner = new Map<string, number>();
  entries.forEach((entry, index) => {
    const own = new Set<string>();
    entry.forms.forEach((form, at) => {
      const field = `[${index}].forms[${at}]`;
      const key = fold(form);
      const evidence = scriptEvidence(form);
      if (evidence.simplified > 0 && evidence.traditional > 0)
        problems.push({ field, message: `「${form}」 mixes Simplified-only and Traditional-only characters` });
      if (own.has(key)) {
        problems.push({ field, message: `「${form}」 repeats another form of this entry` });
        return;
      }
      own.add(key);
      const other = owner.get(key);
      if (other !== undefined && other !== index)
        problems.push({
          field,
          message: `「${form}」 is already a form of entry [${other}] (${entries[other]?.forms.join('、') ?? ''}); a form names one thing`,
        });
      else owner.set(key, index);
    });
  });
  return problems;
}
