/**
 * Conversion measured on text nobody tuned it on: `tests/fixtures/conversion/unseen/`,
 * 8 mainland articles with hand-checked Taiwan Traditional references and 8
 * Taiwan and Hong Kong articles with hand-checked mainland references,
 * written for measuring (see its README). No glossary entry, rule or name
 * list was made from it: the site glossary's pins come from the other
 * fixture (`news.zh-CN.md`). Forms where both are standard
 * (`both-accepted.txt`: 台/臺, 帳/賬…) are not errors.
 *
 * Counted per Han character of the references, title lines included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convertText, openccConverter, reviewConversion, traditionalForms, type Glossary } from '../../src/conversion/index.ts';
import type { Script, SourceVariant } from '../../src/site/scripts.ts';

const folder = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'conversion', 'unseen');

export interface UnseenText {
  name: string;
  variant: SourceVariant;
  source: string[];
  expected: string[];
}

/** The measuring texts of one direction: `simplified` (→ Taiwan Traditional) or `traditional` (→ mainland Simplified). */
export function unseenTexts(direction: 'simplified' | 'traditional'): UnseenText[] {
  const dir = join(folder, direction);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const variant = (direction === 'simplified' ? 'zh-CN' : /\.(zh-\w+)\.md$/.exec(file)?.[1]) as SourceVariant;
      const name = file.replace(/(\.zh-\w+)?\.md$/, '');
      const reference = direction === 'simplified' ? `${name}.zh-TW.txt` : `${name}.zh-CN.txt`;
      const lines = (path: string): string[] => readFileSync(path, 'utf8').trimEnd().split('\n');
      return { name, variant, source: lines(join(dir, file)), expected: lines(join(dir, reference)) };
    });
}

/** Pairs of forms a reference may have either of. */
function acceptedPairs(): [string, string][] {
  return readFileSync(join(folder, 'both-accepted.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/) as [string, string]);
}

/** Whether the difference at `index` lies inside a pair of accepted forms, one in each text. */
function acceptedAt(
  got: readonly string[],
  expected: readonly string[],
  index: number,
  pairs: readonly [string, string][],
): boolean {
  return pairs.some(([a, b]) =>
    [
      [a, b],
      [b, a],
    ].some(([inExpected = '', inGot = '']) => {
      const length = Array.from(inExpected).length;
      for (let start = Math.max(0, index - length + 1); start <= index; start++) {
        if (expected.slice(start, start + length).join('') === inExpected && got.slice(start, start + length).join('') === inGot)
          return true;
      }
      return false;
    }),
  );
}

export interface UnseenError {
  text: string;
  line: number;
  context: string;
  got: string;
  expected: string;
  /** Whether the review list asks about this character with the right form among its alternatives. */
  flagged: boolean;
}

export interface UnseenMeasure {
  han: number;
  errors: UnseenError[];
  /** Review items over the same text. */
  flags: number;
  /** Characters whose form differs from OpenCC's alone: right (the reference's form or an accepted one), and wrong. */
  changed: { right: number; wrong: number };
  /** Characters OpenCC's tables give several forms (the review list's old rule: every one of them listed). */
  contextDependent: number;
}

/** How a line is converted: as a page is (the default), or by OpenCC alone. */
export type LineConversion = (line: string, from: SourceVariant, to: Script) => string;

export const openccAlone: LineConversion = (line, from, to) => openccConverter(from, to)(line);

/** Converts every line as a page would, with `glossary`, and compares with the references. */
export function measureUnseen(
  direction: 'simplified' | 'traditional',
  glossary: Glossary = [],
  convert: LineConversion = (line, from, to) => convertText(line, { from, to, glossary }),
): UnseenMeasure {
  const pairs = acceptedPairs();
  const to: Script = direction === 'simplified' ? 'zh-hant' : 'zh-hans';
  const measure: UnseenMeasure = { han: 0, errors: [], flags: 0, changed: { right: 0, wrong: 0 }, contextDependent: 0 };
  for (const text of unseenTexts(direction)) {
    text.source.forEach((line, lineIndex) => {
      const got = Array.from(convert(line, text.variant, to));
      const alone = Array.from(openccAlone(line, text.variant, to));
      const expected = Array.from(text.expected[lineIndex] ?? '');
      if (got.length !== expected.length)
        throw new Error(`${text.name}:${lineIndex + 1}: the conversion and the reference differ in length`);
      const review = reviewConversion(line, { variant: text.variant, glossary });
      measure.flags += review.length;
      const flaggedAt = new Map(review.map((item) => [Array.from(line.slice(0, item.index)).length, item.alternatives]));
      expected.forEach((character, index) => {
        if (!/\p{Script=Han}/u.test(character)) return;
        measure.han += 1;
        const source = Array.from(line)[index] ?? '';
        if (direction === 'simplified' ? traditionalForms(source) !== undefined : false) measure.contextDependent += 1;
        const right = got[index] === character || acceptedAt(got, expected, index, pairs);
        if (got[index] !== alone[index]) measure.changed[right ? 'right' : 'wrong'] += 1;
        if (right) return;
        measure.errors.push({
          text: text.name,
          line: lineIndex + 1,
          context: expected.slice(Math.max(0, index - 4), index + 5).join(''),
          got: got[index] ?? '',
          expected: character,
          flagged: flaggedAt.get(index)?.includes(character) ?? false,
        });
      });
    });
  }
  return measure;
}

export const perThousand = (count: number, han: number): number => (count / han) * 1000;
