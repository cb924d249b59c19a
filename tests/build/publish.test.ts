/**
 * Publishing is atomic: the real build (`scripts/build.mjs`) is killed at
 * several points, including between the two renames that swap the new site
 * in, and the output folder is a whole site afterwards (or, for the instant
 * between the renames, restored whole by the next build's repair). Killed
 * builds leave nothing behind that the next one does not clean up, and two
 * builds at once do not interleave.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const slug = 'china-russia-no-limits-2022';
let work: string;
let content: string;
let out: string;

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  CONTENT_DIR: content,
  ASTRO_CACHE_DIR: join(work, 'cache'),
  LOG_LEVEL: 'silent',
  ...extra,
});

function build(extra: Record<string, string> = {}, args: string[] = []) {
  return spawnSync(process.execPath, ['scripts/build.mjs', '--out', out, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: env(extra),
  });
}

/** Starts a build that stops at `step`, and resolves once it is there. */
function buildPausedAt(step: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, env: env({ BUILD_PAUSE_AT: step }) });
  return new Promise((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`paused at ${step}`)) done(child);
    });
    child.on('exit', (code) => fail(new Error(`the build ended (${code}) before ${step}:\n${output}`)));
  });
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    child.on('exit', () => done());
    child.kill('SIGKILL');
  });

/** The headline of the article as the output folder holds it, or `undefined` if the folder is not a whole site. */
async function wholeSite(dir: string): Promise<string | undefined> {
  for (const file of [
    'index.html',
    '_headers',
    'sitemap-index.xml',
    'pagefind/zh-hant/pagefind.js',
    'zh-hant/index.html',
    'zh-hans/index.html',
  ])
    if (!existsSync(join(dir, file))) return undefined;
  const page = await readFile(join(dir, 'zh-hant', 'articles', slug, 'index.html'), 'utf8').catch(() => '');
  // The headline's text: its clauses and words are wrapped in markup for line breaking.
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page)?.[1]?.replace(/<[^>]*>/g, '');
}

const setTitle = async (title: string): Promise<void> => {
  const file = join(content, 'articles', `${slug}.md`);
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
};

const leftovers = async (): Promise<string[]> =>
  (await readdir(join(work, '.build')).catch(() => [] as string[])).filter((name) => /^(next|previous)-/.test(name));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'guoji-publish-'));
  content = join(work, 'content');
  out = join(work, 'site');
  await cp(join(root, 'content'), content, { recursive: true });
  await setTitle('甲版標題');
  expect(build().status).toBe(0);
  expect(await wholeSite(out)).toBe('甲版標題');
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a build killed on its way leaves a whole site', () => {
  test('killed while Astro builds: the old site stays, the half-built copy is cleaned up next time', async () => {
    await setTitle('乙版標題');
    const child = spawn(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, env: env() });
    await new Promise((done) => setTimeout(done, 1500));
    await killed(child);
    expect(await wholeSite(out)).toBe('甲版標題');
    expect(build({}, ['--repair']).status).toBe(0);
    expect(await leftovers()).toEqual([]);
  }, 60_000);

  test('killed with the new site staged: the old site stays', async () => {
    await setTitle('乙版標題');
    await killed(await buildPausedAt('staged'));
    expect(await wholeSite(out)).toBe('甲版標題');
    expect((await leftovers()).some((name) => name.startsWith('next-'))).toBe(true);
    expect(build({}, ['--repair']).status).toBe(0);
    expect(await leftovers()).toEqual([]);
    expect(await wholeSite(out)).toBe('甲版標題');
  }, 60_000);

  test('killed between the two renames: no half site; the next build puts the old one back first', async () => {
    await setTitle('乙版標題');
    await killed(await buildPausedAt('between-renames'));
    // The instant between the renames: the output folder is absent, the old whole site is kept aside.
    expect(existsSync(out)).toBe(false);
    const repair = build({}, ['--repair']);
    expect(repair.status).toBe(0);
    expect(repair.stdout).toContain('put the previous site back');
    expect(await wholeSite(out)).toBe('甲版標題');
    expect(await leftovers()).toEqual([]);
  }, 60_000);

  test('killed after the swap: the new whole site is in place, the old copy is cleaned up next time', async () => {
    await setTitle('乙版標題');
    await killed(await buildPausedAt('published'));
    expect(await wholeSite(out)).toBe('乙版標題');
    expect(build({}, ['--repair']).status).toBe(0);
    expect(await leftovers()).toEqual([]);
  }, 60_000);
});

describe('two builds at once', () => {
  test('the second waits for the first: they do not interleave', async () => {
    await setTitle('丙版標題');
    const first = await buildPausedAt('staged');
    const second = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out, '--repair'], {
      cwd: root,
      encoding: 'utf8',
      env: env(),
      timeout: 3000,
    });
    // While the first holds the lock, the second only waits (and is stopped here by the timeout).
    expect(second.stdout).toContain('Waiting for another build');
    await killed(first);
    expect(build().status).toBe(0);
    expect(await wholeSite(out)).toBe('丙版標題');
    expect(await leftovers()).toEqual([]);
  }, 90_000);
});
