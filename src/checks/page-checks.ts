/**
 * The checks of one built page or feed, pure so that they can run on worker
 * threads: the character guards of its script, ids used twice, an article
 * body holding what no article may publish (`published-html.ts`, a list of
 * its own) or less text than its conversion produced.
 */
import type { Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { langTag, scripts, type Script } from '../site/scripts.ts';
import { feedItems } from './feeds.ts';
import { findByClass, pageText, parseFragment, parsePage } from './page-text.ts';
import { disallowedMarkup } from './published-html.ts';
import { guardText, type GuardProblem } from './script-guard.ts';

export interface PageCheckContext {
  /**
   * Texts rules and pins fixed, per script: the guards let them stand. A set
   * is read as it is when a page is checked (the checks as Astro writes the
   * pages, `during-render.ts`, add to it as the render goes).
   */
  fixed: Readonly<Record<string, readonly string[] | ReadonlySet<string>>>;
  /** Run the character guards (off only for benchmark builds without conversion). */
  guards: boolean;
}

/**
 * Ids used more than once on a page: a heading would take the place of the
 * page's own element. A plain walk, not `unist-util-visit`: that one copies
 * the list of ancestors at every element, which made this check a third of
 * the time of checking a page.
 */
function duplicateIds(tree: Root): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const id = node.properties['id'];
      if (typeof id === 'string') {
        if (seen.has(id)) duplicates.add(id);
        seen.add(id);
      }
      walk(node.children);
    }
  };
  walk(tree.children);
  return [...duplicates];
}

const describe = ({ found, reason, context }: GuardProblem, script: Script): string =>
  reason === 'rule marker'
    ? `inline rule marker "${found}" left in 「${context}」`
    : `${reason} 「${found}」 of another script than ${script} in 「${context}」`;

const fixedSets = new WeakMap<PageCheckContext, Map<Script, ReadonlySet<string>>>();

/** The texts rules and pins fixed on a script's pages, as a set made once per context (a batch of pages). */
function fixedTexts(context: PageCheckContext, script: Script): ReadonlySet<string> {
  const given = context.fixed[script];
  if (given instanceof Set) return given;
  let byScript = fixedSets.get(context);
  if (byScript === undefined) fixedSets.set(context, (byScript = new Map()));
  let fixed = byScript.get(script);
  if (fixed === undefined) byScript.set(script, (fixed = new Set(given ?? [])));
  return fixed;
}

/** The script of a page, from its path inside the site (`zh-hans/…`). */
export const scriptOfPage = (name: string): Script | undefined => scripts.find((candidate) => name.startsWith(`${candidate}/`));

/** Every problem of one built page (`name` relative to the site), one line each. */
export function checkPage(
  name: string,
  html: string,
  expectedBodyLength: number | undefined,
  context: PageCheckContext,
): string[] {
  const script = scriptOfPage(name);
  if (script === undefined) return [];
  const problems: string[] = [];
  const tree = parsePage(html);
  if (context.guards) {
    const fixed = fixedTexts(context, script);
    for (const piece of pageText(tree, { lang: langTag(script) }))
      for (const problem of guardText(piece, script, fixed)) problems.push(`${name}: ${describe(problem, script)}`);
  }
  for (const id of duplicateIds(tree)) problems.push(`${name}: the id "${id}" is used more than once`);
  const body = findByClass(tree, 'article__body');
  const unsafe = body === undefined ? undefined : disallowedMarkup(body);
  if (unsafe !== undefined) problems.push(`${name}: the article body holds ${unsafe}, which no article may publish`);
  if (expectedBodyLength !== undefined && body !== undefined) {
    const length = Array.from(toString(body)).length;
    if (length !== expectedBodyLength)
      problems.push(
        `${name}: the article body has ${length} characters of text, its conversion ${expectedBodyLength}: text was lost or added`,
      );
  }
  return problems;
}

/** Every problem of a script's feed (`file` relative to the site). */
export function checkFeed(file: string, script: Script, xml: string, context: PageCheckContext): string[] {
  const problems: string[] = [];
  const fixed = fixedTexts(context, script);
  for (const item of feedItems(xml)) {
    const fragment = parseFragment(item.html);
    const unsafe = disallowedMarkup(fragment);
    if (unsafe !== undefined)
      problems.push(`${file} (${item.link}): the item's text holds ${unsafe}, which no article may publish`);
    // Readers render a description as HTML: it must be text once rendered, never markup.
    const description = parseFragment(item.descriptionHtml);
    if (description.children.some((node) => node.type !== 'text'))
      problems.push(`${file} (${item.link}): the item's description holds markup, where readers expect the summary as text`);
    if (!context.guards) continue;
    for (const piece of [...item.texts, ...pageText(description), ...pageText(fragment, { lang: langTag(script) })])
      for (const problem of guardText(piece, script, fixed))
        problems.push(`${file} (${item.link}): ${describe(problem, script)}`);
  }
  return problems;
}
