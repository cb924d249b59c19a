/** The authors' profiles file: checked with the content folder, every problem named with the file and the entry. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { formatProblem } from '../../src/content/article-check.ts';
import { checkContentFolder } from '../../src/content/content-folder.ts';

async function problemsWith(authors: string): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), 'authors-'));
  const content = join(root, 'content');
  await mkdir(join(content, 'articles'), { recursive: true });
  await writeFile(join(content, 'topics.yaml'), '- id: world-order\n  name: 世界秩序\n');
  await writeFile(join(content, 'glossary.yaml'), '[]\n');
  await writeFile(join(content, 'authors.yaml'), authors);
  await writeFile(
    join(content, 'articles', 'a.md'),
    '---\nslug: a\ntitle: 標題\nsummary: 摘要。\nauthors:\n  - name: 陳思遠\n    role: 記者\noutlet: 測試\npublished: 2025-01-01\nsourceVariant: zh-TW\ntopics: [world-order]\n---\n\n正文。\n',
  );
  const folder = await checkContentFolder({ root, contentDir: content, today: new Date('2025-06-01'), future: false });
  return folder.problems.map(formatProblem);
}

test('a profile with its name, script and biography is accepted', async () => {
  expect(await problemsWith('- name: 陳思遠\n  sourceVariant: zh-TW\n  bio: 駐台北記者。\n')).toEqual([]);
});

test('a profile without a biography, with a link that is not http(s), or a second profile of one author is refused', async () => {
  expect(
    await problemsWith(
      [
        '- name: 陳思遠',
        '  sourceVariant: zh-TW',
        '  bio: 駐台北記者。',
        '- name: 陈思远',
        '  sourceVariant: zh-CN',
        '  bio: 驻台北记者。',
        '- name: Lia',
        '  sourceVariant: zh-TW',
        '  links:',
        '    - title: 網站',
        '      url: javascript:alert(1)',
        '',
      ].join('\n'),
    ),
  ).toEqual([
    'content/authors.yaml: [2].bio: Invalid input: expected string, received undefined',
    'content/authors.yaml: [2].links[0].url: must be an http:// or https:// URL',
    'content/authors.yaml: [1].name: "陈思远" has a profile already, entry [0]',
  ]);
});
