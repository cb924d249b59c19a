/**
 * Names in Simplified text whose surname OpenCC reads as a word: 于欢 is not
 * 於歡, 余承东 not 餘承東, 范志明 not 範志明, 钟南山 not 鐘南山. OpenCC's
 * phrase tables hold a few famous names; every other name gets the
 * character's default, which for these surnames is the word's form.
 *
 * The rule reads jieba's words (no HMM, see words.ts): a surname standing as
 * a word of its own, followed by one or two characters jieba could not join
 * into a word (a given name is rarely a dictionary word), is a name. So is a
 * surname before 某 (范某), after 姓 (姓于), before a form of address
 * (涂先生), or between a title or punctuation and a two-character word
 * followed by a title, a speech verb or punctuation (大使于海峰指出).
 * Where the text reads otherwise (于是, 位于北京, 十余人, 范围) the words
 * say so and nothing is pinned. Names the rule misses are written as a rule
 * (`-{于海}-`) or come from the byline, names.yaml or the glossary.
 */
import { dictionaryTag } from './words.ts';

/**
 * The surnames whose character OpenCC converts as a word by default, with
 * the form the surname takes in Traditional script (钟 the surname is 鍾 in
 * Taiwan and Hong Kong; 于, 余, 范, 郁, 朴, 涂 and 游 stay as they are).
 */
export const surnameForms: ReadonlyMap<string, string> = new Map([
  ['于', '于'],
  ['余', '余'],
  ['范', '范'],
  ['钟', '鍾'],
  ['郁', '郁'],
  ['朴', '朴'],
  ['涂', '涂'],
  ['游', '游'],
]);

/**
 * Characters that end a would-be given name: grammar words, measure words and
 * time words follow a preposition (于此, 于上, 余人), never a surname.
 */
const notGivenName = new Set(
  Array.from(
    '的了在是和与及或等年月日时个人中上下前后内外间之其此该这那我你他她它们也都就还又而并对将被把从向为以于由至到但不没很最更已曾会可能要应所份名位次件项万亿元家种条省市县区里米吨点号处天周届期批轮场起例度倍成岁多余',
  ),
);

/** Titles and roles written before a name (记者于海峰, 副教授郁文华), and after it (于海峰教授). */
const personTitles = new Set(
  '老板 记者 教授 副教授 院士 主席 副主席 总统 副总统 部长 副部长 大使 博士 律师 法官 检察官 医生 委员 主任 局长 市长 省长 书记 总理 总裁 董事长 董事 经理 工程师 研究员 分析师 学者 专家 作家 导演 演员 歌手 选手 球员 教练 市民 村民 网友 负责人 发言人 创始人 代表 议员 官员 警官 老师 学生 校长 院长 所长 社长 主编 编辑 画家 诗人 被告 被告人 原告 嫌疑人 当事人 患者'.split(
    ' ',
  ),
);

/**
 * Whether a word is a title or role written next to a name: one of the list,
 * or a word ending as titles do (主教练, 研究员, 工程师, 科学家, 外交官, 捕手,
 * 学者, 院士, 主席, 经理, 大使, 主编, 主任, 总统, 总裁, 书记).
 */
function isPersonTitle(word: string | undefined): boolean {
  if (word === undefined) return false;
  return personTitles.has(word) || (word.length >= 2 && /[长员师家官手者授士席理练使编任统裁记]$/u.test(word));
}

/** What may follow a name besides a title: a speech verb, a conjunction, a few adverbs. Punctuation counts too. */
const afterName = new Set(
  '表示 说 称 指出 认为 强调 介绍 透露 告诉 回忆 坦言 说道 表态 提出 坦承 承认 否认 解释 补充 直言 等 等人 和 与 及 曾 曾经 则 也 还 在 就 已 已经 不服 被'.split(
    ' ',
  ),
);

/** Forms of address that follow a bare surname (涂先生, 于女士). */
const honorifics = new Set(
  '先生 女士 小姐 太太 夫人 老师 师傅 老 总 老总 老板 大夫 医生 教授 院士 主席 总统 部长 大使 博士 律师 法官 委员 主任 局长 市长 省长 书记 总理 总裁 董事长 经理 工程师 研究员 教练 队长 校长 院长 所长 社长 主编 警官 检察官'.split(
    ' ',
  ),
);

/** Words that introduce a name (名叫范志刚, 化名于某). */
const namingWords = new Set('叫 名叫 叫做 名为 化名 姓名 笔名 本名 原名'.split(' '));

/** jieba's tags for names of people (`nr`, `nrfg`) and transliterated names (`nrt`). */
const personTag = /^nr/;

/** Words after which a number is counted, so that 余 is "more than" (十余人, 二十余份). */
const numeral = /[\p{Nd}〇一二三四五六七八九十百千万亿两几数多]$/u;

const han = /^\p{Script=Han}+$/u;
const isHan = (word: string | undefined): word is string => word !== undefined && han.test(word);
const isPunctuationOrEnd = (word: string | undefined): boolean => word === undefined || /^[^\p{L}\p{N}]/u.test(word);
const singleGivenCharacter = (word: string | undefined): boolean => isHan(word) && word.length === 1 && !notGivenName.has(word);

/**
 * A name found in text: the surname's index and the name's length. The text
 * is in the Basic Multilingual Plane (word-bounded.ts stands in for other
 * characters), so UTF-16 units and characters are the same.
 */
export interface NameSpan {
  start: number;
  length: number;
}

/**
 * The names in `words` (jieba's words of one run of text, in order) whose
 * surname must keep its surname form. `isPhrase` tells a word OpenCC has a
 * phrase for (朴素, 范围): that is a word, not a name.
 */
export function surnameNames(words: readonly string[], isPhrase: (word: string) => boolean): NameSpan[] {
  const names: NameSpan[] = [];
  let position = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    const start = position;
    position += word.length;
    const first = word[0] ?? '';
    if (!surnameForms.has(first)) continue;
    // 范某, 于某某: the surname and the placeholder, as one word or two.
    if (/^.某+$/u.test(word) || (word.length === 1 && /^某+$/u.test(words[index + 1] ?? ''))) {
      names.push({ start, length: 1 });
      continue;
    }
    // 范志刚 as 范志|刚, or a name jieba's dictionary knows: never a word OpenCC has a phrase for (朴素).
    const before = words[index - 1];
    const titled = isPunctuationOrEnd(before) || isPersonTitle(before) || namingWords.has(before ?? '');
    // 钟南山, 于和伟: a three-character word that is no OpenCC phrase and does not start with one (游泳池, 余额宝).
    if (
      word.length > 1 &&
      word.length <= 3 &&
      !isPhrase(word) &&
      ((word.length === 3 && !isPhrase(word.slice(0, 2))) ||
        personTag.test(dictionaryTag(word)) ||
        (titled && singleGivenCharacter(words[index + 1])))
    ) {
      const givenName = word.length === 2 && singleGivenCharacter(words[index + 1]);
      names.push({ start, length: word.length + (givenName ? 1 : 0) });
      if (givenName) {
        index += 1;
        position += 1;
      }
      continue;
    }
    if (word.length !== 1) continue;
    if (before === '姓') {
      names.push({ start, length: 1 });
      continue;
    }
    if (first === '余' && before !== undefined && numeral.test(before)) continue;
    const next = words[index + 1];
    const afterNext = words[index + 2];
    if (honorifics.has(next ?? '')) {
      names.push({ start, length: 1 });
      continue;
    }
    // 于欢, 于洪君: one or two characters jieba left alone.
    if (singleGivenCharacter(next)) {
      const twoCharacters = singleGivenCharacter(afterNext);
      names.push({ start, length: twoCharacters ? 3 : 2 });
      index += twoCharacters ? 2 : 1;
      position += twoCharacters ? 2 : 1;
      continue;
    }
    // 于志强: a given name jieba's dictionary knows as one.
    if (isHan(next) && next.length <= 2 && personTag.test(dictionaryTag(next))) {
      names.push({ start, length: 1 + next.length });
      index += 1;
      position += next.length;
      continue;
    }
    // 大使于海峰指出: a two-character word, then what follows a name.
    if (
      isHan(next) &&
      next.length === 2 &&
      !notGivenName.has(next[0] ?? '') &&
      !notGivenName.has(next[1] ?? '') &&
      (isPunctuationOrEnd(afterNext) || afterName.has(afterNext ?? '') || isPersonTitle(afterNext)) &&
      titled
    ) {
      names.push({ start, length: 3 });
      index += 1;
      position += 2;
    }
  }
  return names;
}
