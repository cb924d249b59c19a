/**
 * Page-level incremental builds: a build renders only the pages whose inputs
 * changed since the site it replaces, and takes the others from that site.
 *
 * A page's inputs are what it is given and what every page is given:
 * - its route and its `getStaticPaths` props, with each article in them
 *   standing for its digest (the content loader's, over the file, its photos
 *   and the Markdown pipeline's code): the article itself, its neighbours
 *   and related articles, a list page's members and counts;
 * - the site digest: every file of the code (src/, the Astro configuration,
 *   public/, the locked dependencies), every content file other than the
 *   articles (topics, glossary, names, authors: shown on many pages), and
 *   the options that shape pages. Any change to one of them renders every
 *   page again.
 *
 * So a page may only show what its props and the site digest cover: the
 * pages read the archive in `getStaticPaths`, never in their bodies (the
 * site-wide content they read there is in the site digest). Pages that do
 * not go through `changedPaths` are rendered on every build.
 *
 * What a build rendered and what it took is written beside its pages
 * (`.pages`, a dot file: never served), with the facts the publish checks
 * need of each page (an article body's text length, the texts a rule or pin
 * fixed), so that a page taken from the last site is checked as if rendered.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Script } from '../site/scripts.ts';
import type { BuildOptions } from './options.ts';
import { sourcesDigest } from './source-digest.ts';

/** Where a site lists its pages' keys and facts. */
export const manifestFile = '.pages';

export interface PageManifest {
  version: 1;
  /** The site digest the pages were rendered under. */
  site: string;
  /** Each incremental page by its path (without the base): its key and the file it is. */
  pages: Record<string, { key: string; file: string }>;
  /** The text length of each article page's body (by page key, `zh-hant/articles/x/`). */
  bodyLengths: Record<string, number>;
  /** Per script and source (`article:<slug>`, `profile:<name>`): texts a rule or pin fixed. */
  fixed: Partial<Record<Script, Record<string, string[]>>>;
}

/** The code every page is made by (with package-lock.json, always in a sources digest). */
const codeSources = ['src/**/*', 'public/**/*', 'astro.config.ts', 'package.json', 'tsconfig.json'];

/** Options that never change what a page holds: where things are written, how much is said. */
const optionsOutsidePages = new Set<keyof BuildOptions>([
  'root',
  'cacheDir',
  'contentDir',
  'today',
  'debug',
  'quiet',
  'timingsFile',
  'pauseAt',
  'previousSite',
  // When the pages are checked and compressed, not what they hold.
  'checkDuringRenderFrom',
]);

/** The content files every page may show (everything but the articles and the photos they carry in their digests). */
async function siteContentFiles(contentDir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      const name = relative(contentDir, path);
      if (name === 'articles' || name === 'images') continue;
      if (entry.isDirectory()) await walk(path);
      else files.push(name);
    }
  };
  await walk(contentDir);
  return files.sort();
}

/** The digest of everything every page depends on. */
export async function siteDigest(options: BuildOptions, contentDir: string): Promise<string> {
  const hash = createHash('sha256').update(await sourcesDigest(options.root, codeSources));
  for (const name of await siteContentFiles(contentDir))
    hash
      .update(`\u0000${name}\u0000`)
      .update(await readFile(join(contentDir, name)))
      .update('\u0000');
  const shaping = Object.entries(options).filter(([name]) => !optionsOutsidePages.has(name as keyof BuildOptions));
  return hash.update(JSON.stringify(shaping)).digest('hex');
}

/** An article in a page's props, as its key sees it: its slug and digest (its text is in the digest). */
const isArticle = (value: unknown): value is { slug: string; digest: string; html: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { slug?: unknown }).slug === 'string' &&
  typeof (value as { digest?: unknown }).digest === 'string' &&
  // Whether it has a body, not the body: a built article reads its body only when asked (`src/data/articles.ts`).
  'html' in value;

/** The key of a page: the site digest, its path and its props (each article standing for its digest). */
export function pageKey(site: string, path: string, props: unknown): string {
  const json = JSON.stringify(props ?? null, (_name, value: unknown) =>
    isArticle(value) ? `article ${value.slug} ${value.digest}` : value,
  );
  return createHash('sha256').update(site).update(`\u0000${path}\u0000`).update(json).digest('base64url');
}

/** A route's path for its params: `/[script]/articles/[slug]/` with `{ script, slug }`; an absent rest param drops out. */
export function routePath(route: string, params: Readonly<Record<string, string | number | undefined>>): string {
  return route
    .replace(/\[(\.\.\.)?(\w+)\]\/?/g, (_match, rest: string | undefined, name: string) => {
      const value = params[name];
      if (value === undefined || value === '') {
        if (rest === undefined) throw new Error(`the route ${route} needs the param ${name}`);
        return '';
      }
      return `${value}/`;
    })
    .replace(/\/+$/, route.endsWith('/') ? '/' : '');
}

/** The file a page path is written to (`trailingSlash: 'always'`, `build.format: 'preserve'`). */
export function pageFile(path: string): string {
  const name = path.replace(/^\/+/, '');
  return name === '' || name.endsWith('/') ? `${name}index.html` : name;
}

/** The manifest of the site at `site`, if it has one this code can read. */
export async function readManifest(site: string | undefined): Promise<PageManifest | undefined> {
  if (site === undefined) return undefined;
  try {
    const manifest = JSON.parse(await readFile(join(site, manifestFile), 'utf8')) as PageManifest;
    return manifest.version === 1 && typeof manifest.pages === 'object' ? manifest : undefined;
  } catch {
    return undefined;
  }
}
