/**
 * `node scripts/corpus.ts --count 400 --out .build/archive-content [--first 2025-01-01] [--last 2026-06-30]`:
 * writes a generated archive (scripts/bench/corpus.ts) into a content folder
 * for tests and measurements. It refuses to write into `content/`: no
 * generated article ever goes there.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../bench/corpus.ts';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    out: { type: 'string' },
    first: { type: 'string' },
    last: { type: 'string' },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  console.error('usage: node scripts/corpus.ts --count <N> --out <folder> [--first YYYY-MM-DD] [--last YYYY-MM-DD]');
  process.exit(2);
}
const out = resolve(root, values.out);
const fromContent = relative(resolve(root, 'content'), out);
if (fromContent === '' || (!fromContent.startsWith('..') && !isAbsolute(fromContent))) {
  console.error(`refusing to write a generated archive into content/ (${values.out})`);
  process.exit(2);
}
try {
  await writeCorpus(out, count, {
    contentDir: resolve(root, 'content'),
    ...(values.first && { first: values.first }),
    ...(values.last && { last: values.last }),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(`Wrote ${count} generated articles to ${relative(root, out)}/`);
