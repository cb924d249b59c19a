/**
 * Simplified → Traditional word by word: names keep their surnames, and no
 * OpenCC phrase binds characters of two words. The expected lines were
 * written and checked by hand (Taiwan standard), not produced by the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { convertText } from '../../src/conversion/index.ts';
import { convertSimplifiedByWords } from '../../src/conversion/word-bounded.ts';

const toTaiwan = (text: string): string => convertText(text, { from: 'zh-CN', to: 'zh-hant' });

describe('names whose surname OpenCC reads as a word', () => {
  test.each([
    // A surname before characters jieba cannot join into a word.
    ['法院判处于欢有期徒刑五年。', '法院判處于歡有期徒刑五年。'],
    ['前驻外大使于洪君表示，双方几经谈判。', '前駐外大使于洪君表示，雙方幾經談判。'],
    ['记者余文华、范明出席。', '記者余文華、范明出席。'],
    // A name jieba's dictionary splits (范志|刚), or knows.
    ['外交学院教授范志刚在会上发言。', '外交學院教授范志剛在會上發言。'],
    ['华为的余承东说，作家余华和范某都在场。', '華為的余承東說，作家余華和范某都在場。'],
    ['欧盟委员会主席范德莱恩访华。', '歐盟委員會主席范德萊恩訪華。'],
    ['副教授郁文华认为朴槿惠的案子不简单。', '副教授郁文華認為朴槿惠的案子不簡單。'],
    // A form of address, 姓X.
    ['市民涂先生和姓于的邻居。', '市民涂先生和姓于的鄰居。'],
  ])('%s', (source, expected) => {
    expect(toTaiwan(source)).toBe(expected);
  });

  test.each([
    // The same characters as words: nothing is pinned.
    ['于是，会议于今年在位于北京的饭店举行，十余人到场。', '於是，會議於今年在位於北京的飯店舉行，十餘人到場。'],
    ['范围内的钟表、余额、郁闷和朴素的涂料。', '範圍內的鐘錶、餘額、鬱悶和樸素的塗料。'],
    ['他于会上表示同意。', '他於會上表示同意。'],
    ['二十余份合作文件。', '二十餘份合作文件。'],
  ])('%s', (source, expected) => {
    expect(toTaiwan(source)).toBe(expected);
  });
});

describe('phrases stay inside words', () => {
  test.each([
    // OpenCC alone: 的鐘 binds 的 and 钟 of 钟情 and 钟南山.
    ['我们的钟南山院士谈艺术的钟情。', '我們的鍾南山院士談藝術的鍾情。'],
    // OpenCC alone: 方几 (a tea table) across 双方|几经.
    ['双方几经谈判。', '雙方幾經談判。'],
    // OpenCC alone: 体制 across 半导体|制造, and 上冲 across 账目上|冲销.
    ['半导体制造业在账目上冲销了损失。', '半導體製造業在賬目上沖銷了損失。'],
  ])('%s', (source, expected) => {
    expect(toTaiwan(source)).toBe(expected);
  });
});

describe('without words and names, exactly OpenCC’s s2tw', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures');
  const texts = [
    readFileSync(join(fixtures, 'conversion', 'news.zh-CN.md'), 'utf8'),
    '𠀾字在扩展区，𪚥也是。一只猫，头发，发展，干杯，乾隆。',
  ];
  const reference = OpenCC.Converter({ from: 'cn', to: 'tw' });

  test('every fixture text converts as opencc-js does', () => {
    for (const text of texts) expect(convertSimplifiedByWords(text, { words: false }).output.join('')).toBe(reference(text));
  });

  test('one output per source character, astral characters included', () => {
    const text = '𠀾字，于欢说。';
    const { output, decisions } = convertSimplifiedByWords(text);
    expect(output).toHaveLength(Array.from(text).length);
    expect(decisions).toHaveLength(Array.from(text).length);
    expect(output[0]).toBe(reference('𠀾'));
  });
});
