/**
 * rehype plugin: an article body must be text, in what a reader sees and in
 * every attribute: a control character or a noncharacter written as a
 * character reference (`&#12;`, `&#xFFFE;`) or inside raw HTML is an error
 * at its place (the raw characters themselves are refused before parsing,
 * `src/content/article-check.ts`). XML 1.0 forbids most of them, so one in a
 * body would make every feed that carries it unreadable.
 */
import type { Root } from 'hast';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { describeForbidden, forbiddenCharacters } from '../site/text-characters.ts';
import { ruleReporter } from './messages.ts';
import { pointInText } from './positions.ts';

export default function rehypeTextCharacters() {
  return (tree: Root, file: VFile): void => {
    const report = ruleReporter(file, 'text-characters', { fatal: true });
    const fail = (reason: string, place: Point | Position | undefined): void => report(reason, () => place);
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment') {
        for (const found of forbiddenCharacters(node.value))
          report(
            `holds ${describeForbidden(found)}, which no page or feed may carry: delete it`,
            () => pointInText(node, found.index) ?? node.position,
          );
        return;
      }
      if (node.type !== 'element') return;
      for (const [name, value] of Object.entries(node.properties)) {
        const values = Array.isArray(value) ? value : [value];
        for (const part of values) {
          if (typeof part !== 'string') continue;
          const [found] = forbiddenCharacters(part);
          if (found !== undefined)
            fail(
              `the ${name} of <${node.tagName}> holds ${describeForbidden(found)}, which no page or feed may carry: delete it`,
              node.position,
            );
        }
      }
    });
    report.finish();
  };
}
