/**
 * `npm run lint:content`: runs every article through the same Markdown
 * pipeline as the build, with the editors' lint added: ASCII punctuation
 * inside Chinese text, and, for articles written in Simplified, the review
 * list of characters whose Traditional form depends on context. Everything
 * the build would refuse is reported too. Errors fail the command; the
 * review list is a list of warnings to read, and passes.
 */
import './check-runtime.mjs';
import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import * as yaml from 'js-yaml';
import { checkArticleFile, formatProblem } from '../src/checks/content.ts';
import { checkNames } from '../src/checks/names.ts';
import { glossarySchema } from '../src/schemas/glossary.ts';
import { nameEntrySchema } from '../src/schemas/names.ts';
import { topicSchema } from '../src/schemas/topic.ts';

const root = resolve(import.meta.dirname, '..');
const contentDir = resolve(root, process.env['CONTENT_DIR'] ?? 'content');
const readYaml = async (name: string): Promise<unknown> => yaml.load(await readFile(join(contentDir, name), 'utf8'));
const topicIds = new Set(
  topicSchema
    .array()
    .parse(await readYaml('topics.yaml'))
    .map(({ id }) => id),
);
const glossary = glossarySchema.parse(await readYaml('glossary.yaml'));

let errors = 0;
let warnings = 0;
let files = 0;
// The names table search uses: the same checks as the build.
const namesFile = relative(root, join(contentDir, 'names.yaml'));
const names = nameEntrySchema.array().safeParse(existsSync(join(contentDir, 'names.yaml')) ? await readYaml('names.yaml') : []);
const nameProblems = names.success
  ? checkNames(names.data)
  : names.error.issues.map((issue) => ({
      field: issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join(''),
      message: issue.message,
    }));
for (const problem of nameProblems) console.log(`error   ${formatProblem({ file: namesFile, ...problem })}`);
errors += nameProblems.length;
for await (const name of glob('**/*.md', { cwd: join(contentDir, 'articles') })) {
  files += 1;
  const path = join(contentDir, 'articles', name);
  const file = relative(root, path);
  const result = checkArticleFile(file, await readFile(path, 'utf8'), { topicIds, glossary, lint: true });
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
