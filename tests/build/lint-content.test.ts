/**
 * `npm run lint:content` reads the list files as the build does: a glossary
 * form in the wrong script, which stops the build, fails the lint too,
 * naming the file and the entry.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
let work = '';

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

const lint = (content: string) =>
  spawnSync(process.execPath, ['scripts/lint-content.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });

test('a glossary entry the build refuses fails the lint, with the file and the entry', async () => {
  work = await mkdtemp(join(tmpdir(), 'guoji-lint-'));
  const content = join(work, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  expect(lint(content).status).toBe(0);
  await appendFile(join(content, 'glossary.yaml'), '- zh-hant: 中俄關係\n  zh-hans: 中俄關係\n');
  const result = lint(content);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/glossary\.yaml: \[\d+\]\.zh-hans: 「中俄關係」 is not 简体 script/);
}, 60_000);
