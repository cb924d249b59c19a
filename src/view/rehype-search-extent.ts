/**
 * rehype plugin: keeps the search index to the first `maxCharacters` of an
 * article body, by marking `data-pagefind-ignore` the first top-level block
 * that would pass them and every block after it. Pagefind's Chinese segmenter slows more than
 * linearly on long repetitive text (330,000 of one character took it 100
 * seconds), and no real article comes near the limit (the longest analysis
 * here is about 15,000 characters), so a giant article is found by its
 * headline, summary and opening, and costs the indexer about a second.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';

export interface SearchExtentOptions {
  maxCharacters: number;
}

export const searchableCharacters = 50_000;

export default function rehypeSearchExtent({ maxCharacters = searchableCharacters }: Partial<SearchExtentOptions> = {}) {
  return (tree: Root): void => {
    let seen = 0;
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      // Once one block would pass the limit, it and every block after it are left out: the text indexed stays in order.
      if (seen <= maxCharacters) seen += toString(node).length;
      if (seen > maxCharacters) node.properties['dataPagefindIgnore'] = '';
    }
  };
}
