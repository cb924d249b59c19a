/**
 * After Astro has written the pages it rendered: the pages `changedPaths`
 * left out are linked in from the last site, with the facts the publish
 * checks need of them (`incremental.ts`), and the new site's manifest is
 * written. Runs before anything reads the built folder (the sitemap, the
 * index, the checks, the compressed twins).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { scripts } from '../site/scripts.ts';
import { articleKey } from '../site/urls.ts';
import { manifestFile, type PageManifest } from './incremental.ts';
import { linkOrCopy } from './reuse-files.ts';
import { incrementalPages, noteBodyLength, noteFixedTexts, publicationIfDecided, renderedFacts } from './state.ts';

export interface ReusedPagesReport {
  /** Pages rendered by this build, and taken from the last site. */
  rendered: number;
  reused: number;
  /** The paths of the pages taken, for the sitemap. */
  reusedPaths: string[];
  /** Scripts and styles of the last site its pages name that this build did not make again. */
  keptAssets: number;
}

/** Links the unchanged pages into `site`, notes their facts, and writes the manifest. */
export async function takeReusedPages(site: string): Promise<ReusedPagesReport> {
  const pages = incrementalPages();
  if (pages === undefined) return { rendered: 0, reused: 0, reusedPaths: [], keptAssets: 0 };
  const { previous, reused } = pages;
  let keptAssets = 0;
  if (previous !== undefined && reused.size > 0) {
    await Promise.all(
      [...reused].map(async (path) => {
        const file = pages.pages.get(path)?.file ?? '';
        await mkdir(dirname(join(site, file)), { recursive: true });
        await linkOrCopy(join(previous.folder, file), join(site, file));
      }),
    );
    // Same code, so the same bundled scripts and styles: any the bundler named otherwise this time stay for the taken pages.
    const assets = join(previous.folder, '_astro');
    for (const name of await readdir(assets).catch(() => [] as string[])) {
      // Their compressed twins are made again (or taken) with every other file's.
      if (/\.(br|gz)$/.test(name) || existsSync(join(site, '_astro', name))) continue;
      await mkdir(join(site, '_astro'), { recursive: true });
      await linkOrCopy(join(assets, name), join(site, '_astro', name));
      keptAssets += 1;
    }
    const published = new Set((publicationIfDecided()?.articles ?? []).map(({ slug }) => slug));
    const rendered = renderedFacts();
    for (const script of scripts) {
      for (const [source, texts] of Object.entries(previous.fixed[script] ?? {})) {
        // An article's texts carry over when its page was taken (so the article is unchanged); a profile's always (site content).
        const slug = source.startsWith('article:') ? source.slice('article:'.length) : undefined;
        const taken = slug === undefined || (published.has(slug) && reused.has(`/${script}/${articleKey(slug)}`));
        if (taken) noteFixedTexts(script, texts, source);
      }
    }
    for (const path of reused) {
      const key = path.slice(1);
      const length = previous.bodyLengths[key];
      if (length !== undefined && !rendered.bodyLengths.has(key)) noteBodyLength(key, length);
    }
  }
  const rendered = renderedFacts();
  const manifest: PageManifest = {
    version: 1,
    site: pages.site,
    pages: Object.fromEntries(pages.pages),
    bodyLengths: Object.fromEntries(rendered.bodyLengths),
    fixed: Object.fromEntries(
      scripts.map((script) => [
        script,
        Object.fromEntries([...rendered.fixedBySource[script]].map(([source, texts]) => [source, [...texts].sort()])),
      ]),
    ),
  };
  await writeFile(join(site, manifestFile), JSON.stringify(manifest));
  return { rendered: pages.pages.size - reused.size, reused: reused.size, reusedPaths: [...reused], keptAssets };
}

/** The set `linkedPageFiles` last made, and from which paths: the index, the checks and the twins each ask for it. */
let linkedFiles: { from: ReadonlySet<string>; size: number; files: ReadonlySet<string> } | undefined;

/** The files of the pages this build linked from the last site (none before the pages are written, or without one). */
export function linkedPageFiles(): ReadonlySet<string> {
  const pages = incrementalPages();
  if (pages === undefined) return new Set();
  // Made once per set of linked pages (124,000 at 50,000 articles), not once per phase that asks.
  if (linkedFiles?.from !== pages.reused || linkedFiles.size !== pages.reused.size)
    linkedFiles = {
      from: pages.reused,
      size: pages.reused.size,
      files: new Set([...pages.reused].map((path) => pages.pages.get(path)?.file ?? '')),
    };
  return linkedFiles.files;
}

/**
 * Appends to `addresses` the full address of each page path (`/zh-hant/…`)
 * under `root`, one at a time: a spread of 100,000 arguments and more
 * overflows the call stack, and an archive of 50,000 articles takes 124,000
 * pages from its last build.
 */
export function addPageAddresses(addresses: string[], paths: Iterable<string>, root: URL): void {
  for (const path of paths) addresses.push(new URL(path.slice(1), root).href);
}
