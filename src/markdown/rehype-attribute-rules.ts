/**
 * rehype plugin: the inline rules (`-{…}-`) of the attributes a reader sees
 * or hears (a link's or an abbreviation's title, an image's description, an
 * `aria-label`), whether Markdown made the element or an editor wrote it as
 * HTML: each broken rule (unclosed, nested, an unknown variant, no text for
 * a script) is an error at the element. The rules stay in the attribute;
 * `rehype-convert-script` resolves them for each page's script.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { hasRuleMarker, parseRules, perceivedAttributes } from '../conversion/index.ts';
import { ruleReporter } from './messages.ts';

/** How an editor names each attribute. */
const described: Readonly<Record<(typeof perceivedAttributes)[number], string>> = {
  alt: 'an image description',
  title: 'a title',
  ariaLabel: 'an aria-label',
  ariaDescription: 'an aria-description',
  placeholder: 'a placeholder',
};

export default function rehypeAttributeRules() {
  return (tree: Root, file: VFile): void => {
    const report = ruleReporter(file, 'inline-rule', { fatal: true });
    visit(tree, 'element', (element) => {
      for (const name of perceivedAttributes) {
        const value = element.properties[name];
        if (typeof value !== 'string' || !hasRuleMarker(value)) continue;
        for (const problem of parseRules(value).problems)
          report(`inline rule in ${described[name]} of <${element.tagName}>: ${problem.message}`, () => element.position);
      }
    });
    report.finish();
  };
}
