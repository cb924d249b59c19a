/**
 * Where a character inside a text node stands in the file: the node's start
 * moved on by the characters before it. Exact for plain text; after a
 * backslash escape or an entity in the same node the column may be off by
 * the escape's length, never the line. Each node's line starts and astral
 * characters are found once, so a check that reports many places in one
 * long text pays for each in logarithmic time, not in the text's length.
 */
import type { Point } from 'unist';

interface NodeIndex {
  /** UTF-16 offsets where each line of the value starts (the first is 0). */
  lineStarts: number[];
  /** UTF-16 offsets of astral characters (each two units, one column). */
  astral: number[];
}

const indexes = new WeakMap<object, NodeIndex>();

function indexOf(node: { value: string }): NodeIndex {
  let known = indexes.get(node);
  if (known === undefined) {
    const lineStarts = [0];
    const astral: number[] = [];
    const { value } = node;
    for (let at = 0; at < value.length; at++) {
      const code = value.charCodeAt(at);
      if (code === 0x0a) lineStarts.push(at + 1);
      else if (code >= 0xd800 && code <= 0xdbff) astral.push(at);
    }
    known = { lineStarts, astral };
    indexes.set(node, known);
  }
  return known;
}

/** How many values of a sorted array are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function pointInText(node: { value: string; position?: { start: Point } | undefined }, offset: number): Point | undefined {
  const start = node.position?.start;
  if (start === undefined) return undefined;
  const { lineStarts, astral } = indexOf(node);
  const line = countBelow(lineStarts, offset + 1) - 1;
  const lineStart = lineStarts[line] ?? 0;
  const columns = offset - lineStart - (countBelow(astral, offset) - countBelow(astral, lineStart));
  return line === 0 ? { line: start.line, column: start.column + columns } : { line: start.line + line, column: columns + 1 };
}
