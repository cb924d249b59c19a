/**
 * remark plugin: checks the inline conversion rules (`-{…}-`) of an article
 * body and reports each broken one (unclosed, nested, an unknown variant, no
 * text for a script) as an error at its line and column. The rules stay in
 * the text: `rehype-convert-script` resolves them for each page's script.
 * Code is not text: `-{` inside code is shown as written.
 */
import type { Nodes, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { pointInText } from './positions.ts';
import { hasRuleMarker, parseRules, unclosedRule } from '../conversion/index.ts';

/** Whether a node's text holds the `}-` that closes a rule. */
function holdsRuleClose(node: Nodes): boolean {
  if ('value' in node && node.value.includes('}-')) return true;
  return 'children' in node && node.children.some((child) => holdsRuleClose(child));
}

/** A rule closed only after markup: HTML, emphasis, a link or code split its text. */
const ruleHoldsMarkup =
  'the rule opened by "-{" holds markup (HTML, emphasis, a link or code) before its "}-": a rule holds plain text only';

export default function remarkInlineRules() {
  return (tree: Root, file: VFile): void => {
    const check = (
      node: Text | { value: string; position?: Text['position'] },
      where: string,
      closedAfterMarkup: () => boolean = () => false,
    ): void => {
      if (!hasRuleMarker(node.value)) return;
      for (const problem of parseRules(node.value).problems) {
        const reason = problem.message === unclosedRule && closedAfterMarkup() ? ruleHoldsMarkup : problem.message;
        const message = file.message(`inline rule${where}: ${reason}`, {
          place: pointInText(node, problem.start) ?? node.position,
          ruleId: 'inline-rule',
          source: 'guoji',
        });
        message.fatal = true;
      }
    };
    visit(tree, (node, index, parent) => {
      if (node.type === 'text')
        check(node, '', () => parent?.children.slice((index ?? 0) + 1).some((sibling) => holdsRuleClose(sibling)) ?? false);
      else if (node.type === 'image' && node.alt) check({ value: node.alt, position: node.position }, ' in an image description');
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.title)
        check({ value: node.title, position: node.position }, ' in a link title');
    });
  };
}
