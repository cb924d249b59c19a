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
import { ruleReporter } from './messages.ts';
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
    const report = ruleReporter(file, 'inline-rule', { fatal: true });
    const check = (
      node: Text | { value: string; position?: Text['position'] },
      where: string,
      closedAfterMarkup: () => boolean = () => false,
    ): void => {
      if (!hasRuleMarker(node.value)) return;
      let closed: boolean | undefined;
      for (const problem of parseRules(node.value).problems) {
        // Asked once per node: the siblings after it are read once, however many rules it leaves open.
        if (problem.message === unclosedRule) closed ??= closedAfterMarkup();
        const reason = problem.message === unclosedRule && closed === true ? ruleHoldsMarkup : problem.message;
        report(`inline rule${where}: ${reason}`, () => pointInText(node, problem.start) ?? node.position);
      }
    };
    /** Per parent, whether some child after position i holds a `}-`: one backward pass over each parent's children. */
    const closesAfter = new WeakMap<object, boolean[]>();
    const closedLater = (parent: { children: Nodes[] }, index: number): boolean => {
      let flags = closesAfter.get(parent);
      if (flags === undefined) {
        flags = Array<boolean>(parent.children.length).fill(false);
        for (let at = parent.children.length - 2; at >= 0; at--)
          flags[at] = (flags[at + 1] ?? false) || holdsRuleClose(parent.children[at + 1] as Nodes);
        closesAfter.set(parent, flags);
      }
      return flags[index] ?? false;
    };
    visit(tree, (node, index, parent) => {
      // Rules in attributes (a title, an image's description) are checked on the HTML tree: rehype-attribute-rules.ts.
      if (node.type === 'text') check(node, '', () => (parent === undefined ? false : closedLater(parent, index ?? 0)));
    });
    report.finish();
  };
}
