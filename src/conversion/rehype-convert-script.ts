/**
 * rehype plugin: shows an HTML tree in a page's script. It converts every
 * text node a reader sees and the attributes a reader hears or sees (`alt`,
 * `title`, `aria-label`, `placeholder`), resolves inline rules, and converts
 * text that reads as one run (a paragraph with emphasis or links inside it)
 * as one phrase. Code, `translate="no"` and non-Chinese `lang` regions are
 * left as written; ids, URLs and class names are never touched.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { convertPieces, convertText } from './text.ts';
import { perceivedAttributes, type ConvertOptions } from './types.ts';

export type RehypeConvertScriptOptions = ConvertOptions;

/** Elements whose text flows inside a sentence: they do not end a phrase. */
const phrasing = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'i',
  'ins',
  'del',
  'mark',
  'q',
  'ruby',
  'rb',
  'rp',
  'rt',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

/** Elements whose content is not prose to convert. */
const verbatim = new Set(['code', 'kbd', 'samp', 'pre', 'script', 'style', 'var', 'math', 'svg', 'template']);

/** Stands for an inline element left as written, inside a run: no phrase or pinned term matches across it. */
const gap = '\uFFFC';

/** Whether an element is marked with a language other than Chinese. */
function isOtherLanguage(element: Element): boolean {
  const { lang } = element.properties;
  return typeof lang === 'string' && lang !== '' && !lang.toLowerCase().startsWith('zh');
}

/** Whether an element's content is left exactly as written on every page. */
export function isVerbatim(element: Element): boolean {
  const { translate } = element.properties;
  return verbatim.has(element.tagName) || translate === 'no' || isOtherLanguage(element);
}

export default function rehypeConvertScript(options: RehypeConvertScriptOptions) {
  function convertRun(run: Text[]): void {
    if (run.length === 0) return;
    const converted = convertPieces(
      run.map((node) => node.value),
      options,
    );
    run.forEach((node, index) => {
      node.value = converted[index] ?? node.value;
    });
  }

  // Attributes are not the text the lost-text check measures: what a rule in a title or an alt adds or removes is
  // not counted against the body, but the texts rules and pins fix in them are noted for the guards all the same.
  const attributeOptions: RehypeConvertScriptOptions = {
    ...options,
    log: options.log === undefined ? undefined : { fixed: options.log.fixed, lengthChange: 0 },
  };

  function convertAttributes(element: Element): void {
    for (const name of perceivedAttributes) {
      const value = element.properties[name];
      if (typeof value === 'string') element.properties[name] = convertText(value, attributeOptions);
    }
  }

  /** Walks children, adding text to `run` until a block boundary ends the phrase. */
  function walk(children: (RootContent | ElementContent)[], run: Text[]): void {
    for (const child of children) {
      if (child.type === 'text') {
        run.push(child);
      } else if (child.type === 'element') {
        if (isVerbatim(child)) {
          // A word in another language inside a sentence (「<span lang="en">AUKUS</span>」) is a gap in the
          // phrase, not its end: the quotation marks around it are still one pair. The gap stops phrase matching.
          if (phrasing.has(child.tagName) && isOtherLanguage(child)) run.push({ type: 'text', value: gap });
          else convertRun(run.splice(0));
          continue;
        }
        convertAttributes(child);
        if (phrasing.has(child.tagName)) {
          walk(child.children, run);
        } else {
          convertRun(run.splice(0));
          const inner: Text[] = [];
          walk(child.children, inner);
          convertRun(inner);
        }
      }
    }
  }

  return (tree: Root): void => {
    const run: Text[] = [];
    walk(tree.children, run);
    convertRun(run);
  };
}
