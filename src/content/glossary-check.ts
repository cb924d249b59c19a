/**
 * Checks a glossary's entries against OpenCC's tables: each form must be in
 * its script (no Traditional-only character in the Simplified form, no
 * Simplified-only one in the Traditional form), so a pin cannot smuggle the
 * other script onto a page. 於梨华 passes: 於 is a standard Simplified
 * character (a surname) in the 通用规范汉字表.
 *
 * And a pin chooses between forms of one word, never another word: its
 * forms in the two scripts have the same length, and character for
 * character are the same character, its form in the other script or a
 * variant of it (OpenCC's character and variant tables: `sameCharacter`).
 * A line that turns 習近平 into 某领导人 on every other-script page is
 * refused; conversion is not a place to rewrite what authors wrote.
 */
import type { Glossary } from '../conversion/index.ts';
import { glossaryForm, hasRuleMarker, sameCharacter } from '../conversion/index.ts';
import { scriptInfo, scripts } from '../site/scripts.ts';
import { strayCharacters } from '../markdown/remark-script-check.ts';

/** One problem per bad form; `field` is the path inside the glossary, e.g. `[2].zh-hans`. */
export function checkGlossaryForms(glossary: Glossary): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  glossary.forEach((entry, index) => {
    for (const script of scripts) {
      const form = glossaryForm(entry, script);
      const field = `[${index}].${script}`;
      if (hasRuleMarker(form)) problems.push({ field, message: `「${form}」 holds an inline rule; write the plain term` });
      const strays = strayCharacters(form, scriptInfo(script).family);
      if (strays.length > 0)
        problems.push({
          field,
          message: `「${form}」 is not ${scriptInfo(script).label} script: 「${strays.map(({ character }) => character).join('')}」 belongs to the other script`,
        });
    }
    const [first, ...others] = scripts;
    if (first === undefined) return;
    for (const other of others) {
      const difference = differentWord(glossaryForm(entry, first), glossaryForm(entry, other));
      if (difference !== undefined) problems.push({ field: `[${index}].${other}`, message: difference });
    }
  });
  return problems;
}

/** Why two forms of a pin are not one word in two scripts, or `undefined` if they are. */
function differentWord(a: string, b: string): string | undefined {
  const [left, right] = [Array.from(a), Array.from(b)];
  if (left.length !== right.length)
    return `「${a}」 and 「${b}」 are not one word in two scripts (their lengths differ): a pin only chooses a character's form, never another word`;
  const at = left.findIndex((character, index) => !sameCharacter(character, right[index] ?? ''));
  if (at === -1) return undefined;
  return `「${a}」 and 「${b}」 are not one word in two scripts: 「${left[at] ?? ''}」 and 「${right[at] ?? ''}」 are different characters; a pin only chooses a character's form, never another word`;
}
