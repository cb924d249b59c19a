/**
 * Gives every top-level paragraph of an article a stable id (`p1`, `p2`, …),
 * so a reader can link to a paragraph and the link works in both scripts.
 */
import type { Root } from 'hast';

export interface ParagraphIdsOptions {
  /** Prefix of the ids; the paragraph's number follows it. */
  prefix?: string;
}

export default function rehypeParagraphIds({ prefix = 'p' }: ParagraphIdsOptions = {}) {
  return (tree: Root): void => {
    let count = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') {
        count += 1;
        node.properties['id'] ??= `${prefix}${count}`;
      }
    }
  };
}
