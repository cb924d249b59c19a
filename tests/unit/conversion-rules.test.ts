import { describe, expect, test } from 'vitest';
import { parseRules, ruleOutput, type RuleSegment } from '../../src/conversion/index.ts';

const rule = (text: string): RuleSegment => {
  const segment = parseRules(text).segments.find((candidate) => candidate.type === 'rule');
  if (segment?.type !== 'rule') throw new Error(`no rule in ${text}`);
  return segment;
};
const problems = (text: string): string[] => parseRules(text).problems.map(({ message }) => message);

describe('parseRules', () => {
  test('it splits text and rules, with their offsets', () => {
    expect(parseRules('甲-{乙}-丙').segments).toEqual([
      { type: 'text', value: '甲', start: 0 },
      { type: 'rule', raw: '-{乙}-', start: 1, verbatim: '乙' },
      { type: 'text', value: '丙', start: 6 },
    ]);
  });

  test('-{text}- and -{R|text}- are kept as written on every page', () => {
    expect(ruleOutput(rule('-{於梨華}-'), 'zh-hans')).toBe('於梨華');
    expect(ruleOutput(rule('-{R|发}-'), 'zh-hant')).toBe('发');
    expect(ruleOutput(rule('-{Lia: 台北}-'), 'zh-hans')).toBe('Lia: 台北');
  });

  test('variant rules give each script its text, with regional names as fallbacks', () => {
    const both = rule('-{zh-hans:普京;zh-hant:普丁;}-');
    expect(ruleOutput(both, 'zh-hans')).toBe('普京');
    expect(ruleOutput(both, 'zh-hant')).toBe('普丁');
    const regional = rule('-{ zh-CN : 普京 ; zh-HK : 普京 ; zh-TW : 普丁 }-');
    expect(ruleOutput(regional, 'zh-hans')).toBe('普京');
    expect(ruleOutput(regional, 'zh-hant')).toBe('普丁');
  });

  test('broken rules are problems at their offset, and their text stays plain', () => {
    const unclosed = parseRules('甲-{乙');
    expect(unclosed.problems).toEqual([{ start: 1, end: 3, message: 'the rule opened by "-{" is not closed by "}-"' }]);
    expect(unclosed.segments).toEqual([{ type: 'text', value: '甲-{乙', start: 0 }]);
    expect(problems('-{甲-{乙}-丙}-')).toEqual(['a rule cannot contain another rule']);
    expect(problems('-{}-')).toEqual(['the rule is empty']);
  });

  test('an unknown variant, a missing script, a repeated or empty variant are problems', () => {
    expect(problems('-{zh-xx:甲;zh-hant:乙}-')[0]).toMatch(/^unknown variant "zh-xx"/);
    expect(problems('-{zh-hans:甲}-')[0]).toMatch(/^no text for 繁體 pages/);
    expect(problems('-{zh-hant:乙}-')[0]).toMatch(/^no text for 简体 pages/);
    expect(problems('-{zh-hans:甲;zh-hans:乙;zh-hant:丙}-')).toEqual(['the variant "zh-hans" is given twice']);
    expect(problems('-{zh-hans:;zh-hant:乙}-')).toContain('the variant "zh-hans" has no text');
    expect(problems('-{zh-hans:甲;乙}-')[0]).toBe('"乙" is not "variant:text"');
    expect(problems('-{H|zh-hans:甲;zh-hant:乙}-')[0]).toMatch(/^the flag "H\|" is not supported/);
  });
});
