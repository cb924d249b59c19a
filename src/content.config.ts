/**
 * Content collections: the articles (one Markdown file each) and the topics
 * they are filed under. `CONTENT_DIR` points the build at another content
 * folder (the tests' malformed articles, the benchmark's generated archive).
 */
import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchema, topicSchema } from './lib/article-schema.ts';
import { articleLoader } from './loaders/article-loader.ts';

const contentDir = process.env['CONTENT_DIR'] ?? 'content';

const articles = defineCollection({
  loader: articleLoader({ base: `${contentDir}/articles`, topicsFile: `${contentDir}/topics.yaml` }),
  schema: articleSchema.extend({ topics: z.array(reference('topics')).min(1) }),
});

const topics = defineCollection({
  loader: file(`${contentDir}/topics.yaml`),
  schema: topicSchema,
});

export const collections = { articles, topics };
