/**
 * rehype plugin: the words remark-rehype writes into GFM footnotes (the
 * "Footnotes" heading, the "Back to reference 1" labels) in the page's own
 * script. Runs after conversion: the labels come from the script's table of
 * interface strings and are not converted again.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { ConversionLog } from './types.ts';

export interface FootnoteLabelsOptions {
  /** Heading of the footnotes section. */
  label: string;
  /** Label of the link back to reference `reference` (and its `rereference`-th use, from 2). */
  backLabel: (reference: number, rereference: number) => string;
  /** Notes the change in text length. */
  log?: ConversionLog | undefined;
}

const codePoints = (text: string): number => Array.from(text).length;

export default function rehypeFootnoteLabels({ label, backLabel, log }: FootnoteLabelsOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (element: Element) => {
      if (element.properties['id'] === 'footnote-label') {
        const before = element.children.reduce(
          (length, child) => length + (child.type === 'text' ? codePoints(child.value) : 0),
          0,
        );
        element.children = [{ type: 'text', value: label }];
        if (log) log.lengthChange += codePoints(label) - before;
      }
      if (element.properties['dataFootnotes'] === undefined) return;
      // The notes, in order; each links back once per reference to it.
      const list = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol');
      const notes = list?.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li') ?? [];
      notes.forEach((note, index) => {
        let rereference = 0;
        visit(note, 'element', (link: Element) => {
          if (link.properties['dataFootnoteBackref'] === undefined) return;
          rereference += 1;
          link.properties['ariaLabel'] = backLabel(index + 1, rereference);
        });
      });
    });
  };
}
