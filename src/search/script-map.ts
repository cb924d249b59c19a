/**
 * The character map that lets a query typed in one script search another
 * script's index without shipping OpenCC to the browser (about 450 kB):
 * built at build time from the site's own text, it holds only characters
 * that occur in an article and differ between the scripts.
 */
import { scripts, type Script } from '../site/scripts.ts';

const hanPattern = /\p{Script=Han}/u;
const hanCharacters = new Map<string, boolean>();

/** Whether a character is Han, remembered: the site uses a few thousand characters millions of times. */
function isHan(character: string): boolean {
  let han = hanCharacters.get(character);
  if (han === undefined) {
    han = hanPattern.test(character);
    hanCharacters.set(character, han);
  }
  return han;
}

/** Character → the characters it may stand for in the index's script. */
export type ScriptMap = Record<string, string>;

/** For each script's index: characters of the other scripts → that script's characters. */
export type ScriptMaps = Record<Script, ScriptMap>;

/**
 * Builds every script's map from aligned texts (the same text in each
 * script, character for character; a text whose forms differ in length is
 * skipped), one text at a time, so the texts need not be held together. A
 * character that also occurs unchanged keeps itself as an option, so 于
 * stays searchable as 于.
 */
export class ScriptMapBuilder {
  readonly #maps = new Map(scripts.map((script) => [script, new Map<string, Set<string>>()]));
  readonly #unchanged = new Set<string>();

  add(text: Readonly<Record<Script, string>>): void {
    const forms = scripts.map((script) => Array.from(text[script]));
    const length = forms[0]?.length ?? 0;
    if (forms.some((characters) => characters.length !== length)) return;
    for (let index = 0; index < length; index++) {
      const first = forms[0]?.[index] ?? '';
      // Most characters are the same in every script: one test for them.
      if (forms.every((characters) => characters[index] === first)) {
        if (isHan(first)) this.#unchanged.add(first);
        continue;
      }
      scripts.forEach((script, at) => {
        const target = forms[at]?.[index] ?? '';
        if (!isHan(target)) return;
        forms.forEach((characters, from) => {
          if (from === at) return;
          const source = characters[index] ?? '';
          if (source === target) {
            this.#unchanged.add(source);
            return;
          }
          const map = this.#maps.get(script) ?? new Map<string, Set<string>>();
          const options = map.get(source) ?? new Set<string>();
          options.add(target);
          map.set(source, options);
        });
      });
    }
  }

  finish(): ScriptMaps {
    const finish = (map: Map<string, Set<string>>): ScriptMap =>
      Object.fromEntries(
        [...map]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([from, options]) => [from, [...options, ...(this.#unchanged.has(from) ? [from] : [])].join('')]),
      );
    return Object.fromEntries(scripts.map((script) => [script, finish(this.#maps.get(script) ?? new Map())])) as ScriptMaps;
  }
}

/** Every script's map from aligned texts (`ScriptMapBuilder`). */
export function buildScriptMaps(texts: Iterable<Readonly<Record<Script, string>>>): ScriptMaps {
  const builder = new ScriptMapBuilder();
  for (const text of texts) builder.add(text);
  return builder.finish();
}
