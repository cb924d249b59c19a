/**
 * `npm run lint:content`: every content check the build runs
 * (`checkContentFolder`, the same function the build's loader calls), with
 * the editors' lint added: ASCII punctuation inside Chinese text, and the
 * review list of characters whose form in the other script depends on the
 * sense. Errors fail the command; the review list is a list of warnings to
 * read, and passes.
 *
 * `--format json` prints one JSON document for tools: every error and every
 * review item with file, line, column and field; a review item also has the
 * form shown, the other forms and the rule to write.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildOptions } from '../../src/build/options.ts';
import { formatProblem } from '../../src/content/article-check.ts';
import { checkContentFolder } from '../../src/content/content-folder.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
if (values.format !== 'text' && values.format !== 'json') {
  console.error(`lint:content: --format must be text or json, not "${values.format}"`);
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..', '..');
// The content folder the build would read (`CONTENT_DIR`).
const { contentDir: folderName, today, future } = readBuildOptions();
const contentDir = resolve(root, folderName);
// An archive's files are checked in a worker process per core, as the build checks them.
const workerFile = resolve(root, 'src', 'content', 'article-worker.ts');
const folder = await checkContentFolder({ root, contentDir, lint: true, today, future, workerFile });
const errors = folder.problems.length;
process.exitCode = errors === 0 ? 0 : 1;

if (values.format === 'json') {
  const place = ({ file, line, column, field }: (typeof folder.problems)[number]) => ({ file, line, column, field });
  console.log(
    JSON.stringify(
      {
        articles: folder.files,
        errors: folder.problems.map((problem) => ({ ...place(problem), message: problem.message })),
        review: folder.warnings
          .filter(({ review }) => review !== undefined)
          .map((warning) => ({ ...place(warning), ...warning.review, message: warning.message })),
        warnings: folder.warnings
          .filter(({ review }) => review === undefined)
          .map((warning) => ({ ...place(warning), message: warning.message })),
      },
      null,
      2,
    ),
  );
} else {
  for (const problem of folder.problems) console.log(`error   ${formatProblem(problem)}`);
  const byFile = Map.groupBy(folder.warnings, ({ file }) => file);
  for (const [file, warnings] of byFile) {
    console.log(`\n${file}: read what the other script's page shows (write the rule given where it is wrong):`);
    for (const warning of warnings)
      console.log(`${warning.review === undefined ? 'warning' : 'review '} ${formatProblem(warning)}`);
  }
  console.log(
    `\nContent: ${folder.files} article(s), ${errors} error(s), ${folder.warnings.length} item(s) to review.${errors === 0 ? '' : ' Fix the errors above.'}`,
  );
}
