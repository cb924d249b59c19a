/**
 * Content-layer loader for `content/articles/**\/*.md`.
 *
 * Astro's own `glob()` loader lets an impossible date through (js-yaml turns
 * 2025-02-30 into 2 March), only warns about a duplicate slug and prints stack
 * traces. This loader globs the same files, checks all of them first with
 * `checkArticleFile`, and stops the build with one message per problem,
 * naming file, line and field, before anything is stored or rendered.
 */
import { glob, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import * as yaml from 'js-yaml';
import siteGlossary from '../../content/glossary.json' with { type: 'json' };
import { glossarySchema, topicSchema } from '../lib/article-schema.ts';
import {
  checkArticleFile,
  findDuplicateSlugs,
  formatProblem,
  type CheckedArticle,
  type ContentProblem,
} from '../lib/content-check.ts';

/** A content error the editor can act on: printed as its message, without a stack. */
export class ContentError extends Error {
  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`The build stopped: the content has ${count}.\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
    this.name = 'ContentError';
    this.stack = this.message;
  }
}

export interface ArticleLoaderOptions {
  /** Folder of the article Markdown files, relative to the project root. */
  base: string;
  /** YAML list of the topics articles may name, relative to the project root. */
  topicsFile: string;
}

async function readTopicIds(path: string, file: string): Promise<{ ids: Set<string>; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  let list: unknown;
  try {
    list = yaml.load(await readFile(path, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ids: new Set(), problems: [{ file, field: 'topics', message: `cannot be read: ${reason}` }] };
  }
  const ids = new Set<string>();
  (Array.isArray(list) ? list : []).forEach((item, index) => {
    const parsed = topicSchema.safeParse(item);
    if (parsed.success) ids.add(parsed.data.id);
    else problems.push({ file, field: `[${index}]`, message: parsed.error.issues.map((issue) => issue.message).join('; ') });
  });
  return { ids, problems };
}

export function articleLoader({ base, topicsFile }: ArticleLoaderOptions): Loader {
  async function sync({ config, store, parseData, renderMarkdown, generateDigest }: LoaderContext): Promise<void> {
    const root = fileURLToPath(config.root);
    const dir = resolve(root, base);
    const topics = await readTopicIds(resolve(root, topicsFile), topicsFile);
    const problems: ContentProblem[] = [...topics.problems];
    const glossary = glossarySchema.safeParse(siteGlossary);
    if (!glossary.success) {
      for (const issue of glossary.error.issues)
        problems.push({ file: 'content/glossary.json', field: issue.path.join('.'), message: issue.message });
    }
    const checked: { article: CheckedArticle; path: string; source: string }[] = [];
    const files: string[] = [];
    for await (const name of glob('**/*.md', { cwd: dir })) files.push(name);
    files.sort();
    if (files.length === 0) problems.push({ file: base, field: 'articles', message: 'no Markdown files found' });
    for (const name of files) {
      const path = join(dir, name);
      const file = relative(root, path);
      const source = await readFile(path, 'utf8');
      const result = checkArticleFile(file, source, topics.ids);
      problems.push(...result.problems);
      if (result.article) checked.push({ article: result.article, path, source });
    }
    problems.push(...findDuplicateSlugs(checked.map(({ article }) => article)));
    if (problems.length > 0) throw new ContentError(problems);

    const stale = new Set(store.keys());
    for (const { article, path, source } of checked) {
      const id = article.data.slug;
      stale.delete(id);
      const digest = generateDigest(source);
      if (store.get(id)?.digest === digest) continue;
      // Rendered from the whole normalised file so Astro strips the frontmatter itself.
      const normalised = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      const rendered = await renderMarkdown(normalised, { fileURL: pathToFileURL(path) });
      const data = await parseData({ id, data: article.raw, filePath: path });
      store.set({ id, data, body: article.body, filePath: article.file, digest, rendered });
    }
    for (const id of stale) store.delete(id);
  }

  return {
    name: 'article-loader',
    load: async (context) => {
      await sync(context);
      const dir = resolve(fileURLToPath(context.config.root), base);
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(dir) && !path.endsWith(topicsFile)) return;
        sync(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}
