/**
 * The shape of `src/`, read from its imports: folders stacked in the order
 * of the pipeline, each importing only from the folders below it; no import
 * circles; browser code that imports nothing of Node or of the build; the
 * environment read in one module and the build's shared state kept in one.
 * A failure names the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

/**
 * The floors, from the ground up: a module may import from its own folder
 * and from folders listed before it, never from one after it.
 */
const floors = [
  'site', // the script registry, URLs, dates, order of lists: imports nothing else in src/
  'i18n', // interface strings per script
  'search', // search logic the browser runs (and the build reuses)
  'serving', // headers, content types, request paths, nginx configuration
  'build', // options, the build state, timing, digests, reused files
  'schemas', // zod schemas of the content files
  'conversion', // script conversion
  'markdown', // the one Markdown pipeline and its check plugins
  'content', // loaders and content checks, what is published
  'view', // what pages show: article views, archive, feeds, headlines
  'data', // the collections as pages read them
  'indexer', // the search data and the Pagefind index, at build time
  'checks', // publish checks over the built site
  'client', // browser code
  'components',
  'layouts',
  'pages',
  'integrations', // thin hooks over the floors below
] as const;

/** Folders whose modules may run in the browser: nothing of Node or the build below them. */
const browserFloors = new Set(['site', 'i18n', 'search', 'client']);

interface Import {
  /** The imported module, relative to the project root (`src/site/urls.ts`), or the bare specifier. */
  target: string;
  typeOnly: boolean;
  /** Inside an Astro component's `<script>`: runs in the browser. */
  browser: boolean;
}

interface Module {
  path: string;
  imports: Import[];
  source: string;
}

function filesUnder(dir: string, extensions = /\.(ts|astro)$/): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

const importPattern =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path: string, code: string, browser: boolean): Import[] {
  const found: Import[] = [];
  for (const match of code.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4] ?? '';
    const target = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(path), specifier)) : specifier;
    found.push({ target, typeOnly: match[2] !== undefined, browser });
  }
  return found;
}

function readModule(path: string): Module {
  const source = readFileSync(join(root, path), 'utf8');
  if (!path.endsWith('.astro')) return { path, source, imports: importsOf(path, source, false) };
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  return {
    path,
    source,
    imports: [...importsOf(path, frontmatter, false), ...scripts.flatMap((code) => importsOf(path, code, true))],
  };
}

const modules = new Map(filesUnder(src).map((path) => [path, readModule(path)]));
const local = (target: string): boolean => target.startsWith('src/');

/** The floor of a module: its first folder under src/ (`content.config.ts` belongs to the content floor). */
function floorOf(path: string): number {
  const folder = path === 'src/content.config.ts' ? 'content' : (path.split('/')[1] ?? '');
  return floors.indexOf(folder as (typeof floors)[number]);
}

describe('folders by phase', () => {
  test('every module of src/ lives in a folder of a known floor', () => {
    const homeless = [...modules.keys()].filter((path) => floorOf(path) === -1);
    expect(homeless).toEqual([]);
  });

  test('no import runs back up a floor', () => {
    const upward: string[] = [];
    for (const { path, imports } of modules.values())
      for (const { target } of imports) if (local(target) && floorOf(target) > floorOf(path)) upward.push(`${path} → ${target}`);
    expect(upward).toEqual([]);
  });

  test('the ground floor imports nothing else in src/', () => {
    const out = [...modules.values()]
      .filter(({ path }) => path.startsWith('src/site/'))
      .flatMap(({ path, imports }) =>
        imports
          .filter(({ target }) => local(target) && !target.startsWith('src/site/'))
          .map(({ target }) => `${path} → ${target}`),
      );
    expect(out).toEqual([]);
  });

  test('every relative import names a module that exists', () => {
    const missing = [...modules.values()].flatMap(({ path, imports }) =>
      imports
        .filter(({ target }) => local(target) && /\.(ts|astro)$/.test(target) && !modules.has(target))
        .map(({ target }) => `${path} → ${target}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('no import circles', () => {
  test('the value imports between modules form no cycle', () => {
    // Type-only imports are erased before anything runs; the cycles that matter are between running modules.
    const edges = new Map(
      [...modules.values()].map(({ path, imports }) => [
        path,
        imports.filter(({ target, typeOnly }) => !typeOnly && modules.has(target)).map(({ target }) => target),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (path: string): void => {
      state.set(path, 'visiting');
      stack.push(path);
      for (const next of edges.get(path) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(path, 'done');
    };
    for (const path of edges.keys()) if (!state.has(path)) visit(path);
    expect(cycles).toEqual([]);
  });
});

describe('browser code', () => {
  /** Every module the browser loads: client/ and components' scripts, and all they import. */
  function browserModules(): Set<string> {
    const reached = new Set<string>();
    const queue = [
      ...[...modules.keys()].filter((path) => path.startsWith('src/client/')),
      ...[...modules.values()].flatMap(({ imports }) => imports.filter(({ browser }) => browser).map(({ target }) => target)),
    ];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      if (reached.has(path) || !modules.has(path)) continue;
      reached.add(path);
      for (const { target, typeOnly } of modules.get(path)?.imports ?? []) if (!typeOnly) queue.push(target);
    }
    return reached;
  }

  test('the browser loads modules of the browser floors only', () => {
    const reached = [...browserModules()];
    expect(reached.length).toBeGreaterThan(10);
    expect(reached.filter((path) => !browserFloors.has(path.split('/')[1] ?? ''))).toEqual([]);
  });

  test('no browser module imports a Node built-in or a package', () => {
    const imports = [...browserModules()].flatMap((path) =>
      (modules.get(path)?.imports ?? []).filter(({ target }) => !local(target)).map(({ target }) => `${path} → ${target}`),
    );
    expect(imports).toEqual([]);
  });
});

describe('one place each', () => {
  const outside = (pattern: RegExp, allowed: string): string[] =>
    [...filesUnder(src), ...filesUnder(join(root, 'scripts'), /\.(ts|mjs)$/), 'astro.config.ts']
      .filter((path) => path !== allowed && pattern.test(readFileSync(join(root, path), 'utf8')))
      .sort();

  test('only the options module reads the environment', () => {
    expect(outside(/process\.env\b/, 'src/build/options.ts')).toEqual([]);
  });

  test('only the build state module keeps anything on globalThis', () => {
    expect(outside(/globalThis/, 'src/build/state.ts')).toEqual([]);
  });

  test('the options module and the state module are where those rules say', () => {
    // The rules above would pass vacuously if the modules moved: they must exist and do their job.
    expect(readFileSync(join(src, 'build', 'options.ts'), 'utf8')).toMatch(/process\.env/);
    expect(readFileSync(join(src, 'build', 'state.ts'), 'utf8')).toMatch(/globalThis/);
    expect(dirname('src/build/options.ts')).toBe('src/build');
  });
});
