/**
 * Feeds the real build (`scripts/build.mjs`) a names table with bad entries:
 * the build stops with every problem, naming the file and the entry, and
 * writes nothing.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runBuild } from './run-build.ts';

const root = resolve(import.meta.dirname, '..', '..');
let work = '';

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

test('a bad names table stops the build, naming content/names.yaml and each bad entry', async () => {
  work = await mkdtemp(join(tmpdir(), 'guoji-names-'));
  const content = join(work, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  await appendFile(
    join(content, 'names.yaml'),
    [
      '- kind: person',
      '  forms: [普丁, 普大帝]',
      '- kind: person',
      // Latin words with one space between them are one name; a comma is not part of one.
      "  forms: ['Putin, Vladimir', 普京大帝]",
      '- kind: ship',
      '  forms: [遼寧艦, 辽宁舰]',
      '',
    ].join('\n'),
  );
  const out = join(work, 'out');
  const { status, output } = runBuild({ content, out, cache: join(work, 'cache') });
  expect(status).toBe(1);
  expect(output).toMatch(/names\.yaml: \[\d+\]\.forms\[0\]: 「普丁」 is already a form of entry \[0\]/);
  expect(output).toMatch(/names\.yaml: \[\d+\]\.forms\[0\]: must be one word/);
  expect(output).toMatch(/names\.yaml: \[\d+\]\.kind: must be one of person, place, organisation, word/);
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(existsSync(out)).toBe(false);
}, 90_000);
