/**
 * rehype plugin: marks the Western runs of an article body, so the page can
 * set them the way Chinese typography does. Latin words and phrases become
 * `<span lang="en">` (a Latin face, narrow quotes; the converter and the
 * character guards leave them as written); bare Western numerals become
 * `<span class="num">`, which the stylesheet keeps tight to the Han text
 * around them (2025年, not 2025 年). Text is never added or removed.
 *
 * Left alone: code, superscripts, subscripts and ruby annotations, elements
 * that already carry a `lang`, the footnotes' generated labels (replaced
 * later in the page's script), and inline rules (`-{zh-hans:…;zh-hant:…}-`),
 * which must stay whole for the converter.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { parseRules } from '../conversion/rules.ts';
import { hasWesternRun, westernRuns } from './western-runs.ts';

export interface LatinRunsOptions {
  /** Language tag given to Latin runs. */
  lang?: string;
  /** Class given to runs of Western digits. */
  numeralClass?: string;
}

/**
 * Not marked: code; superscripts and subscripts (H₂O, a note's number), which
 * the stylesheet keeps tight anyway; and ruby annotations, whose Latin is
 * romanisation (hàn), not English.
 */
const skipped = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'svg',
  'math',
  'template',
  'sub',
  'sup',
  'rt',
  'rp',
]);

function isSkipped(element: Element): boolean {
  const { lang, id, dataFootnoteBackref, translate } = element.properties;
  return (
    skipped.has(element.tagName) ||
    (typeof lang === 'string' && lang !== '') ||
    translate === 'no' ||
    id === 'footnote-label' ||
    dataFootnoteBackref !== undefined
  );
}

export default function rehypeLatinRuns({ lang = 'en', numeralClass = 'num' }: LatinRunsOptions = {}) {
  const mark = (text: string): ElementContent[] => {
    const nodes: ElementContent[] = [];
    for (const segment of parseRules(text).segments) {
      if (segment.type === 'rule') {
        nodes.push({ type: 'text', value: segment.raw });
        continue;
      }
      for (const piece of westernRuns(segment.value)) {
        const value: Text = { type: 'text', value: piece.text };
        if (piece.kind === 'other') nodes.push(value);
        else
          nodes.push({
            type: 'element',
            tagName: 'span',
            properties: piece.kind === 'latin' ? { lang } : { className: [numeralClass] },
            children: [value],
          });
      }
    }
    // Neighbouring plain pieces (a rule and the text around it) read as one text node again.
    return nodes.reduce<ElementContent[]>((merged, node) => {
      const last = merged.at(-1);
      if (node.type === 'text' && last?.type === 'text') last.value += node.value;
      else merged.push(node);
      return merged;
    }, []);
  };

  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element') return isSkipped(node) ? SKIP : CONTINUE;
      if (node.type !== 'text' || parent === undefined || parent.type === 'root' || index === undefined) return CONTINUE;
      if (!hasWesternRun(node.value)) return CONTINUE;
      const nodes = mark(node.value);
      parent.children.splice(index, 1, ...nodes);
      // Go on after what was inserted: the new spans hold nothing left to mark.
      return index + nodes.length;
    });
  };
}
