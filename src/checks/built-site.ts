/**
 * The publish checks over a built site folder: every page and every feed
 * item passes the character guards of its script, every article body holds
 * all the text its conversion produced, every page has its twins, and every
 * article is in the pages, feeds, sitemap and search indexes.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isPublished } from '../lib/publication.ts';
import { langTag, scripts, type Script } from '../lib/scripts.ts';
import { storedHtmlSchema } from '../markdown/html-policy.ts';
import { sanitizeInPlace } from '../markdown/rehype-sanitize-checked.ts';
import { normaliseBase } from '../lib/urls.ts';
import { splitFrontmatter } from '../markdown/frontmatter.ts';
import { feedItems } from './feeds.ts';
import { findByClass, pageText, parseFragment, parsePage } from './page-text.ts';
import type { RenderedFacts } from './rendered-facts.ts';
import { guardText, type GuardProblem } from './script-guard.ts';
import { findMissing } from './site.ts';

/** Slugs of the articles, read from their frontmatter: the list of what must be published. */
async function readSlugs(dir: string): Promise<string[]> {
  const slugs: string[] = [];
  for await (const name of glob('**/*.md', { cwd: dir })) {
    const { data } = splitFrontmatter(await readFile(join(dir, name), 'utf8'));
    const published = typeof data?.['published'] === 'string' ? new Date(`${data['published']}T00:00:00Z`) : undefined;
    // An article dated in the future is held back by the build, and must not be published yet.
    if (typeof data?.['slug'] === 'string' && (published === undefined || isPublished(published))) slugs.push(data['slug']);
  }
  return slugs;
}

/** URLs of the pages in each language's Pagefind index (fragments are gzipped JSON after a signature). */
async function indexedUrls(site: string, base: string): Promise<Record<Script, Set<string>>> {
  const indexed = Object.fromEntries(scripts.map((script) => [script, new Set<string>()])) as Record<Script, Set<string>>;
  for await (const name of glob('pagefind/fragment/*.pf_fragment', { cwd: site })) {
    const text = gunzipSync(await readFile(join(site, name))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    const script = scripts.find((candidate) => url.startsWith(`/${candidate}/`));
    if (script) indexed[script].add(`${normaliseBase(base)}${url.slice(1)}`);
  }
  return indexed;
}

/** Ids used more than once on a page: a heading would take the place of the page's own element. */
function duplicateIds(tree: Root): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  visit(tree, 'element', (element: Element) => {
    const id = element.properties['id'];
    if (typeof id !== 'string') return;
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  });
  return [...duplicates];
}

/** The first element of article HTML that the sanitizer would remove or change, if any. */
function unsafeElement(html: Root | Element): string | undefined {
  const copy: Root = structuredClone(html.type === 'root' ? html : { type: 'root', children: html.children });
  const changed = sanitizeInPlace(copy, storedHtmlSchema);
  return changed === undefined ? undefined : `<${changed.tagName}>`;
}

const describe = ({ found, reason, context }: GuardProblem, script: Script): string =>
  reason === 'rule marker'
    ? `inline rule marker "${found}" left in 「${context}」`
    : `${reason} 「${found}」 of another script than ${script} in 「${context}」`;

export interface SiteCheckOptions {
  /** The built site folder. */
  site: string;
  base: string;
  /** The content folder (with `articles/`), absolute. */
  contentDir: string;
  facts: RenderedFacts;
  /** Run the character guards (off only for benchmark builds without conversion). */
  guards: boolean;
}

/** Every problem of a built site, one line each, and what was checked. */
export async function checkBuiltSite({
  site,
  base,
  contentDir,
  facts,
  guards,
}: SiteCheckOptions): Promise<{ problems: string[]; pages: number; articles: number }> {
  const slugs = await readSlugs(join(contentDir, 'articles'));
  const problems: string[] = [];
  const pages: string[] = [];
  for await (const name of glob('**/*.html', { cwd: site })) {
    const path = `${normaliseBase(base)}${name.replace(/(^|\/)index\.html$/, '$1')}`;
    pages.push(path);
    const script = scripts.find((candidate) => name.startsWith(`${candidate}/`));
    if (script === undefined) continue;
    const tree = parsePage(await readFile(join(site, name), 'utf8'));
    if (guards) {
      for (const piece of pageText(tree, { lang: langTag(script) }))
        for (const problem of guardText(piece, script, facts.fixed[script]))
          problems.push(`${name}: ${describe(problem, script)}`);
    }
    for (const id of duplicateIds(tree)) problems.push(`${name}: the id "${id}" is used more than once`);
    const expected = facts.bodyLengths.get(name.replace(/index\.html$/, ''));
    const body = findByClass(tree, 'article__body');
    const unsafe = body === undefined ? undefined : unsafeElement(body);
    if (unsafe !== undefined) problems.push(`${name}: the article body holds ${unsafe}, which no article may publish`);
    if (expected !== undefined && body !== undefined) {
      const length = Array.from(toString(body)).length;
      if (length !== expected)
        problems.push(
          `${name}: the article body has ${length} characters of text, its conversion ${expected}: text was lost or added`,
        );
    }
  }
  const feeds = {} as Record<Script, string>;
  for (const script of scripts) {
    const file = `${script}/rss.xml`;
    feeds[script] = await readFile(join(site, file), 'utf8').catch(() => '');
    for (const item of feedItems(feeds[script])) {
      const fragment = parseFragment(item.html);
      const unsafe = unsafeElement(fragment);
      if (unsafe !== undefined)
        problems.push(`${file} (${item.link}): the item's text holds ${unsafe}, which no article may publish`);
      if (!guards) continue;
      for (const piece of [...item.texts, ...pageText(fragment, { lang: langTag(script) })])
        for (const problem of guardText(piece, script, facts.fixed[script]))
          problems.push(`${file} (${item.link}): ${describe(problem, script)}`);
    }
  }
  const sitemaps: string[] = [];
  for await (const name of glob('sitemap-*.xml', { cwd: site })) sitemaps.push(await readFile(join(site, name), 'utf8'));
  problems.push(
    ...findMissing({ base, pages, feeds, sitemap: sitemaps.join('\n'), indexed: await indexedUrls(site, base) }, slugs),
  );
  return { problems, pages: pages.length, articles: slugs.length };
}
