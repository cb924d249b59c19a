/**
 * Characters whose form in the other script depends on the sense, where every
 * listed sense is common in news writing: the review list asks an editor
 * about these, and only where one character's default decided them (a
 * phrase, a name or a pin settles the rest). OpenCC's tables list more
 * alternatives (了 → 瞭, 家 → 傢, 困 → 睏…); those senses are rare enough in
 * news that asking about every 了 would bury the real questions.
 *
 * Simplified → Taiwan Traditional: the forms a Taiwan editor might mean.
 */
export const traditionalSenses: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    里: ['裡', '里'],
    只: ['隻', '只'],
    系: ['係', '系', '繫'],
    于: ['於', '于'],
    余: ['餘', '余'],
    范: ['範', '范'],
    钟: ['鐘', '鍾'],
    郁: ['鬱', '郁'],
    朴: ['樸', '朴'],
    涂: ['塗', '涂'],
    党: ['黨', '党'],
    发: ['發', '髮'],
    干: ['幹', '乾', '干'],
    台: ['臺', '台', '颱', '檯'],
    冲: ['衝', '沖'],
    制: ['制', '製'],
    松: ['松', '鬆'],
    斗: ['鬥', '斗'],
    舍: ['捨', '舍'],
    历: ['歷', '曆'],
    复: ['復', '複', '覆'],
    征: ['徵', '征'],
    划: ['劃', '划'],
    准: ['準', '准'],
    克: ['克', '剋'],
    回: ['回', '迴'],
    签: ['簽', '籤'],
    并: ['並', '併'],
    尽: ['盡', '儘'],
    借: ['借', '藉'],
    占: ['佔', '占'],
    凶: ['兇', '凶'],
    周: ['周', '週'],
    御: ['御', '禦'],
    托: ['託', '托'],
    汇: ['匯', '彙'],
    采: ['採', '采'],
    游: ['遊', '游'],
    注: ['注', '註'],
    布: ['布', '佈'],
    扎: ['扎', '紮'],
    获: ['獲', '穫'],
    蒙: ['蒙', '矇', '濛', '懞'],
    吁: ['籲', '吁'],
    纤: ['纖', '縴'],
  }),
);

/**
 * Traditional → Simplified: the few characters whose Simplified form depends
 * on the sense, both forms standard on the mainland (通用规范汉字表). 於 the
 * surname is the names rule's (text.ts), not a question for every 於.
 */
export const simplifiedSenses: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    藉: ['借', '藉'],
    徬: ['彷', '徬'],
    乾: ['干', '乾'],
    瞭: ['了', '瞭'],
    著: ['着', '著'],
    鍾: ['钟', '锺'],
    覆: ['复', '覆'],
    蘋: ['苹', '蘋'],
    摺: ['折', '摺'],
    昇: ['升', '昇'],
  }),
);
