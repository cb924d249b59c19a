/**
 * How often a conversion gets a character wrong, against a hand-checked
 * text: the Simplified news text of `tests/fixtures/conversion/` and its
 * Taiwan-standard Traditional version. Han characters are compared position
 * by position (the texts have the same length); punctuation is not counted,
 * since quotation marks follow the page's script on purpose.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as yaml from 'js-yaml';
import type { Glossary } from '../../src/conversion/index.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'conversion');

export interface Accuracy {
  han: number;
  errors: number;
  perThousand: number;
  differences: { context: string; got: string; expected: string }[];
}

/** The fixture: the Simplified source, its hand-checked Traditional version, and the personal names it pins. */
export function conversionFixture(): { source: string; expected: string; names: Glossary } {
  const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
  return {
    source: read('news.zh-CN.md'),
    expected: read('news.zh-TW.md'),
    names: glossarySchema.parse(yaml.load(read('names.glossary.yaml'))),
  };
}

/** The site glossary of `content/`. */
export function siteGlossary(contentDir = join(root, 'content')): Glossary {
  return glossarySchema.parse(yaml.load(readFileSync(join(contentDir, 'glossary.yaml'), 'utf8')));
}

/**
 * Han characters of `expected` that `got` does not have in the same place,
 * for conversions that change the length (s2twp turns 数据 into 資料 but 云计算
 * into 雲端計算): the longest common subsequence of the two texts is the part
 * they share, and every expected Han character outside it is an error.
 */
export function countDifferingHan(got: string, expected: string): { han: number; errors: number } {
  const a = Array.from(got);
  const b = Array.from(expected);
  let previous = new Uint16Array(b.length + 1);
  for (const character of a) {
    const row = new Uint16Array(b.length + 1);
    for (let j = 1; j <= b.length; j++)
      row[j] = character === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    previous = row;
  }
  const han = b.filter((character) => /\p{Script=Han}/u.test(character)).length;
  const shared = previous[b.length] ?? 0;
  const sharedNonHan = b.filter((character) => !/\p{Script=Han}/u.test(character)).length;
  return { han, errors: Math.max(0, han - Math.max(0, shared - sharedNonHan)) };
}

export function measureAccuracy(got: string, expected: string): Accuracy {
  const a = Array.from(got);
  const b = Array.from(expected);
  if (a.length !== b.length) throw new Error(`the conversion has ${a.length} characters, the expected text ${b.length}`);
  let han = 0;
  const differences: Accuracy['differences'] = [];
  b.forEach((character, index) => {
    if (!/\p{Script=Han}/u.test(character)) return;
    han += 1;
    if (a[index] !== character)
      differences.push({
        context: b.slice(Math.max(0, index - 4), index + 5).join(''),
        got: a[index] ?? '',
        expected: character,
      });
  });
  return { han, errors: differences.length, perThousand: (differences.length / han) * 1000, differences };
}
