/**
 * The character map that lets a query typed in one script search the other
 * script's index without shipping OpenCC to the browser (about 450 kB): built
 * at build time from the site's own text, it holds only characters that occur
 * in an article and differ between the scripts.
 */

/** Character → the characters it may stand for in the index's script. */
export type ScriptMap = Record<string, string>;

export interface ScriptMaps {
  /** For searching Traditional pages: Simplified character → Traditional ones. */
  'zh-hant': ScriptMap;
  /** For searching Simplified pages: Traditional character → Simplified ones. */
  'zh-hans': ScriptMap;
}

/**
 * Builds both maps from aligned text pairs (the same text in Traditional and
 * Simplified, character for character). A character that also occurs
 * unchanged keeps itself as an option, so 于 stays searchable as 于.
 */
export function buildScriptMaps(pairs: Iterable<readonly [traditional: string, simplified: string]>): ScriptMaps {
  const toHant = new Map<string, Set<string>>();
  const toHans = new Map<string, Set<string>>();
  const unchanged = new Set<string>();
  const add = (map: Map<string, Set<string>>, from: string, to: string): void => {
    let options = map.get(from);
    if (options === undefined) map.set(from, (options = new Set()));
    options.add(to);
  };
  for (const [traditional, simplified] of pairs) {
    const hant = Array.from(traditional);
    const hans = Array.from(simplified);
    if (hant.length !== hans.length) continue;
    hant.forEach((t, index) => {
      const s = hans[index] ?? t;
      if (!/\p{Script=Han}/u.test(t)) return;
      if (t === s) unchanged.add(t);
      else {
        add(toHant, s, t);
        add(toHans, t, s);
      }
    });
  }
  const finish = (map: Map<string, Set<string>>): ScriptMap =>
    Object.fromEntries(
      [...map]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([from, options]) => [from, [...options, ...(unchanged.has(from) ? [from] : [])].join('')]),
    );
  return { 'zh-hant': finish(toHant), 'zh-hans': finish(toHans) };
}
