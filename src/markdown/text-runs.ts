/**
 * The runs of text of a Markdown tree as a reader reads them: the text nodes
 * of one block (paragraph, heading, table cell) joined across emphasis and
 * links, and broken by code, raw HTML and line breaks. The Markdown checks
 * read phrases across inline markup, and report at the text node's position.
 */
import type { Nodes, Parents, Root, Text } from 'mdast';
import type { Point } from 'unist';
import { pointInText } from './positions.ts';

export interface TextRun {
  /** The joined text of the run. */
  text: string;
  nodes: Text[];
  /** Where the character at `index` (UTF-16) of `text` stands in the file. */
  pointAt(index: number): Point | undefined;
}

/** Inline nodes whose text continues the sentence around them. */
const flowing = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

function makeRun(nodes: Text[]): TextRun {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.value;
  }
  return {
    text,
    nodes,
    pointAt(index) {
      let at = starts.length - 1;
      while (at > 0 && (starts[at] ?? 0) > index) at -= 1;
      const node = nodes[at];
      return node === undefined ? undefined : pointInText(node, index - (starts[at] ?? 0));
    },
  };
}

/** Every run of text in the tree, in document order. */
export function textRuns(tree: Root): TextRun[] {
  const runs: TextRun[] = [];
  let current: Text[] = [];
  const end = (): void => {
    if (current.length > 0) runs.push(makeRun(current));
    current = [];
  };
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      current.push(node);
      return;
    }
    if (!('children' in node)) {
      end();
      return;
    }
    const inline = flowing.has(node.type);
    if (!inline) end();
    for (const child of (node as Parents).children) walk(child);
    if (!inline) end();
  };
  walk(tree);
  end();
  return runs;
}
