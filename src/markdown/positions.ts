/**
 * Where a character inside a text node stands in the file: the node's start
 * moved on by the characters before it. Exact for plain text; after a
 * backslash escape or an entity in the same node the column may be off by
 * the escape's length, never the line.
 */
import type { Point } from 'unist';

export function pointInText(node: { value: string; position?: { start: Point } | undefined }, offset: number): Point | undefined {
  const start = node.position?.start;
  if (start === undefined) return undefined;
  const before = node.value.slice(0, offset);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak === -1) return { line: start.line, column: start.column + Array.from(before).length };
  return { line: start.line + (before.match(/\n/g)?.length ?? 0), column: Array.from(before.slice(lineBreak + 1)).length + 1 };
}
