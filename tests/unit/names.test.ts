import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { checkNames } from '../../src/content/names-check.ts';
import { nameEntrySchema, type NameEntry } from '../../src/schemas/names.ts';

const entry = (...forms: string[]): NameEntry => ({ kind: 'person', forms });

describe('the names schema', () => {
  test('an entry names its kind and at least two one-word forms', () => {
    expect(nameEntrySchema.safeParse({ kind: 'person', forms: ['普京', '普丁'] }).success).toBe(true);
    expect(nameEntrySchema.safeParse({ kind: 'person', forms: ['克利福德·庫南', 'Kunan'] }).success).toBe(true);
    expect(nameEntrySchema.safeParse({ kind: 'person', forms: ['普京'] }).success).toBe(false);
    expect(nameEntrySchema.safeParse({ kind: 'ship', forms: ['普京', '普丁'] }).success).toBe(false);
  });

  test('forms with spaces or punctuation, or too short to search safely, are refused with a reason', () => {
    const issues = (forms: string[]) =>
      nameEntrySchema
        .safeParse({ kind: 'person', forms })
        .error?.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
    const oneWord =
      'must be one word (letters, digits, Han characters and a name’s middle dot) or Latin words with one space between them, no punctuation';
    // Latin words with one space between them are a name of several words; Han words with a space, or punctuation, are not.
    expect(issues(['普京', 'Vladimir Putin'])).toBeUndefined();
    expect(issues(['紐約時報', 'New York Times'])).toBeUndefined();
    expect(issues(['普京', '弗拉基米尔 普京'])).toEqual([`forms.1: ${oneWord}`]);
    expect(issues(['普京', 'Vladimir  Putin'])).toEqual([`forms.1: ${oneWord}`]);
    expect(issues(['普京', 'Putin, Vladimir'])).toEqual([`forms.1: ${oneWord}`]);
    expect(issues(['習', 'Xi'])).toEqual([
      'forms.0: is too short to search for safely: at least two Han characters or three letters',
      'forms.1: is too short to search for safely: at least two Han characters or three letters',
    ]);
  });
});

describe('checkNames', () => {
  test('a form may belong to one entry only, compared as search compares (case, middle dots)', () => {
    expect(checkNames([entry('普京', '普丁'), entry('Putin', '普丁')])).toEqual([
      { field: '[1].forms[1]', message: '「普丁」 is already a form of entry [0] (普京、普丁); a form names one thing' },
    ]);
    expect(checkNames([entry('克利福德·庫南', 'Kunan'), entry('克利福德庫南', 'KUNAN2')])).toHaveLength(1);
  });

  test('a form may not repeat its own entry or mix the scripts', () => {
    expect(checkNames([entry('Putin', 'PUTIN')])).toEqual([
      { field: '[0].forms[1]', message: '「PUTIN」 repeats another form of this entry' },
    ]);
    expect(checkNames([entry('戰略与國際', 'CSIS')])).toEqual([
      { field: '[0].forms[0]', message: '「戰略与國際」 mixes Simplified-only and Traditional-only characters' },
    ]);
  });

  test('the site’s names table passes', () => {
    const entries = nameEntrySchema
      .array()
      .parse(yaml.load(readFileSync(new URL('../../content/names.yaml', import.meta.url), 'utf8')));
    expect(entries.length).toBeGreaterThan(10);
    expect(checkNames(entries)).toEqual([]);
  });
});
