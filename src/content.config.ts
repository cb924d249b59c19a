/**
 * Content collections: the articles (one Markdown file each), the topics
 * they are filed under, the site glossary, the names table search uses and
 * the authors' profiles.
 * The content folder is an option of the build (`CONTENT_DIR` or
 * `--content`: the tests' fixtures, the benchmark's archive).
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { buildOptions } from './build/state.ts';
import { articleLoader } from './content/article-loader.ts';
import { glossaryLoader } from './content/glossary-loader.ts';
import { yamlListLoader } from './content/list-loader.ts';
import { namesLoader } from './content/names-loader.ts';
import { articleFields } from './schemas/article.ts';
import { authorProfileSchema } from './schemas/author.ts';
import { glossaryEntrySchema } from './schemas/glossary.ts';
import { nameEntrySchema } from './schemas/names.ts';
import { topicSchema } from './schemas/topic.ts';

const { contentDir } = buildOptions();

const articles = defineCollection({
  loader: articleLoader({ contentDir }),
  schema: articleFields.extend({ topics: z.array(reference('topics')).min(1) }),
});

const topics = defineCollection({
  loader: yamlListLoader({ name: 'topics-loader', file: `${contentDir}/topics.yaml`, schema: topicSchema, idOf: ({ id }) => id }),
  schema: topicSchema,
});

const glossary = defineCollection({
  loader: glossaryLoader({ file: `${contentDir}/glossary.yaml` }),
  schema: glossaryEntrySchema,
});

const names = defineCollection({
  loader: namesLoader({ file: `${contentDir}/names.yaml` }),
  schema: nameEntrySchema,
});

/** Author profiles: optional, as is every field but the name, script and biography. */
const authors = defineCollection({
  loader: yamlListLoader({
    name: 'authors-loader',
    file: `${contentDir}/authors.yaml`,
    schema: authorProfileSchema,
    optional: true,
  }),
  schema: authorProfileSchema,
});

export const collections = { articles, topics, glossary, names, authors };
