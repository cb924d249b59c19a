/**
 * remark plugin: checks the inline conversion rules (`-{…}-`) of an article
 * body and reports each broken one (unclosed, nested, an unknown variant, no
 * text for a script) as an error at its line and column. The rules stay in
 * the text: `rehype-convert-script` resolves them for each page's script.
 * Code is not text: `-{` inside code is shown as written.
 */
import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { pointInText } from './positions.ts';
import { hasRuleMarker, parseRules } from '../conversion/index.ts';

export default function remarkInlineRules() {
  return (tree: Root, file: VFile): void => {
    const check = (node: Text | { value: string; position?: Text['position'] }, where: string): void => {
      if (!hasRuleMarker(node.value)) return;
      for (const problem of parseRules(node.value).problems) {
        const message = file.message(`inline rule${where}: ${problem.message}`, {
          place: pointInText(node, problem.start) ?? node.position,
          ruleId: 'inline-rule',
          source: 'guoji',
        });
        message.fatal = true;
      }
    };
    visit(tree, (node) => {
      if (node.type === 'text') check(node, '');
      else if (node.type === 'image' && node.alt) check({ value: node.alt, position: node.position }, ' in an image description');
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.title)
        check({ value: node.title, position: node.position }, ' in a link title');
    });
  };
}
