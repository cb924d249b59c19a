/**
 * The articles, topics and site glossary of the content collections, as the
 * pages use them: plain `ArticleInput`s, newest first, read once per build.
 */
import { getCollection } from 'astro:content';
import { articleBodyFile, readArticleBody } from '../build/article-bodies.ts';
import { buildOptions, isEditorPreview } from '../build/state.ts';
import { articleGlossary, convertText, type Glossary } from '../conversion/index.ts';
import { scripts, type Script } from '../site/scripts.ts';
import { topicNameVariant } from '../schemas/topic.ts';
import type { ArticleInput } from '../view/article-view.ts';
import { newestFirst } from '../site/order.ts';
import { authorKey } from '../content/author-key.ts';
import type { AuthorProfile } from '../schemas/author.ts';

import type { Topic } from '../view/archive.ts';

export type { Topic } from '../view/archive.ts';

export interface SiteContent {
  articles: ArticleInput[];
  topics: Topic[];
  /** The site's pinned terms, in the order of `content/glossary.yaml`. */
  glossary: Glossary;
  /** Authors' profiles by the key of their page (`src/content/author-key.ts`). */
  profiles: ReadonlyMap<string, AuthorProfile>;
}

let loaded: Promise<SiteContent> | undefined;

/**
 * `fields` with its body, read from the build's cache each time it is asked
 * for (`src/build/article-bodies.ts`): most of a rebuild's pages show an
 * article's card, not its body, and the articles are kept for the whole
 * build, so a body kept once read would stay in memory to the end (at
 * 50,000 articles, a quarter of a gigabyte) for one more small read per
 * script. Not enumerable, so that copying an article's fields (a card's)
 * never reads it.
 */
function withBody(fields: Omit<ArticleInput, 'html'>, read: () => string): ArticleInput {
  return Object.defineProperty(fields, 'html', { get: read, enumerable: false }) as ArticleInput;
}

async function load(): Promise<SiteContent> {
  const [entries, topicEntries, glossaryEntries, profileEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('topics'),
    getCollection('glossary'),
    getCollection('authors'),
  ]);
  const glossary = [...glossaryEntries].sort((a, b) => Number(a.id) - Number(b.id)).map(({ data }) => data);
  const names = (name: string): Record<Script, string> =>
    Object.fromEntries(
      scripts.map((script) => [script, convertText(name, { from: topicNameVariant, to: script, glossary })]),
    ) as Record<Script, string>;
  const topics = topicEntries.map(({ data }) => ({ id: data.id, names: names(data.name) }));
  const topicNames = new Map(topics.map((topic) => [topic.id, topic.names]));
  const { cacheDir } = buildOptions();
  const articles = entries.map(({ id, digest, data, rendered, filePath }): ArticleInput => {
    const file = filePath ?? `${id}.md`;
    // Each body file is named by its entry's digest: without one, the article would have no body of its own.
    if (digest === undefined) throw new Error(`${file}: its entry in the content cache has no digest; build again`);
    const bodyFile = articleBodyFile(cacheDir, String(digest));
    return withBody(
      {
        ...data,
        slug: id,
        file,
        digest: String(digest),
        glossary: articleGlossary({
          own: data.glossary,
          names: data.authors.map(({ name }) => name),
          variant: data.sourceVariant,
          site: glossary,
        }),
        topics: data.topics.map(({ id: topic }) => ({ id: topic, names: topicNames.get(topic) ?? names(topic) })),
        bodyFile,
        headings: (rendered?.metadata?.['headings'] as ArticleInput['headings'] | undefined) ?? [],
        hanCharacters: Number(rendered?.metadata?.['hanCharacters'] ?? 0),
        photos: (rendered?.metadata?.['photos'] as ArticleInput['photos'] | undefined) ?? {},
      },
      () => readArticleBody(bodyFile, file),
    );
  });
  const profiles = new Map(profileEntries.map(({ data }) => [authorKey(data.name, data.sourceVariant, glossary), data] as const));
  return { articles: newestFirst(articles), topics, glossary, profiles };
}

/** Every article, newest first, every topic and the site glossary; cached for the build (not in dev, where content changes). */
export function siteContent(): Promise<SiteContent> {
  if (isEditorPreview()) return load();
  loaded ??= load();
  return loaded;
}
