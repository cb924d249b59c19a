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
    actual: message.actual,
    expected: message.expected,
    note: message.note,
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
  // Hand-checked: 发 in 发展 and 头发 is settled by OpenCC's phrases, 于欢 is a name, 后 is pinned by a rule;
  // 只 after 同一 and 系 meaning "is" are one character's default, and a Taiwan editor would write 隻 and 係.
  const text = '中国发展迅速，他剪了头发。\n\n法院判处于欢有期徒刑，同一只猫在-{后}-来，款项系误录。';

  test('only characters one default decided, whose other sense is common, each with the rule to write', () => {
    const review = lint(text, 'zh-CN').filter(({ rule }) => rule === 'conversion-review');
    expect(review.every(({ fatal }) => fatal === false)).toBe(true);
    expect(review.map(({ place, actual, expected, note }) => [place, actual, expected, note])).toEqual([
      ['3:14', '只', ['隻'], '-{zh-hans:只;zh-hant:隻}-'],
      ['3:26', '系', ['係', '繫'], '-{zh-hans:系;zh-hant:係}-'],
    ]);
    expect(review[0]?.reason).toBe(
      '只 is shown as 只 in 「只」 on the other script’s page; if 隻 is meant, write -{zh-hans:只;zh-hant:隻}-',
    );
  });

  test('characters a rule or the glossary fixed are left out', () => {
    const glossary: Glossary = [{ 'zh-hant': '款項係', 'zh-hans': '款项系' }];
    const review = lint(text, 'zh-CN', glossary).filter(({ rule }) => rule === 'conversion-review');
    expect(review.map(({ actual }) => actual)).toEqual(['只']);
  });

  test('a Traditional article is asked about the few characters whose Simplified form depends on the sense', () => {
    // 乾 alone: 干 (dry, 乾杯) or 乾 (乾坤, a name); 乾隆 is OpenCC's phrase and settled.
    const review = lint('乾隆年間，眾人舉杯乾了。', 'zh-TW').filter(({ rule }) => rule === 'conversion-review');
    expect(review.map(({ place, actual, expected }) => [place, actual, expected])).toEqual([['1:10', '干', ['乾']]]);
  });
});
