/**
 * rehype plugin: gives each numbered paragraph of an article body (`p12`) a
 * link to itself, so a reader can copy or open the paragraph's address with
 * a pointer or a finger. The link holds no text (the stylesheet draws its ¶,
 * its name is `aria-label`), so the body's text stays exactly what the
 * conversion produced. It is out of the Tab order and hidden from screen
 * readers (`tabindex="-1"`, `aria-hidden="true"`): one link after every
 * paragraph cost a keyboard 32 stops and a listener 32 interruptions, and
 * the page gives both one button for the paragraph they are on instead.
 * Runs on the converted body, with the label in the page's script.
 */
import type { Element, Root } from 'hast';

export interface ParagraphLinksOptions {
  /** The link's accessible name, for paragraph `number`. */
  label: (number: number) => string;
  /** Class of the link. */
  className?: string;
}

const paragraphId = /^p(\d+)$/;

export default function rehypeParagraphLinks({ label, className = 'para-link' }: ParagraphLinksOptions) {
  return (tree: Root): void => {
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = node.properties['id'];
      const number = typeof id === 'string' ? paragraphId.exec(id)?.[1] : undefined;
      if (number === undefined) continue;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: [className],
          href: `#${String(id)}`,
          ariaLabel: label(Number(number)),
          tabIndex: -1,
          ariaHidden: 'true',
        },
        children: [],
      };
      node.children.push(link);
    }
  };
}
