/**
 * rehype plugin: counts the Han characters of the rendered body, from the
 * tree that becomes the page (`file.data.hanCharacters`), so the reading time
 * and the character count shown with each article need no second parse.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { countHan } from '../site/reading-time.ts';

export default function rehypeHanCount() {
  return (tree: Root, file: VFile): void => {
    file.data['hanCharacters'] = countHan(toString(tree));
  };
}
