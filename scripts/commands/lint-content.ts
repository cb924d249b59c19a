/**
 * `npm run lint:content`: every content check the build runs
 * (`checkContentFolder`, the same function the build's loader calls), with
 * the editors' lint added: ASCII punctuation inside Chinese text, and, for
 * articles written in Simplified, the review list of characters whose
 * Traditional form depends on context. Errors fail the command; the review
 * list is a list of warnings to read, and passes.
 */
import { resolve } from 'node:path';
import { readBuildOptions } from '../../src/build/options.ts';
import { formatProblem } from '../../src/content/article-check.ts';
import { checkContentFolder } from '../../src/content/content-folder.ts';

const root = resolve(import.meta.dirname, '..', '..');
// The content folder the build would read (`CONTENT_DIR`).
const { contentDir: folderName, today, future } = readBuildOptions();
const contentDir = resolve(root, folderName);
const folder = await checkContentFolder({ root, contentDir, lint: true, today, future });

for (const problem of folder.problems) console.log(`error   ${formatProblem(problem)}`);
const byFile = Map.groupBy(folder.warnings, ({ file }) => file);
for (const [file, warnings] of byFile) {
  console.log(`\n${file}: review what conversion chose (pin what is wrong with -{…}- or the glossary):`);
  for (const warning of warnings) console.log(`review  ${formatProblem(warning)}`);
}
const errors = folder.problems.length;
console.log(
  `\nContent: ${folder.files} article(s), ${errors} error(s), ${folder.warnings.length} character(s) to review.${errors === 0 ? '' : ' Fix the errors above.'}`,
);
process.exitCode = errors === 0 ? 0 : 1;
