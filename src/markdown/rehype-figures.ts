/**
 * rehype plugin: the body's figures. A figure is placed in the body by an
 * image alone on its line, `![what the photo shows](harbour.jpg)`, naming a
 * file of `content/images/` listed under the article's `figures:` with its
 * caption and credit. It becomes
 * `<figure data-photo="harbour.jpg"><img …><figcaption>caption credit</figcaption></figure>`,
 * caption and credit in the author's script like the text around them, the
 * credit kept as written by the inline rule `-{…}-` (a name is not
 * converted). The page makes the photo's sizes and formats from
 * `data-photo` (`src/view/rehype-photos.ts`). Refused, at the image's line:
 * an image with no alternative text, one not alone on its line, one that is
 * not a file of `content/images/` (`/images/x.jpg`, `../x.jpg`), one not
 * listed under `figures:`. Which figures were placed is `file.data.figuresPlaced`.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { photoFilePattern } from '../schemas/photo.ts';

export interface FigureText {
  file: string;
  caption: string;
  credit: string;
}

export interface FiguresOptions {
  /** The article's `figures:` as far as they can be read. */
  figures: readonly FigureText[];
}

const span = (className: string, text: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children: [{ type: 'text', value: text }],
});

/** Whether `node` is white space between elements. */
const blank = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

export default function rehypeFigures({ figures }: FiguresOptions) {
  const byFile = new Map(figures.map((figure) => [figure.file, figure]));
  return (tree: Root, file: VFile): void => {
    const placed = new Set<string>();
    const replacements: [Element, Element][] = [];
    const fail = (reason: string, node: Element): void => {
      const message = file.message(reason, { place: node.position, ruleId: 'figure', source: 'guoji' });
      message.fatal = true;
    };
    // Lines where raw HTML was refused already: an <img> written there is not a figure to say more about.
    const refused = new Set(
      file.messages.filter((message) => message.fatal && message.ruleId === 'html').map((message) => message.line),
    );
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || parent === undefined || index === undefined) return;
      if (refused.has(node.position?.start.line)) return;
      const src = String(node.properties['src'] ?? '');
      const alt = String(node.properties['alt'] ?? '').trim();
      const alone =
        parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child === node || blank(child));
      let name = src;
      try {
        name = decodeURIComponent(src);
      } catch {
        // A broken escape is not a file name; the pattern below refuses it as written.
      }
      if (!photoFilePattern.test(name)) {
        fail(
          `image "${src}" is not a photo of content/images/: write ![what it shows](name.jpg) with the file's name alone, and list it under figures: with its caption and credit`,
          node,
        );
        return;
      }
      if (alt === '')
        fail(`image "${name}" has no alternative text: write what the photo shows between the brackets, ![…](${name})`, node);
      if (!alone) fail(`image "${name}" must stand alone on its line: a photo is a figure between paragraphs`, node);
      const figure = byFile.get(name);
      if (figure === undefined) {
        fail(`image "${name}" is not listed under figures: (each figure has its file, caption and credit there)`, node);
        return;
      }
      if (placed.has(name)) fail(`image "${name}" is placed twice: each figure stands once in the body`, node);
      placed.add(name);
      if (!alone || parent.type !== 'element') return;
      const replacement: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['figure'], dataPhoto: name },
        position: parent.position,
        children: [
          { type: 'element', tagName: 'img', properties: { src: name, alt }, children: [] },
          {
            type: 'element',
            tagName: 'figcaption',
            properties: {},
            children: [span('figure__caption', figure.caption), span('figure__credit', `-{${figure.credit}}-`)],
          },
        ],
      };
      replacements.push([parent, replacement]);
      return 'skip';
    });
    // Replaced after the walk, which must not see its tree change under it.
    for (const [paragraph, replacement] of replacements) Object.assign(paragraph, replacement);
    file.data['figuresPlaced'] = [...placed];
  };
}
