/**
 * The parts of OpenCC's dictionaries search uses, read at build time: the
 * Taiwan and Hong Kong variant tables (峯 and 峰, 説 and 說 are one
 * character) and the Taiwan and Hong Kong phrase tables with their reverses
 * (a mainland reader's 信息技術 is Taiwan's 資訊科技, and back).
 */
import { belongsToOtherFamily, convertText, readTable } from '../conversion/index.ts';
import type { Script } from '../site/scripts.ts';

/**
 * Every pair of variant forms OpenCC's TW and HK variant tables list, and
 * the characters its variant phrase tables exchange inside a word (恆生 is
 * 恒生 in Hong Kong, so 恆 and 恒 are one character to search on every page,
 * as are 着 and 著, 吃 and 喫).
 */
export function variantPairs(): [string, string][] {
  const characters = ['TWVariants', 'TWVariantsRev', 'HKVariants', 'HKVariantsRev'].flatMap((name) =>
    [...readTable(name)].flatMap(([from, targets]) =>
      targets.filter((target) => target !== from).map((target): [string, string] => [from, target]),
    ),
  );
  const inPhrases = ['TWVariantsPhrases', 'TWVariantsRevPhrases', 'HKVariantsPhrases', 'HKVariantsRevPhrases'].flatMap((name) =>
    [...readTable(name)].flatMap(([from, targets]) =>
      targets.flatMap((target) => {
        const [a, b] = [Array.from(from), Array.from(target)];
        if (a.length !== b.length) return [];
        return a.flatMap((character, index): [string, string][] =>
          character !== b[index] ? [[character, b[index] ?? character]] : [],
        );
      }),
    ),
  );
  return [...characters, ...inPhrases];
}

/** Regional phrases, one way each, from OpenCC's TW and HK phrase tables and their reverses. */
export function regionalPhrases(): { from: string; to: string[] }[] {
  return ['TWPhrases', 'TWPhrasesRev', 'HKPhrases', 'HKPhrasesRev'].flatMap((name) =>
    [...readTable(name)].map(([from, targets]) => ({ from, to: [...targets] })),
  );
}

/** A word in either script (OpenCC's tables, an editor's names) converted into `to`. */
export function convertForm(text: string, to: Script): string {
  const simplified = Array.from(text).some((character) => belongsToOtherFamily(character, 'traditional'));
  return convertText(text, { from: simplified ? 'zh-Hans' : 'zh-Hant', to });
}
