/**
 * `npm run lint:content`: runs every article through the same Markdown
 * pipeline as the build, with the editors' lint added: ASCII punctuation
 * inside Chinese text, and, for articles written in Simplified, the review
 * list of characters whose Traditional form depends on context. Everything
 * the build would refuse is reported too. Errors fail the command; the
 * review list is a list of warnings to read, and passes.
 */
import { glob, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readBuildOptions } from '../../src/build/options.ts';
import { checkArticleFile, formatProblem } from '../../src/content/article-check.ts';
import { checkGlossaryForms } from '../../src/content/glossary-check.ts';
import { checkNames } from '../../src/content/names-check.ts';
import type { z } from 'astro/zod';
import { readCheckedList, type ListLoaderOptions } from '../../src/content/list-loader.ts';
import { glossaryEntrySchema } from '../../src/schemas/glossary.ts';
import { nameEntrySchema } from '../../src/schemas/names.ts';
import { topicSchema } from '../../src/schemas/topic.ts';

const root = resolve(import.meta.dirname, '..', '..');
// The content folder the build would read (`CONTENT_DIR`).
const contentDir = resolve(root, readBuildOptions().contentDir);
// The list files, read and checked as the build's loaders read them.
const readList = <T extends z.ZodType>(name: string, options: Omit<ListLoaderOptions<T>, 'name' | 'file'>) =>
  readCheckedList(join(contentDir, name), { file: relative(root, join(contentDir, name)), ...options });
const topics = await readList('topics.yaml', { schema: topicSchema, check: () => [] });
const glossary = await readList('glossary.yaml', { schema: glossaryEntrySchema, check: checkGlossaryForms });
const names = await readList('names.yaml', { schema: nameEntrySchema, check: checkNames, optional: true });
const topicIds = new Set(topics.items.map(({ id }) => id));

let errors = 0;
let warnings = 0;
let files = 0;
for (const problem of [...topics.problems, ...glossary.problems, ...names.problems]) {
  console.log(`error   ${formatProblem(problem)}`);
  errors += 1;
}
for await (const name of glob('**/*.md', { cwd: join(contentDir, 'articles') })) {
  files += 1;
  const path = join(contentDir, 'articles', name);
  const file = relative(root, path);
  const result = checkArticleFile(file, await readFile(path, 'utf8'), { topicIds, glossary: glossary.items, lint: true });
  for (const problem of result.problems) console.log(`error   ${formatProblem(problem)}`);
  if (result.warnings.length > 0)
    console.log(`\n${file}: review what conversion chose (pin what is wrong with -{…}- or the glossary):`);
  for (const warning of result.warnings) console.log(`review  ${formatProblem(warning)}`);
  errors += result.problems.length;
  warnings += result.warnings.length;
}
console.log(
  `\nContent: ${files} article(s), ${errors} error(s), ${warnings} character(s) to review.${errors === 0 ? '' : ' Fix the errors above.'}`,
);
process.exitCode = errors === 0 ? 0 : 1;
