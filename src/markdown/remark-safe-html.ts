/**
 * remark plugin: what an editor writes that the site will not publish, as an
 * error at its line: raw HTML beyond the editor's inline tags and their
 * attributes, a link to a scheme other than http, https or mailto, and an
 * image from another host. Raw HTML is read by a real HTML parser (parse5),
 * not a pattern, so a comment ended early (`<!-->`), a quoted `>` inside an
 * attribute or a block spread over lines is seen as a browser would see it.
 */
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, Root } from 'mdast';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { editorAttributeAllowed, editorTags, linkProtocols } from './html-policy.ts';

/** The scheme of a URL as a browser would read it, or `undefined` for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // Browsers drop control characters and spaces before and inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  return match?.[1]?.toLowerCase();
}

/** Whether a URL leaves this site: it has a scheme, or starts with two slashes (either way round). */
export function isExternal(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return urlScheme(url) !== undefined || /^[\\/]{2}/.test(compact);
}

const attributeName = (property: string): string => find(html, property).attribute;

/** Every element of a raw HTML fragment, with its place relative to the fragment's start. */
function rawElements(value: string): Element[] {
  const tree: HastRoot = fromHtml(value, { fragment: true });
  const elements: Element[] = [];
  visit(tree, 'element', (element: Element) => void elements.push(element));
  return elements;
}

export default function remarkSafeHtml() {
  return (tree: Root, file: VFile): void => {
    const fail = (reason: string, place: Point | Nodes['position'] | undefined): void => {
      const message = file.message(reason, { place, ruleId: 'html', source: 'guoji' });
      message.fatal = true;
    };
    visit(tree, (node: Nodes) => {
      if (node.type === 'html') {
        const start = node.position?.start;
        for (const element of rawElements(node.value)) {
          const inner = element.position?.start;
          const place =
            start && inner
              ? { line: start.line + inner.line - 1, column: inner.line === 1 ? start.column + inner.column - 1 : inner.column }
              : start;
          const tag = element.tagName;
          if (!Object.hasOwn(editorTags, tag)) {
            const photo = ['figure', 'img', 'picture', 'figcaption'].includes(tag)
              ? ': a photo is ![what it shows](name.jpg) on a line of its own, its file in content/images/ and its caption and credit under figures:'
              : ` (allowed: ${Object.keys(editorTags).join(', ')})`;
            fail(`raw HTML <${tag}> is not allowed in an article; write Markdown instead${photo}`, place);
            continue;
          }
          for (const [property, value] of Object.entries(element.properties)) {
            const attribute = attributeName(property);
            const text = Array.isArray(value) ? value.join(' ') : String(value);
            if (!editorAttributeAllowed(tag, attribute, text))
              fail(
                `attribute "${attribute}" on <${tag}> is not allowed (<${tag}> takes ${(editorTags[tag] ?? []).join(', ') || 'no attributes'})`,
                place,
              );
          }
        }
      }
      if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
        const scheme = urlScheme(node.url);
        if (node.type === 'image' && isExternal(node.url))
          fail(
            scheme === undefined || scheme === 'http' || scheme === 'https'
              ? `image from another site (${node.url}) is not allowed: it would make every reader's browser ask that host`
              : `image with a "${scheme}:" URL is not allowed: an image must be a file of this site`,
            node.position,
          );
        else if (scheme !== undefined && !(linkProtocols as readonly string[]).includes(scheme))
          fail(`link to a "${scheme}:" URL is not allowed (use ${linkProtocols.join(', ')})`, node.position);
      }
    });
  };
}
