/**
 * The character map that lets a query typed in one script search another
 * script's index without shipping OpenCC to the browser (about 450 kB):
 * built at build time from the site's own text, it holds only characters
 * that occur in an article and differ between the scripts.
 */
import { otherScripts, scripts, type Script } from '../lib/scripts.ts';

/** Character → the characters it may stand for in the index's script. */
export type ScriptMap = Record<string, string>;

/** For each script's index: characters of the other scripts → that script's characters. */
export type ScriptMaps = Record<Script, ScriptMap>;

/**
 * Builds every script's map from aligned texts (the same text in each
 * script, character for character; a text whose forms differ in length is
 * skipped). A character that also occurs unchanged keeps itself as an
 * option, so 于 stays searchable as 于.
 */
export function buildScriptMaps(texts: Iterable<Readonly<Record<Script, string>>>): ScriptMaps {
  const maps = new Map(scripts.map((script) => [script, new Map<string, Set<string>>()]));
  const unchanged = new Set<string>();
  for (const text of texts) {
    const forms = new Map(scripts.map((script) => [script, Array.from(text[script])]));
    const length = forms.get(scripts[0] ?? 'zh-hant')?.length ?? 0;
    if ([...forms.values()].some((characters) => characters.length !== length)) continue;
    for (let index = 0; index < length; index++) {
      for (const script of scripts) {
        const target = forms.get(script)?.[index] ?? '';
        if (!/\p{Script=Han}/u.test(target)) continue;
        for (const other of otherScripts(script)) {
          const source = forms.get(other)?.[index] ?? '';
          if (source === target) {
            unchanged.add(source);
            continue;
          }
          const map = maps.get(script) ?? new Map<string, Set<string>>();
          const options = map.get(source) ?? new Set<string>();
          options.add(target);
          map.set(source, options);
        }
      }
    }
  }
  const finish = (map: Map<string, Set<string>>): ScriptMap =>
    Object.fromEntries(
      [...map]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([from, options]) => [from, [...options, ...(unchanged.has(from) ? [from] : [])].join('')]),
    );
  return Object.fromEntries(scripts.map((script) => [script, finish(maps.get(script) ?? new Map())])) as ScriptMaps;
}
