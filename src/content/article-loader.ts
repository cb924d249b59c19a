/**
 * Content-layer loader for `content/articles/**\/*.md`.
 *
 * Every file is read, checked and rendered by the one Markdown pipeline
 * (`checkArticleFile` → `renderArticleMarkdown`): the frontmatter is split
 * once and the body that is checked is the body that is stored. Problems in
 * all files are reported together, each naming file, line and field, before
 * anything is stored; a file changed since the last build is stored anew.
 */
import { glob, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkArticleFile, findDuplicateSlugs, type CheckedArticle, type ContentProblem } from './article-check.ts';
import { buildOptions, recordPublication } from '../build/state.ts';
import { addTime } from '../build/timing.ts';
import { sourcesDigest } from '../build/source-digest.ts';
import { decidePublication } from './publication.ts';
import { topicSchema } from '../schemas/topic.ts';
import { ContentError } from './content-error.ts';
import { readYamlList } from './yaml-list.ts';

export { ContentError } from './content-error.ts';

export interface ArticleLoaderOptions {
  /** Folder of the article Markdown files, relative to the project root. */
  base: string;
  /** YAML list of the topics articles may name, relative to the project root. */
  topicsFile: string;
}

/**
 * What the stored rendering depends on besides the article itself: the
 * pipeline's code and the locked dependency versions. Part of each entry's
 * digest, so a change to either renders every article again.
 */
const pipelineSources = ['src/{markdown,conversion,content,schemas,site}/**/*.ts'];

export function articleLoader({ base, topicsFile }: ArticleLoaderOptions): Loader {
  async function sync({ config, store, parseData, generateDigest, logger }: LoaderContext): Promise<void> {
    const root = fileURLToPath(config.root);
    const pipeline = await sourcesDigest(root, pipelineSources);
    const dir = resolve(root, base);
    const topics = await readYamlList(resolve(root, topicsFile), topicsFile, topicSchema);
    const topicIds = new Set(topics.items.map(({ id }) => id));
    const problems: ContentProblem[] = [...topics.problems];
    const checked: { article: CheckedArticle; digest: string }[] = [];
    /** Files unchanged since the entry stored for them: neither read into the pipeline again nor stored again. */
    const unchanged: { id: string; file: string; published: Date }[] = [];
    const storedByFile = new Map([...store.values()].map((entry) => [entry.filePath, entry]));
    const files: string[] = [];
    for await (const name of glob('**/*.md', { cwd: dir })) files.push(name);
    files.sort();
    if (files.length === 0) problems.push({ file: base, field: 'articles', message: 'no Markdown files found' });
    for (const name of files) {
      const file = relative(root, join(dir, name));
      const source = await readFile(join(dir, name), 'utf8');
      const digest = generateDigest(`${pipeline}\u0000${source}`);
      const stored = storedByFile.get(file);
      if (stored?.digest === digest) {
        const data = stored.data as { published: Date; topics: { id: string }[] };
        // Its checks passed when it was stored; only what lies outside the file can have changed since.
        data.topics.forEach(({ id: topic }, index) => {
          if (!topicIds.has(topic))
            problems.push({
              file,
              field: `topics[${index}]`,
              message: `unknown topic "${topic}" (add it to content/topics.yaml)`,
            });
        });
        unchanged.push({ id: stored.id, file, published: data.published });
        continue;
      }
      const result = checkArticleFile(file, source, { topicIds });
      problems.push(...result.problems);
      if (result.article) checked.push({ article: result.article, digest });
    }
    problems.push(
      ...findDuplicateSlugs([
        ...checked.map(({ article }) => ({ file: article.file, slug: article.data.slug })),
        ...unchanged.map(({ id, file }) => ({ file, slug: id })),
      ]),
    );
    if (problems.length > 0) throw new ContentError(problems);

    // What this build publishes, decided once for every phase after this one (src/build/state.ts).
    const decided = decidePublication(
      [
        ...unchanged.map(({ id, file, published }) => ({ slug: id, file, published })),
        ...checked.map(({ article }) => ({ slug: article.data.slug, file: article.file, published: article.data.published })),
      ],
      buildOptions(),
    );
    for (const { file, published } of decided.heldBack) logger.info(`${file} is dated ${published}: held back until then`);
    const publish = new Set(decided.articles.map(({ slug }) => slug));
    for (const { article, digest } of checked) {
      const id = article.data.slug;
      if (!publish.has(id)) continue;
      const data = await parseData({ id, data: article.raw, filePath: article.file });
      // The Markdown body is not kept: the rendered HTML is what every page uses.
      store.set({
        id,
        data,
        filePath: article.file,
        digest,
        rendered: { html: article.html, metadata: { headings: article.headings, hanCharacters: article.hanCharacters } },
      });
    }
    for (const id of store.keys()) if (!publish.has(id)) store.delete(id);
    recordPublication(decided);
  }

  return {
    name: 'article-loader',
    load: async (context) => {
      const started = performance.now();
      await sync(context);
      addTime('content', performance.now() - started);
      const dir = resolve(fileURLToPath(context.config.root), base);
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(dir) && !path.endsWith(topicsFile)) return;
        sync(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}
