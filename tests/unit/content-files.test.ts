import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { firstInvalidUtf8, listArticleFiles, readContentFile } from '../../src/content/content-files.ts';

let content: string;
let outside: string;
const read = (name: string, maxBytes = 1000) =>
  readContentFile(join(content, 'articles', name), { contentDir: content, file: `content/articles/${name}`, maxBytes });

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'content-files-'));
  content = join(root, 'content');
  outside = join(root, 'secret.md');
  await mkdir(join(content, 'articles', 'folder.md'), { recursive: true });
  await writeFile(outside, '---\nslug: x\n---\n外面的檔案');
  await writeFile(join(content, 'articles', 'plain.md'), '正文');
  await writeFile(join(content, 'articles', 'SHOUT.MD'), '正文');
  await writeFile(join(content, 'articles', 'latin1.md'), Buffer.from([0xe6, 0xad, 0xa3, 0x0a, 0x61, 0xe9, 0x62]));
  await writeFile(join(content, 'articles', 'big.md'), 'x'.repeat(2000));
  await symlink(outside, join(content, 'articles', 'leaves.md'));
  await symlink(join(content, 'articles', 'plain.md'), join(content, 'articles', 'stays.md'));
  await symlink('/dev/zero', join(content, 'articles', 'zero.md'));
  await symlink(join(content, 'articles', 'folder.md'), join(content, 'articles', 'linked-folder.md'));
  execFileSync('mkfifo', [join(content, 'articles', 'pipe.md')]);
});

describe('readContentFile', () => {
  test('a regular UTF-8 file inside the content folder is read, also through a link that stays inside', async () => {
    expect(await read('plain.md')).toEqual({ text: '正文' });
    expect(await read('stays.md')).toEqual({ text: '正文' });
  });

  test.each([
    ['leaves.md', /is a symbolic link to .*secret\.md, outside the content folder/],
    ['zero.md', /is a symbolic link to \/dev\/zero, outside the content folder/],
    ['pipe.md', /is a named pipe, not a file/],
    ['folder.md', /is a folder, not a file/],
    ['big.md', /is 0\.0 MB, over the 0\.001 MB limit/],
  ])('%s is refused, with what it is, before anything is read', async (name, message) => {
    const { problem } = await read(name);
    expect(problem?.file).toBe(`content/articles/${name}`);
    expect(problem?.message).toMatch(message);
  });

  test('bytes that are not UTF-8 are refused with the byte, its line and column, never read as U+FFFD', async () => {
    const { problem } = await read('latin1.md');
    expect(problem).toMatchObject({ line: 2, column: 2 });
    expect(problem?.message).toBe('is not UTF-8 text: byte 5 (0xe9) is not UTF-8; save the file as UTF-8');
  });
});

describe('listArticleFiles', () => {
  test('finds .md names without following links, and names the ones that cannot be articles', async () => {
    const { paths, problems } = await listArticleFiles(join(content, 'articles'), (path) => path.slice(content.length + 1));
    expect(paths.map(({ name }) => name)).toEqual([
      'big.md',
      'latin1.md',
      'leaves.md',
      'linked-folder.md',
      'pipe.md',
      'plain.md',
      'stays.md',
      'zero.md',
    ]);
    expect(problems.map(({ file, message }) => `${file}: ${message}`)).toEqual([
      'articles/SHOUT.MD: ends in ".MD": name it SHOUT.md',
      'articles/folder.md: is a folder named like an article: an article is one .md file',
    ]);
  });
});

describe('firstInvalidUtf8', () => {
  test.each([
    [[0x61, 0x62], undefined],
    [[0xe4, 0xb8, 0xad], undefined],
    [[0xf0, 0x9f, 0x99, 0x82], undefined],
    [[0x61, 0xc0, 0xaf], 1], // an overlong "/"
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0xe4, 0xb8], 0], // cut short
    [[0x80], 0], // a continuation byte alone
    [[0xff], 0],
  ])('%j → %s', (bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});

test('the fixtures’ content folder holds copies of the site’s topics and glossary, not links out of it', async () => {
  const { readFile, lstat } = await import('node:fs/promises');
  for (const name of ['topics.yaml', 'glossary.yaml']) {
    const fixture = join('tests', 'fixtures', 'content', name);
    expect((await lstat(fixture)).isSymbolicLink(), name).toBe(false);
    expect(await readFile(fixture, 'utf8'), name).toBe(await readFile(join('content', name), 'utf8'));
  }
});
