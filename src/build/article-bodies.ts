/**
 * Each article's rendered body, kept by the content loader in a file of its
 * own under the build's cache (`<cache>/article-bodies/`), not in Astro's
 * data store. The data store is one document that Astro writes, bundles into
 * a module, compiles and parses again on every build, whatever changed: at
 * 20,000 articles it was 143 MB, 96 % of it the bodies, and its handling
 * took about 15 s of a one-word correction (a CPU profile of the build).
 * A body is read only where it is used: the article's page, its feed item,
 * its search part. A rebuild renders few of them.
 *
 * The file's name is a digest of the entry's digest (the article's file and
 * everything its rendering depends on), so a body is never read for an
 * entry it was not rendered for; an entry whose file is missing is rendered
 * again. The stored HTML is sanitized again where it is used
 * (`src/view/article-view.ts`), as the data store's was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isEditorPreview } from './state.ts';

/**
 * The editor's preview keeps its bodies apart from the build's: Astro keeps
 * the two data stores apart too, and each loader removes the bodies its own
 * store does not list, so a shared folder would lose each other's.
 */
const folderName = (): string => (isEditorPreview() ? 'article-bodies-preview' : 'article-bodies');

/** The file that holds the body rendered for the entry of `digest` (an entry without one is an error: it would share a file). */
export function articleBodyFile(cacheDir: string, digest: string): string {
  if (digest === '') throw new Error('an article entry without a digest has no body file of its own');
  return join(cacheDir, folderName(), `${createHash('sha256').update(digest).digest('base64url')}.html`);
}

/** Whether the body of `file` is kept. */
export function hasArticleBody(file: string): boolean {
  return existsSync(file);
}

/** Writes `html` as the body in `file`, whole or not at all: to a file beside it, then renamed over it. */
export function writeArticleBody(file: string, html: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, html);
  renameSync(partial, file);
}

/** The body kept in `file` for the article `articleFile`; an error naming both if it is gone. */
export function readArticleBody(file: string, articleFile: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${articleFile}: its rendered body is missing from the build's cache (${file}: ${error instanceof Error ? error.message : String(error)}); build again`,
    );
  }
}

/** Removes the kept bodies other than `keep` (files); returns how many. */
export function removeOtherBodies(cacheDir: string, keep: ReadonlySet<string>): number {
  const folder = join(cacheDir, folderName());
  let removed = 0;
  for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : [])
    if (entry.isFile() && !keep.has(join(folder, entry.name))) {
      rmSync(join(folder, entry.name), { force: true });
      removed += 1;
    }
  return removed;
}
