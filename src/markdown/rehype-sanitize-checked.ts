/**
 * rehype plugin: the sanitizer, run on the whole rendered tree (raw HTML
 * already parsed in place). Whatever the schema does not allow is removed,
 * so it can never reach a page or a feed. The Markdown checks should have
 * refused it already; if the sanitizer still finds something to remove, that
 * is an error at the first place it changed, so nothing is dropped silently.
 */
import type { Element, Nodes, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isExternal } from './remark-safe-html.ts';

/** Elements in document order, described by tag and attributes, with their places. */
function elementList(tree: Nodes): { key: string; element: Element }[] {
  const list: { key: string; element: Element }[] = [];
  visit(tree, 'element', (element: Element) => {
    list.push({ key: `${element.tagName} ${JSON.stringify(element.properties)}`, element });
  });
  return list;
}

/** Removes images whose URL leaves the site: the schema's "no scheme" lets `//host/…` through. */
function dropExternalImages(tree: Root): void {
  visit(tree, 'element', (element, index, parent) => {
    if (element.tagName === 'img' && isExternal(String(element.properties['src'] ?? '')) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

/** A sanitized copy of `tree`: what the schema allows, without images from another site. `tree` is left as it was. */
export function sanitizedCopy(tree: Root, schema: Schema): Root {
  const clean = sanitize(tree, schema) as Root;
  dropExternalImages(clean);
  return clean;
}

/** The first element of `before` that `after` (its sanitized copy) removed or changed, if any (comments aside). */
export function firstChange(before: Root, after: Root): Element | undefined {
  const kept = elementList(after);
  return elementList(before).find(({ key }, index) => kept[index]?.key !== key)?.element;
}

/** Sanitizes `tree` in place and returns where it changed first, if it did. */
export function sanitizeInPlace(tree: Root, schema: Schema): Element | undefined {
  const clean = sanitizedCopy(tree, schema);
  const changed = firstChange(tree, clean);
  tree.children = clean.children;
  return changed;
}

export default function rehypeSanitizeChecked(schema: Schema) {
  return (tree: Root, file: VFile): void => {
    const changed = sanitizeInPlace(tree, schema);
    if (changed === undefined || file.messages.some((message) => message.fatal && message.ruleId === 'html')) return;
    const message = file.message(
      `<${changed.tagName}> here (or something inside it) cannot be published as written and was removed`,
      {
        place: changed.position,
        ruleId: 'html',
        source: 'guoji',
      },
    );
    message.fatal = true;
  };
}
