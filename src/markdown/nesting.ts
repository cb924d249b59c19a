/**
 * How deep the containers of a Markdown text nest, read line by line before
 * parsing: block quote markers (`>`), list markers (`-`, `1.`) and the
 * indentation that nests a list in a list. The parser's work and stack grow
 * with that depth (10,000 nested `> ` exhaust the stack; nested lists grow
 * quadratically), so a text that nests deeper than any article does is
 * refused before it is parsed.
 */

/** The deepest nesting an article may use; real articles stay under five. */
export const maxNesting = 32;

const fence = /^(`{3,}|~{3,})/;

/** The first line that nests deeper than `maxNesting`, with its depth; `undefined` when none does. */
export function findDeepNesting(markdown: string): { line: number; depth: number } | undefined {
  let fenced: string | undefined;
  const lines = markdown.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    let rest = raw.replace(/\t/g, '    ');
    let depth = 0;
    for (;;) {
      const indent = /^ */.exec(rest)?.[0].length ?? 0;
      const marker = /^ *(?:>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)) ?/.exec(rest);
      if (marker === null || marker[0].trim() === '') {
        depth += Math.floor(indent / 2);
        break;
      }
      depth += 1 + Math.floor(indent / 2);
      rest = rest.slice(marker[0].length);
    }
    const content = rest.trimStart();
    const opening = fence.exec(content)?.[1];
    if (fenced !== undefined) {
      if (opening !== undefined && opening[0] === fenced[0] && opening.length >= fenced.length) fenced = undefined;
      continue;
    }
    if (opening !== undefined) fenced = opening;
    if (depth > maxNesting) return { line: index + 1, depth };
  }
  return undefined;
}
