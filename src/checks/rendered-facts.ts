/**
 * What the pages rendered that the publish checks compare the built files
 * with: the texts that inline rules and glossary pins fixed on each script's
 * pages (the character guards let them stand), and the length of each
 * article body's text. Kept on `globalThis` because Astro bundles the pages
 * apart from the integrations, and both run in the build's one process.
 */
import { scripts, type Script } from '../site/scripts.ts';

export interface RenderedFacts {
  fixed: Record<Script, Set<string>>;
  /** `zh-hans/articles/<slug>/` → code points of text in the article body. */
  bodyLengths: Map<string, number>;
  /** Slug → publication day (YYYY-MM-DD) of every article the pages showed: how the search index is split. */
  articleDates: Map<string, string>;
  /** Slug → publication day of every article the content loader passed for publication: what must be published. */
  contentArticles: Map<string, string>;
}

const key = Symbol.for('guoji-shiping.rendered-facts');

export function renderedFacts(): RenderedFacts {
  const store = globalThis as typeof globalThis & { [key]?: RenderedFacts };
  store[key] ??= {
    fixed: Object.fromEntries(scripts.map((script) => [script, new Set<string>()])) as Record<Script, Set<string>>,
    bodyLengths: new Map(),
    articleDates: new Map(),
    contentArticles: new Map(),
  };
  return store[key];
}
