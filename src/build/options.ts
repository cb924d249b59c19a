/**
 * Every setting the project takes from outside: the build's environment
 * variables and command-line flags, and the few ports and program paths of
 * the tools around it (server, benchmark, browser tests). Read here and
 * nowhere else, validated with zod, each with its default; a bad value stops
 * the command with one line per value saying what to write instead.
 *
 * The build reads its options once: `scripts/commands/build.ts` parses the
 * flags and the environment with `readBuildOptions`, keeps the result in its
 * build state (`state.ts`) and sends a copy to Astro's process, whose
 * integrations, content loaders and pages find it there (`buildOptions()`). Run without the
 * build command (`astro dev`, `astro check`, a unit test), the environment
 * alone is read, on first use.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';

/** Empty variables count as unset: `SITE_BASE= npm run build` means the default. */
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

/** A whole number within bounds, from an environment variable or a flag. */
const count = (min: number, max: number, example: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: `must be a whole number, such as ${example}` })
      .int(`must be a whole number, such as ${example}`)
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .optional(),
  );

const flag = (meaning: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], { error: `must be 1 or 0 (${meaning})` })
      .transform((value) => ['1', 'true', 'on', 'yes'].includes(value))
      .optional(),
  );

const text = z.preprocess(unsetIfEmpty, z.string().optional());

/** A real calendar day written YYYY-MM-DD, as UTC midnight. */
const day = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD, such as 2026-06-30')
    .transform((value, context) => {
      const date = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        context.addIssue({ code: 'custom', message: 'is not a real calendar day' });
        return z.NEVER;
      }
      return date;
    })
    .optional(),
);

/** The path the site is served under: `/`, or a plain path such as `/news/` (a missing slash is added). */
const basePath = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .transform((value) => `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
    .refine(
      (value) => /^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(value) && !/\/\.\.?\//.test(value),
      'must be a plain path such as /news/ (letters, digits, . _ ~ -)',
    )
    .optional(),
);

const siteUrl = z.preprocess(
  unsetIfEmpty,
  z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address, such as https://news.example.org' })
    .refine((value) => {
      const url = new URL(value);
      return url.pathname === '/' && url.search === '' && url.hash === '';
    }, 'must be the origin only, such as https://news.example.org (set a sub-path with SITE_BASE)')
    .transform((value) => new URL(value).origin)
    .optional(),
);

/** Steps of the atomic publish where the tests can stop a build (`scripts/build/publish.ts`). */
export const pauseSteps = ['staged', 'between-renames', 'published'] as const;

/**
 * A program this machine can run, if given. Pagefind's Node API reads
 * `PAGEFIND_BINARY_PATH` itself when its service starts; a path to nothing
 * would only be found after the whole render, as Pagefind's stack trace.
 */
const program = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .refine(
      (path) => {
        try {
          accessSync(path, constants.X_OK);
          return statSync(path).isFile();
        } catch {
          return false;
        }
      },
      { error: 'must be a program this machine can run (Pagefind’s extended binary); unset, the one npm installed is used' },
    )
    .optional(),
);

/** The build's environment variables, each with what it sets. Flags of the build command override them. */
const buildEnvironment = z.object({
  /** The origin of the published site: canonical links, feeds, sitemap. */
  SITE_URL: siteUrl,
  /** The path the site is served under. */
  SITE_BASE: basePath,
  /** Addresses per sitemap file before it splits (the protocol allows 50,000). */
  SITEMAP_ENTRY_LIMIT: count(1, 50_000, 45_000),
  /** The content folder (articles/, topics.yaml, glossary.yaml, names.yaml). */
  CONTENT_DIR: text,
  /** Astro's content cache. */
  ASTRO_CACHE_DIR: text,
  /** The day the build treats as today: later articles are held back. */
  BUILD_TODAY: day,
  /** Publish articles dated later than today too. */
  BUILD_FUTURE: flag('1 publishes articles dated later than today'),
  /** `off` builds pages without script conversion: only to measure what conversion costs. */
  GUOJI_CONVERSION: z.preprocess(
    unsetIfEmpty,
    z.enum(['on', 'off'], { error: 'must be on or off (off only to measure what conversion costs)' }).optional(),
  ),
  /** Most article pages in one search bundle. */
  SEARCH_BUNDLE_PAGES: count(1, 100_000, 500),
  /** Pagefind's binary, instead of the one npm installed (read by Pagefind; checked here). */
  PAGEFIND_BINARY_PATH: program,
  /** Articles from which the pages are checked and compressed as Astro writes them (the tests set it low). */
  CHECK_DURING_RENDER_FROM: count(0, 100_000_000, 10000),
  /** Print stack traces of unexpected errors. */
  DEBUG: text,
  /** `silent`: print errors only. */
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(['info', 'silent'], { error: 'must be info or silent' }).optional()),
  /** Write where the build's time went to this JSON file (for `npm run bench`). */
  BUILD_TIMINGS: text,
  /** For the tests: stop at this step of the publish and wait. */
  BUILD_PAUSE_AT: z.preprocess(unsetIfEmpty, z.enum(pauseSteps, { error: `must be one of ${pauseSteps.join(', ')}` }).optional()),
});

/** The build command's flags, each overriding its environment variable. */
const buildFlags = {
  out: { type: 'string', default: 'dist' },
  future: { type: 'boolean', default: false },
  repair: { type: 'boolean', default: false },
  content: { type: 'string' },
  cache: { type: 'string' },
  timings: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  site: { type: 'string' },
} as const;

export interface BuildOptions {
  /** The project folder: relative paths below are relative to it. */
  root: string;
  /** `SITE_URL` or `--site`: the published origin. */
  site: string;
  /** `SITE_BASE`: `/` or `/news/`, always with both slashes. */
  base: string;
  sitemapEntryLimit: number;
  /** `CONTENT_DIR` or `--content`: the content folder, relative to the root where it lies inside it. */
  contentDir: string;
  /** `ASTRO_CACHE_DIR` or `--cache`: Astro's content cache, absolute (Astro's own default, node_modules/.astro). */
  cacheDir: string;
  /** `BUILD_TODAY`, or today's date in UTC: articles dated later are held back. */
  today: Date;
  /** `BUILD_FUTURE=1` or `--future`: publish them anyway. */
  future: boolean;
  /** `GUOJI_CONVERSION=off` turns script conversion off (benchmark builds only). */
  conversion: boolean;
  /** `SEARCH_BUNDLE_PAGES`: most article pages in one search bundle. */
  bundlePages: number;
  /**
   * `CHECK_DURING_RENDER_FROM`: articles from which the pages are checked and
   * compressed as Astro writes them (`src/checks/during-render.ts`).
   */
  checkDuringRenderFrom: number;
  debug: boolean;
  /** `LOG_LEVEL=silent` or `--quiet`. */
  quiet: boolean;
  /** `BUILD_TIMINGS` or `--timings`: where the build writes its phases' times. */
  timingsFile: string | undefined;
  pauseAt: (typeof pauseSteps)[number] | undefined;
  /** The site this build replaces (the build command's output folder), whose unchanged parts are reused. */
  previousSite: string | undefined;
}

/** What the build command does besides building: where to, and whether only to repair. */
export interface BuildCommand {
  /** The output folder as given (`dist`), and resolved. */
  outName: string;
  out: string;
  repair: boolean;
}

/** Bad settings, one line each; printed without a stack trace. */
export class OptionsError extends Error {
  constructor(problems: readonly string[]) {
    super(`Some settings are not valid:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'OptionsError';
    this.stack = this.message;
  }
}

/** The project folder (this file is src/build/options.ts). */
export const projectRoot = resolve(import.meta.dirname, '..', '..');

const utcToday = (): Date => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/** One line per bad variable: its name, its value and what it must be. */
function environmentProblems(error: z.ZodError, environment: Readonly<Record<string, string | undefined>>): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    return `${name}=${JSON.stringify(environment[name] ?? '')}: ${issue.message}`;
  });
}

function parseOptions(
  environment: Readonly<Record<string, string | undefined>>,
  argv: readonly string[] | undefined,
): { options: BuildOptions; command: BuildCommand } {
  const problems: string[] = [];
  const parsed = buildEnvironment.safeParse(environment);
  if (!parsed.success) problems.push(...environmentProblems(parsed.error, environment));
  let values: { [name in keyof typeof buildFlags]?: string | boolean | undefined } = {};
  try {
    values = parseArgs({ args: [...(argv ?? [])], options: buildFlags, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const names = Object.keys(buildFlags).map((name) => `--${name}`);
    problems.push(`${error instanceof Error ? error.message : String(error)} (the build takes ${names.join(', ')})`);
  }
  const siteFlag = siteUrl.safeParse(values.site);
  if (!siteFlag.success) problems.push(`--site ${String(values.site)}: ${siteFlag.error.issues[0]?.message ?? 'is not valid'}`);
  if (!parsed.success || problems.length > 0) throw new OptionsError(problems);
  const env = parsed.data;
  const siteOf = (value: unknown): string | undefined => (value === undefined ? undefined : siteFlag.data);
  const fromRoot = (path: string): string => (isAbsolute(path) ? path : resolve(projectRoot, path));
  const given = <T>(value: unknown, fallback: T): string | T => (typeof value === 'string' ? value : fallback);
  const outName = given(values.out, 'dist');
  const out = fromRoot(outName);
  const timings = given(values.timings, env.BUILD_TIMINGS);
  const options: BuildOptions = {
    root: projectRoot,
    site: siteOf(values.site) ?? env.SITE_URL ?? 'https://guoji-shiping.example',
    base: env.SITE_BASE ?? '/',
    sitemapEntryLimit: env.SITEMAP_ENTRY_LIMIT ?? 45_000,
    contentDir: given(values.content, env.CONTENT_DIR ?? 'content'),
    cacheDir: fromRoot(given(values.cache, env.ASTRO_CACHE_DIR ?? 'node_modules/.astro')),
    today: env.BUILD_TODAY ?? utcToday(),
    future: values.future === true || env.BUILD_FUTURE === true,
    conversion: env.GUOJI_CONVERSION !== 'off',
    bundlePages: env.SEARCH_BUNDLE_PAGES ?? 500,
    // Article files. What the thread saves after the render, the render loses, until the archive is large: at 1,000
    // and 5,000 articles the build was no shorter (and the thread's 60 MB count against a small build's peak); at
    // 20,000 it took 25.7 s less, at 50,000 100.6 s (BENCHMARKS.md). Between 5,000 and 20,000 it was not measured.
    checkDuringRenderFrom: env.CHECK_DURING_RENDER_FROM ?? 10_000,
    debug: env.DEBUG !== undefined,
    quiet: values.quiet === true || env.LOG_LEVEL === 'silent',
    timingsFile: timings === undefined ? undefined : fromRoot(timings),
    pauseAt: env.BUILD_PAUSE_AT,
    // Only the build command replaces a site: `astro dev` and the tests have none to reuse.
    previousSite: argv === undefined ? undefined : out,
  };
  return { options, command: { outName, out, repair: values.repair === true } };
}

/** The options of a build run without the build command (`astro dev`, `astro check`, a test): the environment alone. */
export function readBuildOptions(environment: Readonly<Record<string, string | undefined>> = process.env): BuildOptions {
  return parseOptions(environment, undefined).options;
}

/**
 * The build command's options: its flags (`argv`, without the program and
 * script names) over the environment. Throws `OptionsError` naming every bad
 * value.
 */
export function readBuildCommand(
  argv: readonly string[] = process.argv.slice(2),
  environment: Readonly<Record<string, string | undefined>> = process.env,
): { options: BuildOptions; command: BuildCommand } {
  return parseOptions(environment, argv);
}

/**
 * Astro's telemetry is off for every command of the project: a build makes
 * no request to a third party. Astro reads the switch from the environment,
 * so it is set there, before Astro is loaded.
 */
export function disableAstroTelemetry(): void {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
}

/** Variables a test runner (Vitest: MODE=test, DEV=1, BASE_URL…) sets for its own code, which Astro would take as its own. */
const testRunnerVariables = /^(NODE_ENV|TEST|VITEST.*|BASE_URL|MODE|DEV|PROD|SSR)$/;

/**
 * The environment for an Astro process this one starts (the dev server the
 * benchmark times): this one's, without a test runner's variables, with
 * `extra` added.
 */
export function astroChildEnvironment(extra: Record<string, string>): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !testRunnerVariables.test(name))),
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_DISABLE_UPDATE_CHECK: 'true',
    ...extra,
  };
}

/**
 * Pagefind's service (the child process its Node API starts, with this
 * process's environment) reads the size of its word-index chunks from the
 * environment only; set here, beside every other variable.
 */
export function setPagefindChunkSize(positions: number): void {
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(positions);
}

/** Ports and program paths of the tools around the build, each overridable for a machine that differs. */
const toolEnvironment = z.object({
  /** `npm run serve`'s port. */
  PORT: count(0, 65_535, 4321),
  /** The port of the site `npm run bench` serves for its search figures. */
  BENCH_PORT: count(1, 65_535, 4350),
  SEARCH_QUALITY_PORT: count(1, 65_535, 4463),
  LIGHTHOUSE_PORT: count(1, 65_535, 4340),
  /** Debian's Chromium, which the browser tests and the benchmark drive. */
  CHROMIUM_PATH: text,
  NGINX_PATH: text,
  NGINX_BROTLI_MODULE: text,
  WRK_PATH: text,
});

export interface ToolSettings {
  port: number;
  benchPort: number;
  searchQualityPort: number;
  lighthousePort: number;
  chromiumPath: string;
  nginxPath: string;
  nginxBrotliModule: string;
  wrkPath: string;
  /** `SITE_BASE`, for the server and the nginx configuration. */
  base: string;
}

/** The tools' settings; throws `OptionsError` naming every bad value. */
export function readToolSettings(environment: Readonly<Record<string, string | undefined>> = process.env): ToolSettings {
  const parsed = toolEnvironment.safeParse(environment);
  const base = z.object({ SITE_BASE: basePath }).safeParse(environment);
  const problems = [
    ...(parsed.success ? [] : environmentProblems(parsed.error, environment)),
    ...(base.success ? [] : environmentProblems(base.error, environment)),
  ];
  if (!parsed.success || !base.success) throw new OptionsError(problems);
  const env = parsed.data;
  return {
    port: env.PORT ?? 4321,
    benchPort: env.BENCH_PORT ?? 4350,
    searchQualityPort: env.SEARCH_QUALITY_PORT ?? 4463,
    lighthousePort: env.LIGHTHOUSE_PORT ?? 4340,
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    nginxPath: env.NGINX_PATH ?? '/usr/sbin/nginx',
    nginxBrotliModule: env.NGINX_BROTLI_MODULE ?? '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
    wrkPath: env.WRK_PATH ?? '/usr/bin/wrk',
    base: base.data.SITE_BASE ?? '/',
  };
}
