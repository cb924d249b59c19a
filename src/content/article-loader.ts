/**
 * Content-layer loader for the articles, and the content check of the whole
 * folder (`checkContentFolder`): every article file, the topics, glossary and
 * names files, and the checks across files. Problems in all files are
 * reported together, each naming file, line and field, before the data
 * store is touched (each body goes to the cache as its file passes). Each file is read once and checked by the one Markdown pipeline;
 * a file unchanged since the entry stored for it is not run through it
 * again. What the build publishes is decided here, once
 * (`publication.ts`), for every later phase.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  buildOptions,
  editorReport,
  isEditorPreview,
  recordEditorReport,
  recordPhotos,
  recordPublication,
  type ContentProblem,
  type PhotoToPublish,
} from '../build/state.ts';
import type { PhotoFacts } from '../site/photos.ts';
import { articleBodyFile, hasArticleBody, removeOtherBodies, writeArticleBody } from '../build/article-bodies.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import { addTime } from '../build/timing.ts';
import type { Glossary } from '../conversion/index.ts';
import type { SourceVariant } from '../site/scripts.ts';
import { ContentError } from './content-error.ts';
import { checkContentFolder, type ArticleSummary } from './content-folder.ts';
import { decidePublication } from './publication.ts';

export { ContentError } from './content-error.ts';

export interface ArticleLoaderOptions {
  /** The content folder, relative to the project root. */
  contentDir: string;
}

/**
 * What the stored rendering depends on besides the article itself: the
 * pipeline's code and the locked dependency versions. Part of each entry's
 * digest, so a change to either renders every article again.
 */
const pipelineSources = ['src/{markdown,conversion,content,schemas,site}/**/*.ts'];

/**
 * The names, sizes and times of the files of `content/images/`: part of
 * each entry's digest, so an article whose photo changed or went missing is
 * checked again, though its own file did not change.
 */
async function imagesListing(dir: string): Promise<string> {
  const names = await readdir(dir).catch(() => []);
  const lines = await Promise.all(
    names.sort().map(async (name) => {
      const stats = await stat(join(dir, name)).catch(() => undefined);
      return `${name}\u0000${stats?.size ?? -1}\u0000${stats?.mtimeMs ?? -1}`;
    }),
  );
  return lines.join('\n');
}

/** What an entry stored by an earlier build holds of its frontmatter (after the collection's schema). */
interface StoredData {
  slug?: string;
  published: Date;
  updated?: Date;
  sourceVariant: SourceVariant;
  authors: { name: string }[];
  topics: { id: string }[];
  glossary: Glossary;
}

/**
 * In `npm run dev`, what the editor's preview shows: the folder's errors and
 * every file's review list. A file unchanged since the last check keeps the
 * review list it had (it was not run through the pipeline again).
 */
function reportToEditor(folder: Awaited<ReturnType<typeof checkContentFolder>>): void {
  const checkedFiles = new Set(folder.checked.map(({ article }) => article.file));
  const kept = new Set([...checkedFiles, ...folder.reused.map(({ file }) => file)]);
  const warnings = new Map<string, readonly ContentProblem[]>();
  for (const [file, previous] of editorReport()?.warnings ?? []) if (kept.has(file) && !checkedFiles.has(file)) warnings.set(file, previous);
  for (const file of checkedFiles) warnings.set(file, []);
  for (const warning of folder.warnings) warnings.set(warning.file, [...(warnings.get(warning.file) ?? []), warning]);
  const articles = new Map([
    ...folder.checked.map(({ article }) => [article.data.slug, { file: article.file, variant: article.data.sourceVariant }] as const),
    ...folder.reused.map(({ slug, file, sourceVariant }) => [slug, { file, variant: sourceVariant }] as const),
  ]);
  recordEditorReport({ problems: folder.problems, warnings, articles });
}

/** Every photo the stored (published) articles show, once each. */
function photosOf(entries: Iterable<{ rendered?: { metadata?: Record<string, unknown> } }>, imagesDir: string): PhotoToPublish[] {
  const byDigest = new Map<string, PhotoToPublish>();
  for (const entry of entries) {
    const photos = (entry.rendered?.metadata?.['photos'] ?? {}) as Record<string, PhotoFacts>;
    for (const [name, facts] of Object.entries(photos)) byDigest.set(facts.digest, { path: join(imagesDir, name), ...facts });
  }
  return [...byDigest.values()];
}

export function articleLoader({ contentDir }: ArticleLoaderOptions): Loader {
  async function sync({ config, store, parseData, generateDigest, logger }: LoaderContext): Promise<void> {
    // The dev server also lists what to review, so that the preview can show it.
    const preview = isEditorPreview();
    const root = fileURLToPath(config.root);
    const pipeline = `${await sourcesDigest(root, pipelineSources)}\u0000${await imagesListing(resolve(root, contentDir, 'images'))}`;
    const digestOf = (source: string): string => generateDigest(`${pipeline}\u0000${source}`);
    const storedByFile = new Map([...store.values()].map((entry) => [entry.filePath, entry]));
    const { today, future, cacheDir } = buildOptions();
    const bodyFileOf = (source: string): string => articleBodyFile(cacheDir, digestOf(source));
    const folder = await checkContentFolder({
      root,
      today,
      future,
      contentDir: resolve(root, contentDir),
      review: preview,
      // Run as plain Node in worker processes (`checkContentFolder`).
      workerFile: resolve(root, 'src', 'content', 'article-worker.ts'),
      // Each body is written as its article passes its checks, not held until the folder has: a body file is
      // named by the entry's digest, so one written for a build the folder's problems then stop is never read
      // for another entry, and the next build that passes removes it.
      setAside: (article, source) => {
        const digest = digestOf(source);
        writeArticleBody(articleBodyFile(cacheDir, digest), article.html);
        return digest;
      },
      reuse: (file, source): ArticleSummary | undefined => {
        const stored = storedByFile.get(file);
        // An entry whose body file is gone is rendered again.
        if (stored?.digest !== digestOf(source) || !hasArticleBody(bodyFileOf(source))) return undefined;
        const data = stored.data as unknown as StoredData;
        return {
          file,
          slug: stored.id,
          published: data.published,
          updated: data.updated,
          sourceVariant: data.sourceVariant,
          authors: data.authors,
          topics: data.topics.map(({ id }) => id),
          glossary: data.glossary,
        };
      },
    });
    if (preview) reportToEditor(folder);
    if (folder.problems.length > 0) throw new ContentError(folder.problems);

    // What this build publishes, decided once for every phase after this one (src/build/state.ts).
    const decided = decidePublication(
      [
        ...folder.reused,
        ...folder.checked.map(({ article }) => ({ slug: article.data.slug, file: article.file, published: article.data.published })),
      ],
      buildOptions(),
    );
    for (const { file, published } of decided.heldBack) logger.info(`${file} is dated ${published}: held back until then`);
    const publish = new Set(decided.articles.map(({ slug }) => slug));
    for (const { article, kept: digest, photos } of folder.checked) {
      const id = article.data.slug;
      if (!publish.has(id)) continue;
      // `article` is a copy, not slices of the file's text (`checkContentFolder`): the store lasts the whole build.
      const data = await parseData({ id, data: article.raw, filePath: article.file });
      // The Markdown body is not kept: the rendered HTML is what every page uses, kept in a file of its own
      // (`article-bodies.ts`, written as the article was checked), so the data store holds only what every build reads.
      store.set({
        id,
        data,
        filePath: article.file,
        digest,
        rendered: {
          html: '',
          metadata: { headings: article.headings, hanCharacters: article.hanCharacters, photos },
        },
      });
    }
    for (const id of store.keys()) if (!publish.has(id)) store.delete(id);
    removeOtherBodies(cacheDir, new Set([...store.values()].map(({ digest }) => articleBodyFile(cacheDir, String(digest)))));
    recordPublication(decided);
    recordPhotos(photosOf(store.values(), resolve(root, contentDir, 'images')));
  }

  return {
    name: 'article-loader',
    load: async (context) => {
      const started = performance.now();
      await sync(context);
      addTime('content', performance.now() - started);
      const dir = resolve(fileURLToPath(context.config.root), contentDir);
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(dir)) return;
        sync(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}
