/**
 * A digest of the code a cached result was made by: the files matching
 * `patterns` (relative to `root`) and the locked dependency versions. Part
 * of a cache key, so that a change to the code makes the result again.
 */
import { createHash } from 'node:crypto';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function sourcesDigest(root: string, patterns: readonly string[]): Promise<string> {
  const files: string[] = ['package-lock.json'];
  for (const pattern of patterns) for await (const name of glob(pattern, { cwd: root })) files.push(name);
  files.sort();
  const hash = createHash('sha256');
  for (const name of files)
    hash
      .update(name)
      .update('\u0000')
      .update(await readFile(join(root, name)).catch(() => Buffer.alloc(0)))
      .update('\u0000');
  return hash.digest('hex');
}
