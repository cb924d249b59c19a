/**
 * The one channel between the build's phases. Astro runs the content
 * loaders, the pages and the integrations in one process, but bundles them
 * apart: each bundle has its own copy of every module, so a
 * module-level variable a loader sets is not the one an integration reads.
 * What must pass between them is kept here, on `globalThis` under one symbol,
 * and written in these named places only:
 *
 * - `options`: by the build command (`useBuildOptions`), or read from the
 *   environment on first use; read by everyone.
 * - `publication`: by the content loader (`recordPublication`): which
 *   articles this build publishes, with their days, the ones held back, and
 *   the search bundle plan. Read by the search data, the indexer, the publish
 *   checks and the build command.
 * - `rendered`: by the article view as it converts text for a page or a feed
 *   (`noteFixedTexts`, `noteBodyLength`): what the publish checks compare the
 *   built files with.
 * - `failures`: by the article view, when making an article's page or feed
 *   item fails (`noteRenderFailure`): reported once, after every page was
 *   tried, by the `render-failures` integration.
 * - `photos`: by the content loader (`recordPhotos`): every photo the
 *   published articles show, with its file; read by the photos step after
 *   Astro (`scripts/build/after-render.ts`), which makes its sizes.
 * - `timings`: by each phase (`timing.ts`), for `npm run bench`.
 * - `astroCommand`: by the `editor-preview` integration, as Astro starts
 *   (`recordAstroCommand`): whether this is the editor's preview.
 * - `editorReport`: in `npm run dev` only, by the content loader after each
 *   check of the content folder (`recordEditorReport`): its errors and the
 *   review list, which the editor's preview shows on the pages.
 * - `incremental`: by the `incremental-pages` integration as the build starts
 *   (`startIncremental`): the site digest and the last site's page manifest;
 *   the pages' `getStaticPaths` add each page's key and whether it is taken
 *   from the last site (`changed-paths.ts`); the integration links those
 *   pages in and writes the new manifest before the index and the checks.
 * - `duringRender`: by the `during-render` integration as the build starts
 *   (`recordDuringRender`): the worker thread that checks and compresses the
 *   pages as Astro writes them, offered each by the integration's middleware
 *   with the texts fixed since the last (`fixedSince`); ended by the
 *   integration once every page is written, which notes the pages that passed
 *   (`notePassedAsWritten`) for the publish checks.
 *
 * Astro runs in a process of its own (`scripts/build/render-site.ts`); the
 * photos, the index, the checks and the twins run after it has exited, in
 * the build command's process, so that what Astro held is given back before
 * they start. What they read of the above passes from the one process to the
 * other whole, once (`handOff`, then `takeOver`).
 */
import type { Bundle } from '../search/bundles.ts';
import { scripts, type Script, type SourceVariant } from '../site/scripts.ts';
import type { PageManifest } from './incremental.ts';
import { readBuildOptions, type BuildOptions } from './options.ts';

/** An article this build publishes. */
export interface PublishedArticle {
  slug: string;
  /** Its file, as an editor names it (`content/articles/foo.md`). */
  file: string;
  /** Its publication day, `YYYY-MM-DD`. */
  published: string;
}

export interface Publication {
  /** Newest first, as every list orders them. */
  articles: readonly PublishedArticle[];
  /** Articles dated later than the build's day, not published. */
  heldBack: readonly { file: string; published: string }[];
  /** The search index's bundles, per script, newest first (`src/search/bundles.ts`). */
  bundles: Readonly<Record<Script, readonly Bundle[]>>;
}

export interface RenderedFacts {
  /** Per script, every text an inline rule or a glossary pin fixed: the character guards let it stand. */
  fixed: Record<Script, Set<string>>;
  /** The same texts by what they were converted from (`article:<slug>`, `profile:<name>`), for the page manifest. */
  fixedBySource: Record<Script, Map<string, Set<string>>>;
  /** `zh-hans/articles/<slug>/` → code points of text in the article body the conversion produced. */
  bodyLengths: Map<string, number>;
  /**
   * Pages that passed the page checks as Astro wrote them, under the texts
   * fixed until then (`src/checks/during-render.ts`): file → `writtenDigest`
   * of what passed.
   */
  passedAsWritten: Map<string, string>;
}

/**
 * The pages' checks and twins while Astro renders (`src/checks/during-render.ts`),
 * as the middleware and the integration that ends it see it.
 */
export interface DuringRender {
  /**
   * Whether the thread takes the file Astro is about to write (by its URL
   * path): if it does, the function to hand it the file's bytes, at once.
   */
  take(path: string): ((bytes: ArrayBuffer) => void) | undefined;
  /** Waits for the pages under way and ends the thread. */
  finish(): Promise<DuringRenderReport>;
}

/** What the thread did while the pages rendered. */
export interface DuringRenderReport {
  /** Files whose twins it made. */
  staged: number;
  /** Pages it checked. */
  checked: number;
  /** Files it was offered and left to the phases after the render (it was behind, or had stopped). */
  left: number;
  /** The `writtenDigest` of each page that passed, by file. */
  passed: Map<string, string>;
  /**
   * Why it stopped taking pages, if it failed: a page it took and did not
   * answer for is checked and compressed after the render, as any other.
   */
  stopped: string | undefined;
}

/**
 * A problem the content checks found, or an item of the review list
 * (`src/content/article-check.ts` makes them; the preview shows them).
 */
export interface ContentProblem {
  /** Path of the file as the editor knows it, e.g. `content/articles/foo.md`. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** Frontmatter field path (`authors[0].role`), `body` or `frontmatter`. */
  field: string;
  message: string;
  /** For a review item: the form the other script's page shows, the other forms, the rule to write, and where it stands. */
  review?: { shown: string; alternatives: string[]; fix: string; context?: string; contextOffset?: number } | undefined;
}

/** What the editor's preview shows: the content folder's errors, and each file's review list. */
export interface EditorReport {
  problems: readonly ContentProblem[];
  /** Review items and lint warnings, by file. */
  warnings: ReadonlyMap<string, readonly ContentProblem[]>;
  /** Each article's slug → its file and the variant it is written in. */
  articles: ReadonlyMap<string, { file: string; variant: SourceVariant }>;
}

/** A photo to publish: its checked original and what is known of it. */
export interface PhotoToPublish {
  /** Absolute path of the original in `content/images/`. */
  path: string;
  width: number;
  height: number;
  digest: string;
}

interface BuildState {
  /** The Astro command running: `dev` is the editor's preview. */
  astroCommand?: string;
  editorReport?: EditorReport;
  options?: BuildOptions;
  photos?: readonly PhotoToPublish[];
  publication?: Publication;
  rendered: RenderedFacts;
  failures: Set<string>;
  timings: Record<string, number>;
  incremental?: IncrementalPages;
  duringRender?: DuringRender | undefined;
  /** Per script, the texts of `rendered.fixed` in the order they were first noted: what `fixedSince` reads. */
  fixedInOrder: Record<Script, string[]>;
}

/** What this build knows of its pages and the last site's (`incremental.ts`). */
export interface IncrementalPages {
  /** The site digest of this build. */
  site: string;
  /** The last site's folder and manifest, if it was built under the same site digest. */
  previous: (PageManifest & { folder: string }) | undefined;
  /** Every incremental page of this build by path: its key and file. */
  pages: Map<string, { key: string; file: string }>;
  /** The paths of the pages taken from the last site. */
  reused: Set<string>;
}

const key = Symbol.for('guoji-shiping.build-state');

function state(): BuildState {
  const store = globalThis as typeof globalThis & { [key]?: BuildState };
  store[key] ??= {
    rendered: {
      fixed: Object.fromEntries(scripts.map((script) => [script, new Set<string>()])) as Record<Script, Set<string>>,
      bodyLengths: new Map(),
      passedAsWritten: new Map(),
      fixedBySource: Object.fromEntries(scripts.map((script) => [script, new Map()])) as Record<Script, Map<string, Set<string>>>,
    },
    failures: new Set(),
    timings: {},
    fixedInOrder: Object.fromEntries(scripts.map((script) => [script, [] as string[]])) as Record<Script, string[]>,
  };
  return store[key];
}

/** The build command's options, for every phase of the build it starts. */
export function useBuildOptions(options: BuildOptions): void {
  state().options = options;
}

/** This build's options (`options.ts`). */
export function buildOptions(): BuildOptions {
  const current = state();
  current.options ??= readBuildOptions();
  return current.options;
}

/** What this build publishes, decided once by the content loader. */
export function recordPublication(publication: Publication): void {
  state().publication = publication;
}

/** What the content loader decided to publish; an error if it has not run (a page or check run outside a build). */
export function publication(): Publication {
  const decided = state().publication;
  if (decided === undefined) throw new Error('The content loader has not decided what this build publishes yet.');
  return decided;
}

/** The publication, or `undefined` before the content loader has run. */
export function publicationIfDecided(): Publication | undefined {
  return state().publication;
}

/** The photos the published articles show, recorded by the content loader. */
export function recordPhotos(photos: readonly PhotoToPublish[]): void {
  state().photos = photos;
}

/** The photos to publish (none before the content loader has run). */
export function photosToPublish(): readonly PhotoToPublish[] {
  return state().photos ?? [];
}

/** Texts a conversion for a page or feed of `script` fixed with a rule or a pin, converting `source` (`article:<slug>`). */
export function noteFixedTexts(script: Script, texts: Iterable<string>, source: string): void {
  const { fixedBySource } = state().rendered;
  const fixed = state().rendered.fixed[script];
  const bySource = fixedBySource[script].get(source) ?? new Set<string>();
  fixedBySource[script].set(source, bySource);
  const inOrder = state().fixedInOrder[script];
  for (const text of texts) {
    if (!fixed.has(text)) inOrder.push(text);
    fixed.add(text);
    bySource.add(text);
  }
}

/** Per script, the texts fixed after the first `noted[script]` (all of them, counted from 0). */
export function fixedSince(noted: Readonly<Record<Script, number>>): Record<Script, string[]> {
  const { fixedInOrder } = state();
  return Object.fromEntries(scripts.map((script) => [script, fixedInOrder[script].slice(noted[script])])) as Record<
    Script,
    string[]
  >;
}

/** The pages that passed their checks as Astro wrote them (file → digest of what passed). */
export function notePassedAsWritten(passed: ReadonlyMap<string, string>): void {
  for (const [file, digest] of passed) state().rendered.passedAsWritten.set(file, digest);
}

/** The text length of an article body as converted for its page (`zh-hans/articles/<slug>/`). */
export function noteBodyLength(page: string, length: number): void {
  state().rendered.bodyLengths.set(page, length);
}

export function renderedFacts(): Readonly<RenderedFacts> {
  return state().rendered;
}

/** Something that kept an article from being published, said once however many pages showed the article. */
export function noteRenderFailure(message: string): void {
  state().failures.add(message);
}

export function renderFailures(): readonly string[] {
  return [...state().failures];
}

/** Milliseconds spent in each phase of this build. */
export function phaseTimings(): Record<string, number> {
  return state().timings;
}

/** The content folder's latest check, in `npm run dev`. */
export function recordEditorReport(report: EditorReport): void {
  state().editorReport = report;
}

export function editorReport(): EditorReport | undefined {
  return state().editorReport;
}

/** The Astro command this process runs (`dev`, `build`…), from Astro itself. */
export function recordAstroCommand(command: string): void {
  state().astroCommand = command;
}

/** The build starts: its site digest and the last site's manifest (under the same digest, or none). */
export function startIncremental(site: string, previous: (PageManifest & { folder: string }) | undefined): void {
  state().incremental = { site, previous: previous?.site === site ? previous : undefined, pages: new Map(), reused: new Set() };
}

/** This build's pages so far, or nothing where pages are not built incrementally (the preview, a test). */
export function incrementalPages(): IncrementalPages | undefined {
  return isEditorPreview() ? undefined : state().incremental;
}

/** The build starts checking and compressing the pages as Astro writes them, or stops (`undefined`). */
export function recordDuringRender(during: DuringRender | undefined): void {
  state().duringRender = during;
}

/** Where the pages Astro writes are offered, if this build checks and compresses them as they are written. */
export function duringRender(): DuringRender | undefined {
  return state().duringRender;
}

/** Whether this is `npm run dev`: the editor's preview shows problems on the pages. */
export function isEditorPreview(): boolean {
  return state().astroCommand === 'dev';
}

/** What the phases after Astro read of this state, as Astro's process hands it to the build command's. */
export interface RenderHandoff {
  publication: Publication | undefined;
  photos: readonly PhotoToPublish[];
  rendered: RenderedFacts;
  incremental: IncrementalPages | undefined;
  timings: Record<string, number>;
}

/** This process's state for the phases after Astro (`takeOver` in the process that runs them). */
export function handOff(): RenderHandoff {
  const { publication: decided, photos = [], rendered, incremental, timings } = state();
  // Not the last site's manifest (a key for every page): only Astro's process reads it, as it renders and links pages.
  return { publication: decided, photos, rendered, incremental: incremental && { ...incremental, previous: undefined }, timings };
}

/** Takes the state Astro's process handed over: its phases' times are added to this process's. */
export function takeOver(handoff: RenderHandoff): void {
  const current = state();
  if (handoff.publication !== undefined) current.publication = handoff.publication;
  current.photos = handoff.photos;
  current.rendered = handoff.rendered;
  if (handoff.incremental !== undefined) current.incremental = handoff.incremental;
  for (const [phase, milliseconds] of Object.entries(handoff.timings))
    current.timings[phase] = (current.timings[phase] ?? 0) + milliseconds;
}
