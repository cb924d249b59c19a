/**
 * Checks a glossary's entries against OpenCC's tables: each form must be in
 * its script (no Traditional-only character in the Simplified form, no
 * Simplified-only one in the Traditional form), so a pin cannot smuggle the
 * other script onto a page. 於梨华 passes: 於 is a standard Simplified
 * character (a surname) in the 通用规范汉字表.
 */
import type { Glossary } from '../conversion/index.ts';
import { glossaryForm, hasRuleMarker } from '../conversion/index.ts';
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
  });
  return problems;
}
