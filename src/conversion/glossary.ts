/**
 * Glossary pins: where a term written in the source's script occurs, each
 * page shows its own script's form of it, whatever OpenCC says. An entry may
 * change the term's length (OpenCC never does); the pinned text is spread
 * over the term's code points in order, so a term split by inline markup
 * keeps its text in the same order and nothing is lost.
 */
import { scriptInfo, type Script } from '../site/scripts.ts';
import type { ConversionLog, Glossary, GlossaryEntry } from './types.ts';

/** An entry's form in `script`, or in the script it falls back to. */
export function glossaryForm(entry: GlossaryEntry, script: Script): string {
  const fallback = scriptInfo(script).glossaryFallback as Script | undefined;
  return entry[script] ?? (fallback === undefined ? '' : glossaryForm(entry, fallback));
}

interface CompiledGlossary {
  pattern: RegExp;
  /** Source-script term → the page's form. */
  output: ReadonlyMap<string, string>;
}

const compiled = new WeakMap<Glossary, Map<string, CompiledGlossary | undefined>>();

function compile(glossary: Glossary, from: Script, to: Script): CompiledGlossary | undefined {
  let byDirection = compiled.get(glossary);
  if (byDirection === undefined) compiled.set(glossary, (byDirection = new Map()));
  const key = `${from}>${to}`;
  if (!byDirection.has(key)) {
    const output = new Map<string, string>();
    // Earlier entries win: the article's own entries come before the site's.
    for (const entry of glossary) {
      const term = glossaryForm(entry, from);
      if (!output.has(term)) output.set(term, glossaryForm(entry, to));
    }
    const terms = [...output.keys()].filter((term) => term !== '').sort((a, b) => b.length - a.length);
    byDirection.set(
      key,
      terms.length === 0 ? undefined : { pattern: new RegExp(terms.map((term) => RegExp.escape(term)).join('|'), 'gu'), output },
    );
  }
  return byDirection.get(key);
}

/**
 * Overwrites, in `aligned` (one string per code point of `source`), the
 * conversion of every glossary term found in `source`, and marks those code
 * points as fixed.
 */
export function pinGlossaryTerms(
  source: string,
  aligned: string[],
  fixed: Set<number>,
  { glossary, from, to, log }: { glossary: Glossary; from: Script; to: Script; log?: ConversionLog | undefined },
): void {
  const compiledGlossary = compile(glossary, from, to);
  if (compiledGlossary === undefined) return;
  let utf16 = 0;
  let codePoint = 0;
  for (const match of source.matchAll(compiledGlossary.pattern)) {
    // Code-point index of the match, counted on from the previous one.
    codePoint += Array.from(source.slice(utf16, match.index)).length;
    utf16 = match.index;
    const term = Array.from(match[0]);
    const pinned = Array.from(compiledGlossary.output.get(match[0]) ?? match[0]);
    term.forEach((_, offset) => {
      const from = Math.floor((offset * pinned.length) / term.length);
      const until = Math.floor(((offset + 1) * pinned.length) / term.length);
      aligned[codePoint + offset] = pinned.slice(from, until).join('');
      fixed.add(codePoint + offset);
    });
    log?.fixed.add(pinned.join(''));
    if (log) log.lengthChange += pinned.length - term.length;
  }
}
