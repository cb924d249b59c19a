/**
 * Temporary copies of the two builds, laid out as an operator would deploy
 * them, with bait planted around and inside them: secret files beside the
 * copy, symbolic links out of it, a dot file, a linked 404 page. Both servers
 * serve these copies, so every probe meets the same traps.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { isPrivate } from '../../src/serving/static-site.ts';

export interface Site {
  /** `root` or `subpath`, for test names. */
  name: string;
  base: string;
  /** The base without its trailing slash: `''` or `/news`. */
  prefix: string;
  /** The folder that holds the site (`…/dist` or `…/news`), and its name. */
  dir: string;
  folder: string;
  /** nginx's root: the site folder itself at the root, its parent under a sub-path. */
  nginxRoot: string;
  /** Public files of the site (paths below the base); the planted links are not files. */
  files: string[];
}

export interface Sites {
  root: Site;
  subpath: Site;
  /** Text that must never reach a client. */
  secrets: string[];
  remove(): Promise<void>;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .filter((path) => !isPrivate(path))
    .sort();
}

async function plant(parent: string, folder: string, build: string, secrets: string[]): Promise<string> {
  const dir = join(parent, folder);
  await cp(build, dir, { recursive: true });
  const secret = (): string => {
    const text = `SECRET-${randomUUID()}`;
    secrets.push(text);
    return `${text}\n`;
  };
  // Beside the copy: names that share its prefix, the classic string-prefix containment mistake.
  await writeFile(join(parent, `${folder}-secret.txt`), secret());
  await mkdir(join(parent, `${folder}.bak`));
  await writeFile(join(parent, `${folder}.bak`, 'secret.txt'), secret());
  // Inside the copy: links out of it, a link within it, a dot file, and a twin and a 404 page that lead out.
  await symlink(`../${folder}-secret.txt`, join(dir, 'leak.txt'));
  await symlink(`../${folder}.bak`, join(dir, 'leak-dir'));
  await symlink('index.html', join(dir, 'zh-hant', 'alias.html'));
  await writeFile(join(dir, '.env'), secret());
  await rm(join(dir, 'robots.txt.gz'), { force: true });
  await symlink(`../${folder}-secret.txt`, join(dir, 'robots.txt.gz'));
  await symlink(`../../${folder}-secret.txt`, join(dir, 'zh-hant', 'articles', '404.html'));
  // A photo's published sizes, as a build of articles with photos writes them (the seed articles have none).
  await mkdir(join(dir, 'photos'), { recursive: true });
  const pixels = sharp({ create: { width: 320, height: 200, channels: 3, background: '#345' } });
  await writeFile(join(dir, 'photos', '0123456789abcdef-320.jpg'), await pixels.clone().jpeg().toBuffer());
  await writeFile(join(dir, 'photos', '0123456789abcdef-320.webp'), await pixels.clone().webp().toBuffer());
  await writeFile(join(dir, 'photos', '0123456789abcdef-320.avif'), await pixels.clone().avif().toBuffer());
  return dir;
}

/** Copies `dist/` and `.build/subpath-dist/` (both must be built) into a fresh temporary folder. */
export async function prepareSites(rootBuild: string, subpathBuild: string): Promise<Sites> {
  // nginx's disable_symlinks checks every folder of the path: the folder must be given by its real path.
  const temp = await realpath(await mkdtemp(join(tmpdir(), 'guoji-serve-')));
  const secrets: string[] = [];
  await mkdir(join(temp, 'root'));
  await mkdir(join(temp, 'sub'));
  const rootDir = await plant(join(temp, 'root'), 'dist', rootBuild, secrets);
  const subDir = await plant(join(temp, 'sub'), 'news', subpathBuild, secrets);
  return {
    root: {
      name: 'root',
      base: '/',
      prefix: '',
      dir: rootDir,
      folder: 'dist',
      nginxRoot: rootDir,
      files: await listFiles(rootDir),
    },
    subpath: {
      name: 'subpath',
      base: '/news/',
      prefix: '/news',
      dir: subDir,
      folder: 'news',
      nginxRoot: join(temp, 'sub'),
      files: await listFiles(subDir),
    },
    secrets,
    remove: () => rm(temp, { recursive: true, force: true }),
  };
}
