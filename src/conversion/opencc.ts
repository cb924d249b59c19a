/**
 * OpenCC's converters (opencc-js), one per direction, built once per process.
 * A Traditional source becomes Simplified with OpenCC's tw2s, hk2s or t2s; a
 * Simplified source becomes Taiwan-standard Traditional with s2tw, never the
 * vocabulary-localising s2twp. Text whose script already is the page's is
 * left to its author: a Hong Kong article's Traditional page is not rewritten
 * in Taiwan's variants.
 */
import * as OpenCC from 'opencc-js';
import { buildOptions } from '../build/state.ts';
import { scriptInfo, sourceVariantRegistry, type Script, type SourceVariant } from '../site/scripts.ts';

/**
 * `GUOJI_CONVERSION=off` builds pages without converting them, so the
 * benchmark can measure what conversion costs. Never for a real build: the
 * publish checks then skip the character guards.
 */
export const conversionEnabled = (): boolean => buildOptions().conversion;

type Convert = (text: string) => string;

const identity: Convert = (text) => text;
const converters = new Map<string, Convert>();

/** Whether text in `from` needs OpenCC to be shown in `to`. */
export function convertsScript(from: SourceVariant, to: Script): boolean {
  return scriptInfo(sourceVariantRegistry[from].script).family !== scriptInfo(to).family;
}

/** OpenCC's converter from a source variant into a script (the identity within one family). */
export function openccConverter(from: SourceVariant, to: Script): Convert {
  if (!conversionEnabled() || !convertsScript(from, to)) return identity;
  const source = sourceVariantRegistry[from].opencc;
  const target = scriptInfo(to).opencc;
  const key = `${source}>${target}`;
  let converter = converters.get(key);
  if (converter === undefined) {
    converter = OpenCC.Converter({ from: source, to: target });
    converters.set(key, converter);
  }
  return converter;
}
