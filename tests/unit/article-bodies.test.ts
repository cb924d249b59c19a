/**
 * The articles' rendered bodies kept beside Astro's data store
 * (`src/build/article-bodies.ts`): one file per entry digest, written whole,
 * the preview's apart from the build's, the others removed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { articleBodyFile, readArticleBody, removeOtherBodies, writeArticleBody } from '../../src/build/article-bodies.ts';
import { recordAstroCommand } from '../../src/build/state.ts';

afterEach(() => recordAstroCommand('build'));

test('each entry digest has a file of its own, the preview apart from the build; an entry without a digest has none', () => {
  recordAstroCommand('build');
  const built = articleBodyFile('/cache', 'digest-a');
  expect(dirname(built)).toBe('/cache/article-bodies');
  expect(articleBodyFile('/cache', 'digest-b')).not.toBe(built);
  recordAstroCommand('dev');
  expect(dirname(articleBodyFile('/cache', 'digest-a'))).toBe('/cache/article-bodies-preview');
  expect(() => articleBodyFile('/cache', '')).toThrow(/without a digest/);
});

test('a body is written whole, read back, named when missing, and the bodies of other entries are removed', async () => {
  const cache = await mkdtemp(join(tmpdir(), 'article-bodies-'));
  try {
    const kept = articleBodyFile(cache, 'kept');
    const old = articleBodyFile(cache, 'old');
    writeArticleBody(kept, '<p>正文</p>');
    writeArticleBody(old, '<p>舊文</p>');
    writeArticleBody(kept, '<p>新正文</p>');
    expect(readFileSync(kept, 'utf8')).toBe('<p>新正文</p>');
    expect(readdirSync(dirname(kept)).filter((name) => name.includes('partial'))).toEqual([]);
    expect(removeOtherBodies(cache, new Set([kept]))).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(readArticleBody(kept, 'content/articles/a.md')).toBe('<p>新正文</p>');
    expect(() => readArticleBody(old, 'content/articles/old.md')).toThrow(
      /^content\/articles\/old\.md: its rendered body is missing/,
    );
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
});
