/**
 * Finds what an article's Markdown must not publish: raw HTML beyond a few
 * harmless inline tags, and links whose URL could run script. The build
 * refuses such an article and names the line, rather than silently editing
 * what the editor wrote.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

export interface SafetyProblem {
  /** 1-based line within the Markdown body. */
  line: number;
  message: string;
}

/** Inline tags an editor may write as raw HTML; none can load or run anything. */
const allowedTags = new Set(['br', 'wbr', 'sup', 'sub', 'abbr', 'ruby', 'rt', 'rp', 'mark', 'small']);
const allowedAttributes = new Set(['title', 'lang']);
const safeProtocols = new Set(['http', 'https', 'mailto']);

/** Opening tags only: a closing tag repeats what its opening tag already reported. */
const tagPattern = /<([a-zA-Z][\w:-]*)([^>]*)>/g;
const attributePattern = /([^\s=/"'<>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;

/** The scheme of a URL as a browser would read it, or `undefined` for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // Browsers drop control characters and spaces before and inside a scheme
  // ("java\tscript:"), so strip them before reading it.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  return match?.[1]?.toLowerCase();
}

function checkHtml(value: string, line: number, problems: SafetyProblem[]): void {
  const withoutComments = value.replace(/<!--[\s\S]*?-->/g, '');
  for (const [, name = '', rest = ''] of withoutComments.matchAll(tagPattern)) {
    const tag = name.toLowerCase();
    if (!allowedTags.has(tag)) {
      problems.push({ line, message: `raw HTML <${tag}> is not allowed in an article; write Markdown instead` });
      continue;
    }
    for (const [, attribute = ''] of rest.matchAll(attributePattern)) {
      if (!allowedAttributes.has(attribute.toLowerCase())) {
        problems.push({ line, message: `attribute "${attribute}" on <${tag}> is not allowed (only title and lang)` });
      }
    }
  }
}

/** Lists every unsafe construct in a Markdown body, with its line. */
export function findUnsafeMarkdown(markdown: string): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const tree = fromMarkdown(markdown);
  visit(tree, (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'html') checkHtml(node.value, line, problems);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = urlScheme(node.url);
      if (scheme !== undefined && !safeProtocols.has(scheme)) {
        problems.push({ line, message: `link to a "${scheme}:" URL is not allowed (use http, https or mailto)` });
      }
    }
  });
  return problems;
}
