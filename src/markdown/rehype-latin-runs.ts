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

/**
 * Most runs marked in one article: far more than any article holds, and a
 * bound on the elements this plugin adds (a paragraph of "1 1 1 …" would
 * otherwise become half a million spans). Past it, text stays unmarked: it
 * reads the same, set in the Chinese face.
 */
export const maxMarkedRuns = 20_000;

export default function rehypeLatinRuns({ lang = 'en', numeralClass = 'num' }: LatinRunsOptions = {}) {
  /** The text's pieces, with at most `spans` of them marked (the rest stay text). */
  const mark = (text: string, spans: number): { nodes: ElementContent[]; spans: number } => {
    const nodes: ElementContent[] = [];
    let made = 0;
    for (const segment of parseRules(text).segments) {
      if (segment.type === 'rule') {
        nodes.push({ type: 'text', value: segment.raw });
        continue;
      }
      for (const piece of westernRuns(segment.value)) {
        const value: Text = { type: 'text', value: piece.text };
        if (piece.kind === 'other' || made >= spans) {
          nodes.push(value);
          continue;
        }
        made += 1;
        nodes.push({
          type: 'element',
          tagName: 'span',
          properties: piece.kind === 'latin' ? { lang } : { className: [numeralClass] },
          children: [value],
        });
      }
    }
    // Neighbouring plain pieces (a rule and the text around it) read as one text node again.
    const merged = nodes.reduce<ElementContent[]>((joined, node) => {
      const last = joined.at(-1);
      if (node.type === 'text' && last?.type === 'text') last.value += node.value;
      else joined.push(node);
      return joined;
    }, []);
    return { nodes: merged, spans: made };
  };

  return (tree: Root): void => {
    let marked = 0;
    // Each parent's children are rebuilt once, in one pass: no text node costs the length of its siblings.
    const walk = (parent: Root | Element): void => {
      let changed = false;
      const children: ElementContent[] = [];
      for (const child of parent.children) {
        if (child.type === 'element') {
          if (!isSkipped(child)) walk(child);
        } else if (child.type === 'text' && parent.type !== 'root' && marked < maxMarkedRuns && hasWesternRun(child.value)) {
          const { nodes, spans } = mark(child.value, maxMarkedRuns - marked);
          marked += spans;
          for (const node of nodes) children.push(node);
          changed = true;
          continue;
        }
        children.push(child as ElementContent);
      }
      if (changed) parent.children = children;
    };
    walk(tree);
  };
}
