import { describe, expect, test } from 'vitest';
import { renderArticleMarkdown } from '../../src/markdown/processor.ts';
import type { SourceVariant } from '../../src/site/scripts.ts';
import type { Glossary } from '../../src/conversion/index.ts';

function lint(markdown: string, variant: SourceVariant = 'zh-TW', glossary: Glossary = []) {
  return renderArticleMarkdown(markdown, 'a.md', { variant, glossary, lint: true }).messages.map((message) => ({
    place: `${message.line}:${message.column}`,
    rule: message.ruleId,
    fatal: message.fatal,
    reason: message.reason,
  }));
}

describe('punctuation', () => {
  test('ASCII punctuation touching Chinese is an error at its line and column, across inline markup', () => {
    expect(lint('第一行\n\n他說,是(**真的**)').map(({ place, reason }) => `${place} ${reason.slice(0, 20)}`)).toEqual([
      '3:3 ASCII "," in Chinese',
      '3:5 ASCII "(" in Chinese',
      '3:12 ASCII ")" in Chinese',
    ]);
  });

  test('the colons and semicolons of an inline rule are its syntax, not punctuation; text around it is still read', () => {
    expect(
      lint('他說-{zh-hans:软件;zh-hant:軟體}-很好,是的').map(({ place, reason }) => `${place} ${reason.slice(0, 20)}`),
    ).toEqual(['1:30 ASCII "," in Chinese']);
  });

  test('Latin text, URLs and code keep ASCII', () => {
    expect(lint('Reuters: China, Russia (AFP) https://x.example/a?b=1\n\n`中,文`\n\n```\n中,文\n```')).toEqual([]);
  });
});

describe('the conversion review list', () => {
  const text = '中国发展迅速，他剪了头发。中俄关系稳定，-{后}-来。';

  test('each character whose Traditional form depends on context is listed with the form chosen here', () => {
    const review = lint(text, 'zh-CN').filter(({ rule }) => rule === 'conversion-review');
    expect(review.every(({ fatal }) => fatal === false)).toBe(true);
    expect(review.map(({ place, reason }) => `${place} ${reason.split(' in ')[0]}`)).toEqual([
      '1:3 发 → 發 (other forms: 髮)',
      '1:10 了 → 了 (other forms: 瞭)',
      '1:12 发 → 髮 (other forms: 發)',
      '1:17 系 → 系 (other forms: 係 繫)',
    ]);
  });

  test('characters a rule or the glossary fixed are left out', () => {
    const glossary: Glossary = [{ 'zh-hant': '中俄關係', 'zh-hans': '中俄关系' }];
    const review = lint(text, 'zh-CN', glossary).filter(({ rule }) => rule === 'conversion-review');
    expect(review.map(({ reason }) => reason.slice(0, 1))).toEqual(['发', '了', '发']);
  });

  test('a Traditional article gets no review list', () => {
    expect(lint('中國發展迅速。', 'zh-TW').filter(({ rule }) => rule === 'conversion-review')).toEqual([]);
  });
});
