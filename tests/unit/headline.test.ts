import { describe, expect, test } from 'vitest';
import { headlineClauses } from '../../src/view/headline.ts';

const words = (title: string, lang = 'zh-Hant'): string[][] => headlineClauses(title, lang).map((clause) => clause.words);

describe('headlineClauses', () => {
  test('it splits a headline at the spaces between its clauses, and keeps the spaces', () => {
    const clauses = headlineClauses('川普峰會後數日會見米舒斯京 習近平同時向莫斯科與華盛頓傳遞訊息', 'zh-Hant');
    expect(clauses.map(({ space }) => space)).toEqual(['', ' ']);
    expect(clauses.map(({ space, words: parts }) => space + parts.join('')).join('')).toBe(
      '川普峰會後數日會見米舒斯京 習近平同時向莫斯科與華盛頓傳遞訊息',
    );
  });

  test('a name the dictionary cuts into single characters is one word', () => {
    expect(words('川普峰會後數日會見米舒斯京')).toEqual([['川普', '峰會', '後數日', '會見', '米舒斯京']]);
  });

  test('a lone character binds to the word after it, so 習近平 stays whole and 向 goes with 莫斯科', () => {
    expect(words('習近平同時向莫斯科與華盛頓傳遞訊息')).toEqual([['習近平', '同時', '向莫斯科', '與華盛頓', '傳遞', '訊息']]);
    expect(words('习近平同时向莫斯科与华盛顿传递讯息', 'zh-Hans')).toEqual([
      ['习近平', '同时', '向莫斯科', '与华盛顿', '传递', '讯息'],
    ]);
  });

  test('a lone suffix, particle or last character binds to the word before it', () => {
    expect(words('絕非冷戰式結盟')).toEqual([['絕非', '冷戰式', '結盟']]);
    expect(words('中俄關係不封頂')).toEqual([['中俄', '關係', '不封頂']]);
  });

  test('punctuation stays with its word, and a break may follow a colon', () => {
    expect(words('【FOCUS】中俄關係不封頂 絕非冷戰式結盟')).toEqual([
      ['【FOCUS】', '中俄', '關係', '不封頂'],
      ['絕非', '冷戰式', '結盟'],
    ]);
    expect(words('中俄关系迎来新考验：从北京到阿斯塔纳的外交棋局', 'zh-Hans')[0]).toContain('考验：');
  });

  test('a space beside or inside Latin text is not a clause break', () => {
    const clauses = headlineClauses('會見 Donald Trump 之後', 'zh-Hant');
    expect(clauses).toHaveLength(1);
    expect(clauses[0]?.words.join('')).toBe('會見 Donald Trump 之後');
  });
});
