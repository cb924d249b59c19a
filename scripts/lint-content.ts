/**
 * `npm run lint:content`: reports ASCII punctuation inside Chinese text in
 * every article, with file, line and column, and fails if there is any.
 */
import { glob, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { lintPunctuation } from '../src/lib/punctuation-lint.ts';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, process.env['CONTENT_DIR'] ?? 'content', 'articles');
let count = 0;
let files = 0;
for await (const name of glob('**/*.md', { cwd: dir })) {
  files += 1;
  const path = join(dir, name);
  for (const problem of lintPunctuation(await readFile(path, 'utf8'))) {
    count += 1;
    console.log(
      `${relative(root, path)}:${problem.line}:${problem.column}: ASCII "${problem.character}" in Chinese text, use "${problem.suggestion}": …${problem.context}…`,
    );
  }
}
console.log(
  count === 0 ? `Punctuation: ${files} article(s), no ASCII punctuation in Chinese text.` : `Punctuation: ${count} problem(s).`,
);
process.exitCode = count === 0 ? 0 : 1;
