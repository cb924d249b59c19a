/**
 * Where OpenCC's character table puts first a form Taiwan's news rarely
 * means, the form used when one character's default decides (a phrase
 * OpenCC knows still wins: 抽签 → 抽籤, 标签 → 標籤). Keyed by OpenCC's
 * default, the Traditional form it gives.
 *
 * - 签 → 籤 (lot, tag) first in STCharacters; alone, 签 in news is nearly
 *   always the verb "sign" (簽): 签售会 → 簽售會, 一本一本地签 → 簽. Worth
 *   reporting upstream: OpenCC's STCharacters `签	籤 簽`.
 * - 钟 → 鍾 (the surname) first in STCharacters. The names rule gives a
 *   surname its form; a 钟 that is no name's is the clock or the bell (鐘):
 *   这只钟 → 這隻鐘. Phrases keep 鍾 where OpenCC knows it (鍾情, 鍾愛).
 */
export const characterDefaults: ReadonlyMap<string, string> = new Map([
  ['籤', '簽'],
  ['鍾', '鐘'],
]);

/**
 * Traditional characters OpenCC's tables leave unconverted whose mainland
 * standard form is another character: 徬 is not among the 8,105 characters
 * of the 通用规范汉字表, whose table of variants gives 彷 (徬徨 → 彷徨).
 */
export const simplifiedDefaults: ReadonlyMap<string, string> = new Map([['徬', '彷']]);
