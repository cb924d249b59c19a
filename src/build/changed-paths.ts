/**
 * The `getStaticPaths` side of incremental builds (`incremental.ts`): of a
 * route's paths, the ones to render. A path whose key is the one the last
 * site rendered it under is left out (Astro renders only what
 * `getStaticPaths` returns) and noted, so the `incremental-pages`
 * integration links its file in from the last site. In the editor's preview
 * and in builds without a last site every path is rendered.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pageFile, pageKey, routePath } from './incremental.ts';
import { incrementalPages } from './state.ts';

interface StaticPath {
  params: Readonly<Record<string, string | number | undefined>>;
  props?: unknown;
}

/** The paths of `route` (its file's route, e.g. `/[script]/articles/[slug]/`) that this build renders. */
export function changedPaths<Path extends StaticPath>(route: string, paths: Path[]): Path[] {
  const pages = incrementalPages();
  if (pages === undefined) return paths;
  return paths.filter(({ params, props }) => {
    const path = routePath(route, params);
    const key = pageKey(pages.site, path, props);
    const file = pageFile(path);
    pages.pages.set(path, { key, file });
    const before = pages.previous?.pages[path];
    // The last site must still hold the file: it is the live site, but an operator may have touched it.
    if (before?.key !== key || before.file !== file || !existsSync(join(pages.previous?.folder ?? '', file))) return true;
    pages.reused.add(path);
    return false;
  });
}
