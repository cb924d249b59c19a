/**
 * Traditional → Simplified script conversion with OpenCC's dictionaries,
 * chosen by the article's source variant, with a glossary that pins terms
 * where OpenCC is wrong. Script conversion, not localisation: 川普 stays 川普.
 *
 * OpenCC's tw2s, hk2s and t2s map character for character, so a conversion
 * keeps the code-point length; that lets a phrase split across several text
 * nodes be converted as one run and cut back into its nodes.
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { Glossary } from './article-schema.ts';
import type { SourceVariant } from './scripts.ts';

/** OpenCC's name for each source variant; never `twp`/`hkp`, which localise vocabulary. */
const openccSource: Record<SourceVariant, 'tw' | 'hk' | 't'> = {
  'zh-TW': 'tw',
  'zh-HK': 'hk',
  'zh-Hant': 't',
};

export interface ConvertOptions {
  variant: SourceVariant;
  /** Traditional term → Simplified term, applied over OpenCC's result. */
  glossary?: Glossary | undefined;
}

/**
 * `GUOJI_CONVERSION=off` builds Simplified pages without converting them, so
 * the benchmark can measure what conversion costs. Never for a real build:
 * the publish checks then skip the script checks.
 */
export const conversionEnabled = process.env['GUOJI_CONVERSION'] !== 'off';

const converters = new Map<SourceVariant, (text: string) => string>();

/** OpenCC's converter for a variant, built once per process. */
export function openccConverter(variant: SourceVariant): (text: string) => string {
  let converter = converters.get(variant);
  if (converter === undefined) {
    converter = OpenCC.Converter({ from: openccSource[variant], to: 'cn' });
    converters.set(variant, converter);
  }
  return converter;
}

/**
 * Converts `text` and returns one string per source code point, so that the
 * output can be cut back along any boundary of the input. Where OpenCC does
 * change the length of a run of Han characters, that run's whole result is
 * given to its first code point: nothing is lost, only the alignment inside it.
 */
function alignedConversion(text: string, convert: (text: string) => string): string[] {
  const source = Array.from(text);
  const whole = Array.from(convert(text));
  if (whole.length === source.length) return whole;
  const aligned: string[] = [];
  for (const chunk of text.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
    const length = Array.from(chunk).length;
    const converted = Array.from(convert(chunk));
    if (converted.length === length) aligned.push(...converted);
    else aligned.push(converted.join(''), ...Array<string>(length - 1).fill(''));
  }
  return aligned;
}

const glossaryPatterns = new WeakMap<Glossary, RegExp | undefined>();

function glossaryPattern(glossary: Glossary): RegExp | undefined {
  if (!glossaryPatterns.has(glossary)) {
    const terms = Object.keys(glossary).sort((a, b) => b.length - a.length);
    const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    glossaryPatterns.set(glossary, terms.length === 0 ? undefined : new RegExp(escaped.join('|'), 'gu'));
  }
  return glossaryPatterns.get(glossary);
}

/** Overwrites the converted code points of every glossary term found in the source. */
function pinGlossaryTerms(source: string, aligned: string[], glossary: Glossary): void {
  const pattern = glossaryPattern(glossary);
  if (pattern === undefined) return;
  for (const match of source.matchAll(pattern)) {
    const start = Array.from(source.slice(0, match.index)).length;
    Array.from(glossary[match[0]] ?? match[0]).forEach((character, offset) => {
      aligned[start + offset] = character;
    });
  }
}

/**
 * Converts pieces of text that read as one run (a sentence split by inline
 * markup) and returns them cut back along the same boundaries, so that
 * 顯|著 becomes 显|著, not 显|着 as converting piece by piece would.
 */
export function toSimplifiedPieces(pieces: readonly string[], { variant, glossary }: ConvertOptions): string[] {
  const joined = pieces.join('');
  if (!/\p{Script=Han}/u.test(joined)) return [...pieces];
  const aligned = alignedConversion(joined, openccConverter(variant));
  if (glossary !== undefined) pinGlossaryTerms(joined, aligned, glossary);
  let offset = 0;
  return pieces.map((piece) => {
    const length = Array.from(piece).length;
    const converted = aligned.slice(offset, offset + length).join('');
    offset += length;
    return converted;
  });
}

/** Converts one string of Traditional text to Simplified script. */
export function toSimplified(text: string, options: ConvertOptions): string {
  return toSimplifiedPieces([text], options)[0] ?? '';
}
