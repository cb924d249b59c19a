/**
 * Quotation marks follow the page's script: 「」『』 on Traditional pages,
 * “”‘’ on Simplified ones (GB/T 15834), whichever the author typed. Only
 * runs of Chinese text are touched: a curly apostrophe inside a Latin word
 * (China’s) stays an apostrophe.
 */
import { scriptInfo, scripts, type Script } from '../site/scripts.ts';

const maps = new Map<Script, ReadonlyMap<string, string>>();

/** Every other script's quotation mark → the same mark in `script`. */
function quoteMap(script: Script): ReadonlyMap<string, string> {
  let map = maps.get(script);
  if (map === undefined) {
    const target = scriptInfo(script).quotes;
    const entries = scripts.flatMap((other) =>
      scriptInfo(other).quotes.map((mark, index): [string, string] => [mark, target[index] ?? mark]),
    );
    map = new Map(entries.filter(([from, to]) => from !== to));
    maps.set(script, map);
  }
  return map;
}

const apostrophe = '’';
const latinLetter = /[\p{Script=Latin}\p{N}]/u;
const han = /\p{Script=Han}/u;

/**
 * Rewrites the quotation marks of one run of text, given as one string per
 * source code point (the converter's aligned output). Positions in `fixed`
 * (rule outputs and pinned terms) are left alone.
 */
export function convertQuotes(aligned: string[], script: Script, fixed: ReadonlySet<number>): void {
  if (!aligned.some((piece) => han.test(piece))) return;
  const map = quoteMap(script);
  const [, , innerOpen, innerClose] = scriptInfo(script).quotes;
  let openInner = 0;
  aligned.forEach((mark, index) => {
    const target = fixed.has(index) ? undefined : map.get(mark);
    if (target !== undefined && mark === apostrophe) {
      // A closing inner quote, unless it is an apostrophe: between Latin letters, or with no quote open.
      const between = latinLetter.test(aligned[index - 1] ?? '') && latinLetter.test(aligned[index + 1] ?? '');
      if (between || openInner === 0) return;
    }
    const result = target ?? mark;
    if (result === innerOpen) openInner += 1;
    else if (result === innerClose && openInner > 0) openInner -= 1;
    aligned[index] = result;
  });
}
