/**
 * The article pages' bodies, converted ahead of the pages on a worker thread
 * while Astro renders on its own: the conversion was a quarter of Astro's
 * thread's work, and the second core sat idle through the second half of
 * the render once the search data was made.
 *
 * The route plans its pages in the order it hands them to Astro
 * (`planArticlePageBodies`); the worker converts them in that order, at
 * most `lookahead` past the furthest page asked for, so that few converted
 * bodies wait in memory. A page whose body is not ready and not under way
 * converts it in its own thread, as a page always did, and the worker goes
 * on past it: the two threads share the work, and a page never waits for
 * the worker to start. A failure in the worker is not trusted either way:
 * the page converts its body again, and a real failure is then noted as
 * any page's is. The result is the same function of the same input
 * (`article-body.ts`), so the page is the same, byte for byte.
 */
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { isEditorPreview, takeRenderCore } from '../build/state.ts';
import { addTime } from '../build/timing.ts';
import type { Script } from '../site/scripts.ts';
import { articlePageFinish } from './article-body.ts';
import type { PageBodyResult, PageBodyTask } from './article-body-worker.ts';
import { articleBody, noteArticleBody, type ArticleInput } from './article-view.ts';

/** A page's body in the plan: sent to the worker (its result), or taken by its page. */
interface PlannedBody {
  article: ArticleInput;
  script: Script;
  result?: Promise<PageBodyResult> | undefined;
  taken: boolean;
}

/**
 * Below this many pages (300 articles) the pages convert their own bodies:
 * a worker thread takes about two seconds to start and holds its own copy
 * of the converter's dictionaries, which a rebuild's few pages do not pay
 * back. (The archive that `npm test` builds, 400 articles, is above it.)
 */
const planFrom = 600;

/** Bodies converted ahead of the furthest page asked for, at most. */
const lookahead = 32;

/** Bodies sent to the worker and not yet back, at most: one converting, one waiting, so it never idles between. */
const inFlight = 2;

/**
 * Seconds the worker may sit idle before it ends: if the render stops
 * (a failure), no page asks again, and the thread must not keep Astro's
 * process alive.
 */
const idleSeconds = 10;

const keyOf = (script: Script, slug: string): string => `${script}\u0000${slug}`;

class PlannedBodies {
  readonly #planned: PlannedBody[];
  readonly #position = new Map<string, number>();
  readonly #pool: Tinypool;
  readonly #base: string;
  /** The next planned body to send. */
  #next = 0;
  /** One past the furthest planned body a page asked for. */
  #reached = 0;
  #sent = 0;
  /** Whether the worker has given back a body: until then a page does not wait for it. */
  #warm = false;
  #left: number;
  #ended = false;
  /** Astro's second core: not asked for yet, asked for, or held (and how to release it). */
  #core: 'not asked' | 'asked' | (() => void) = 'not asked';
  /** Bodies the pages took from the worker. */
  ahead = 0;

  constructor(planned: readonly { article: ArticleInput; script: Script }[], workerFile: string, base: string) {
    this.#planned = planned.map(({ article, script }) => ({ article, script, taken: false }));
    for (const [at, { article, script }] of planned.entries()) this.#position.set(keyOf(script, article.slug), at);
    this.#left = planned.length;
    this.#base = base;
    this.#pool = new Tinypool({
      filename: pathToFileURL(workerFile).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: idleSeconds * 1000,
    });
    // Nothing is sent before the first page asks: Astro collects every route's paths before it renders any, and
    // renders other routes' pages first.
  }

  /** Sends the next bodies to the worker, up to `lookahead` past the furthest asked for and `inFlight` at once. */
  #send(): void {
    if (this.#core === 'not asked') {
      // The second core is asked for as the first page asks: until the search data's worker has done with it, the
      // pages convert their own bodies.
      this.#core = 'asked';
      void takeRenderCore().then((release) => {
        // Given back below, once every page has its body (at once, if all converted their own meanwhile).
        this.#core = release;
        this.#send();
      });
    }
    if (typeof this.#core !== 'function') return;
    while (this.#sent < inFlight && this.#next < this.#planned.length && this.#next < this.#reached + lookahead) {
      const planned = this.#planned[this.#next++] as PlannedBody;
      if (planned.taken) continue;
      const { article, script } = planned;
      const task: PageBodyTask = {
        article: {
          sourceVariant: article.sourceVariant,
          glossary: article.glossary,
          file: article.file,
          bodyFile: article.bodyFile ?? '',
          photos: article.photos ?? {},
        },
        script,
        base: this.#base,
      };
      this.#sent += 1;
      const result = this.#pool.run(task) as Promise<PageBodyResult>;
      planned.result = result;
      const back = (): void => {
        this.#sent -= 1;
        this.#send();
      };
      result.then(() => {
        this.#warm = true;
        back();
      }, back);
    }
    // Every page has its body: the thread ends now, not when idle.
    if (this.#left === 0 && this.#sent === 0 && !this.#ended) {
      this.#ended = true;
      const release = typeof this.#core === 'function' ? this.#core : () => undefined;
      void this.#pool.destroy().then(release, release);
    }
  }

  get size(): number {
    return this.#planned.length;
  }

  /** The converted body of `article`'s page in `script`, or undefined if it was not planned (or was taken). */
  async take(article: ArticleInput, script: Script): Promise<PageBodyResult | undefined> {
    const at = this.#position.get(keyOf(script, article.slug));
    const planned = at === undefined ? undefined : this.#planned[at];
    if (at === undefined || planned === undefined || planned.taken) return undefined;
    planned.taken = true;
    this.#left -= 1;
    this.#reached = Math.max(this.#reached, at + 1);
    const { result } = planned;
    planned.result = undefined;
    // Not sent, or the worker still starting: this page converts its own body, and the worker goes on past it.
    if (result === undefined || !this.#warm) this.#next = Math.max(this.#next, at + 1);
    this.#send();
    if (result === undefined || !this.#warm) return undefined;
    return result.then(
      (body) => {
        this.ahead += 1;
        return body;
      },
      () => undefined,
    );
  }
}

let plan: PlannedBodies | undefined;

/** How many of the planned bodies the pages took from the worker, for the tests and the benchmark's notes. */
export function bodiesConvertedAhead(): { planned: number; ahead: number } {
  return { planned: plan?.size ?? 0, ahead: plan?.ahead ?? 0 };
}

/**
 * Plans the bodies of the article pages this build renders, in the order
 * their route hands them to Astro, to be converted ahead on a worker
 * thread (`workerFile`, `article-body-worker.ts`). Not in the editor's
 * preview, which renders a page when it is asked for, and not for a few
 * pages.
 */
export function planArticlePageBodies(
  pages: readonly { article: ArticleInput; script: Script }[],
  { workerFile, base }: { workerFile: string; base: string },
): void {
  if (plan !== undefined || isEditorPreview() || pages.length < planFrom) return;
  const kept = pages.filter(({ article }) => article.bodyFile !== undefined);
  if (kept.length >= planFrom) plan = new PlannedBodies(kept, workerFile, base);
}

/** An article page's body in `script`: converted ahead if it was, else here. */
export async function articlePageBody(article: ArticleInput, script: Script, base: string): Promise<string> {
  const ahead = await plan?.take(article, script);
  if (ahead === undefined) return articleBody(article, script, articlePageFinish(script, article.photos ?? {}, base));
  addTime('conversion', ahead.milliseconds);
  // Of which on the worker, for `--timings`: how much of the conversion left Astro's thread.
  addTime('conversion-ahead', ahead.milliseconds);
  noteArticleBody(article, script, ahead);
  return ahead.html;
}
