/**
 * Refuses to publish a build that lost or mangled anything: a Simplified
 * page keeping a Traditional character (named with page and context), an
 * article body whose converted text is longer or shorter than its source,
 * a page without its twin, or an article missing from a page, feed, the
 * sitemap or a search index.
 */
import { glob, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import siteGlossary from '../../content/glossary.json' with { type: 'json' };
import { findByClass, pageText, parsePage } from '../checks/page-text.ts';
import { buildTimings } from '../lib/build-timing.ts';
import { findLeftoverTraditional } from '../checks/simplified.ts';
import { conversionEnabled } from '../lib/convert.ts';
import { findMissing } from '../checks/site.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { scripts, type Script } from '../lib/scripts.ts';
import { normaliseBase } from '../lib/urls.ts';
import { BuildError } from './build-error.ts';

/** Slugs and pinned glossary terms of the articles, read from their frontmatter. */
async function readArticles(dir: string): Promise<{ slugs: string[]; pinned: string[] }> {
  const slugs: string[] = [];
  const pinned = new Set(Object.values(siteGlossary));
  for await (const name of glob('**/*.md', { cwd: dir })) {
    const { data } = splitFrontmatter(await readFile(join(dir, name), 'utf8'));
    if (typeof data?.['slug'] === 'string') slugs.push(data['slug']);
    const glossary = data?.['glossary'];
    if (glossary && typeof glossary === 'object')
      for (const value of Object.values(glossary)) if (typeof value === 'string') pinned.add(value);
  }
  return { slugs, pinned: [...pinned] };
}

/** URLs of the pages in each language's Pagefind index (fragments are gzipped JSON after a signature). */
async function indexedUrls(site: string, base: string): Promise<Record<Script, Set<string>>> {
  const indexed: Record<Script, Set<string>> = { 'zh-hant': new Set(), 'zh-hans': new Set() };
  for await (const name of glob('pagefind/fragment/*.pf_fragment', { cwd: site })) {
    const text = gunzipSync(await readFile(join(site, name))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    const script = scripts.find((candidate) => url.startsWith(`/${candidate}/`));
    if (script) indexed[script].add(`${normaliseBase(base)}${url.slice(1)}`);
  }
  return indexed;
}

const codePoints = (text: string): number => Array.from(text).length;

export interface SiteCheckOptions {
  /** The built site folder. */
  site: string;
  base: string;
  /** The content folder (with `articles/`), absolute. */
  contentDir: string;
}

/** Every problem of a built site, one line each, and what was checked. */
export async function checkBuiltSite({
  site,
  base,
  contentDir,
}: SiteCheckOptions): Promise<{ problems: string[]; pages: number; articles: number }> {
  const { slugs, pinned } = await readArticles(join(contentDir, 'articles'));
  const problems: string[] = [];
  const pages: string[] = [];
  const bodies = new Map<string, { hant?: number; hans?: number }>();
  for await (const name of glob('**/*.html', { cwd: site })) {
    const path = `${normaliseBase(base)}${name.replace(/(^|\/)index\.html$/, '$1')}`;
    pages.push(path);
    const script = scripts.find((candidate) => name.startsWith(`${candidate}/`));
    if (script === undefined) continue;
    const tree = parsePage(await readFile(join(site, name), 'utf8'));
    if (script === 'zh-hans' && conversionEnabled) {
      for (const piece of pageText(tree, { skipLangs: ['zh-Hant'] })) {
        for (const { character, context, reason } of findLeftoverTraditional(piece, pinned)) {
          const why = reason === 'opencc' ? 'OpenCC would still convert it' : 'it is not in GB2312 nor allow-listed';
          problems.push(`${name}: Traditional character 「${character}」 in 「${context}」 (${why})`);
        }
      }
    }
    const body = findByClass(tree, 'article__body') as Element | undefined;
    if (body) {
      const key = name.slice(script.length);
      const lengths = bodies.get(key) ?? {};
      lengths[script === 'zh-hant' ? 'hant' : 'hans'] = codePoints(toString(body));
      bodies.set(key, lengths);
    }
  }
  for (const [key, { hant, hans }] of bodies) {
    if (conversionEnabled && hant !== undefined && hans !== undefined && hant !== hans) {
      problems.push(
        `zh-hans${key}: article text is ${hans} characters, its Traditional source ${hant}: text was lost or added in conversion`,
      );
    }
  }
  const read = (file: string): Promise<string> => readFile(join(site, file), 'utf8').catch(() => '');
  const sitemaps: string[] = [];
  for await (const name of glob('sitemap-*.xml', { cwd: site })) sitemaps.push(await read(name));
  problems.push(
    ...findMissing(
      {
        base,
        pages,
        feeds: { 'zh-hant': await read('zh-hant/rss.xml'), 'zh-hans': await read('zh-hans/rss.xml') },
        sitemap: sitemaps.join('\n'),
        indexed: await indexedUrls(site, base),
      },
      slugs,
    ),
  );
  return { problems, pages: pages.length, articles: slugs.length };
}

export default function publishChecks(options: { contentDir: string }): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'publish-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { problems, pages, articles } = await checkBuiltSite({
          site: fileURLToPath(dir),
          base,
          contentDir: resolve(root, options.contentDir),
        });
        if (problems.length > 0) {
          throw new BuildError(`The build stopped: ${problems.length} problem(s) in the built site.`, problems);
        }
        const elapsed = performance.now() - started;
        buildTimings()['checks'] = elapsed;
        if (!conversionEnabled) logger.warn('GUOJI_CONVERSION=off: Simplified pages were not converted (benchmark builds only).');
        logger.info(`checked ${pages} pages, ${articles} articles in ${Math.round(elapsed)} ms`);
      },
    },
  };
}
