/**
 * The text core: converts text from its source variant into a page's script,
 * with inline rules, the glossary and the page's quotation marks.
 *
 * Pieces of text that read as one run (a sentence split by inline markup)
 * are converted as one phrase and cut back along the same boundaries, so
 * 顯|著 becomes 显|著, not 显|着 as converting piece by piece would. That
 * works because OpenCC keeps the code-point length; only a rule or a pinned
 * term may change it, and the log says by how much.
 */
import { scriptInfo, scriptOfVariant, sourceVariantRegistry } from '../site/scripts.ts';
import { pinGlossaryTerms } from './glossary.ts';
import { conversionEnabled, convertsScript, openccConverter } from './opencc.ts';
import { convertQuotes } from './quotes.ts';
import { hasRuleMarker, parseRules, ruleOutput, type Segment } from './rules.ts';
import type { ConvertOptions } from './types.ts';
import { convertSimplifiedByWords, keepTraditionalNames, type Decision } from './word-bounded.ts';

const han = /\p{Script=Han}/u;
const convertible = /[\p{Script=Han}「」『』“”‘’]/u;

/**
 * Converts `text` and returns one string per source code point, so that the
 * output can be cut back along any boundary of the input. Should OpenCC ever
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
    if (converted.length === length) for (const piece of converted) aligned.push(piece);
    else {
      aligned.push(converted.join(''));
      for (let rest = 1; rest < length; rest++) aligned.push('');
    }
  }
  return aligned;
}

/** Whether text in `from` shown in `to` goes through the word-bounded Simplified → Taiwan conversion. */
function convertsByWords(options: ConvertOptions): boolean {
  return conversionEnabled() && sourceVariantRegistry[options.from].opencc === 'cn' && scriptInfo(options.to).opencc === 'tw';
}

/** A run converted, one string per source code point, with how each was decided and which a glossary entry fixed. */
export interface AlignedRun {
  aligned: string[];
  fixed: Set<number>;
  /** For Simplified text shown in Traditional: how OpenCC's dictionaries decided each code point, and the words. */
  decisions?: Decision[] | undefined;
  words?: string[] | undefined;
}

/**
 * Converts one run of plain text (no rules in it) and returns it aligned, one
 * string per source code point, with the code points a glossary entry fixed.
 */
export function convertRunAligned(text: string, options: ConvertOptions): AlignedRun {
  const fixed = new Set<number>();
  if (!convertible.test(text)) return { aligned: Array.from(text), fixed };
  let aligned: string[];
  let decisions: Decision[] | undefined;
  let words: string[] | undefined;
  if (!han.test(text)) aligned = Array.from(text);
  else if (convertsByWords(options)) ({ output: aligned, decisions, words } = convertSimplifiedByWords(text));
  else {
    aligned = alignedConversion(text, openccConverter(options.from, options.to));
    if (conversionEnabled() && scriptInfo(options.to).family === 'simplified' && convertsScript(options.from, options.to))
      keepTraditionalNames(text, aligned);
  }
  if (options.glossary !== undefined && options.glossary.length > 0) {
    const from = scriptOfVariant(options.from);
    pinGlossaryTerms(text, aligned, fixed, { glossary: options.glossary, from, to: options.to, log: options.log });
  }
  convertQuotes(aligned, options.to, fixed);
  return { aligned, fixed, decisions, words };
}

/** Converts one run of plain text (no rules in it), pieces cut back along their boundaries. */
function convertRun(pieces: readonly string[], options: ConvertOptions): string[] {
  const joined = pieces.join('');
  if (!convertible.test(joined)) return [...pieces];
  const { aligned } = convertRunAligned(joined, options);
  let offset = 0;
  return pieces.map((piece) => {
    const length = Array.from(piece).length;
    const converted = aligned.slice(offset, offset + length).join('');
    offset += length;
    return converted;
  });
}

/**
 * Converts pieces of text that read as one run. Rules (`-{…}-`) are resolved
 * for the page's script and end a phrase; a piece's rules must be whole
 * within it (the Markdown checks make sure of that).
 */
export function convertPieces(pieces: readonly string[], options: ConvertOptions): string[] {
  if (!pieces.some(hasRuleMarker)) return convertRun(pieces, options);
  const output = pieces.map((): string[] => []);
  let run: { piece: number; text: string }[] = [];
  const flush = (): void => {
    const converted = convertRun(
      run.map(({ text }) => text),
      options,
    );
    run.forEach(({ piece }, index) => output[piece]?.push(converted[index] ?? ''));
    run = [];
  };
  pieces.forEach((piece, index) => {
    for (const segment of parseRules(piece).segments as Segment[]) {
      if (segment.type === 'text') {
        run.push({ piece: index, text: segment.value });
        continue;
      }
      flush();
      const text = ruleOutput(segment, options.to) ?? segment.raw;
      output[index]?.push(text);
      options.log?.fixed.add(text);
      if (options.log) options.log.lengthChange += Array.from(text).length - Array.from(segment.raw).length;
    }
  });
  flush();
  return output.map((parts) => parts.join(''));
}

/** Converts one string: a headline, a summary, a name, an attribute. */
export function convertText(text: string, options: ConvertOptions): string {
  return convertPieces([text], options)[0] ?? '';
}
