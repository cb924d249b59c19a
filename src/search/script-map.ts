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

/**
 * What some texts contribute to the maps, to be merged into another builder
 * (`ScriptMapBuilder.merge`): per script, each character with the
 * characters it stood for, in the order they were first met; and the
 * characters met unchanged.
 */
export interface ScriptMapPart {
  maps: Record<Script, [string, string[]][]>;
  unchanged: string[];
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

  /** What the texts added so far contribute. */
  part(): ScriptMapPart {
    return {
      maps: Object.fromEntries(
        scripts.map((script) => [script, [...(this.#maps.get(script) ?? [])].map(([from, options]) => [from, [...options]])]),
      ) as ScriptMapPart['maps'],
      unchanged: [...this.#unchanged],
    };
  }

  /**
   * Adds what other texts contributed. Merging the parts of texts in the
   * order of the texts gives the maps adding the texts themselves gives:
   * every character's options in the order they were first met.
   */
  merge(part: ScriptMapPart): void {
    for (const script of scripts) {
      const map = this.#maps.get(script) ?? new Map<string, Set<string>>();
      for (const [from, options] of part.maps[script]) {
        const known = map.get(from) ?? new Set<string>();
        for (const option of options) known.add(option);
        map.set(from, known);
      }
      this.#maps.set(script, map);
    }
    for (const character of part.unchanged) this.#unchanged.add(character);
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
