/** Shared facts and helpers for the browser tests. */
import { readFileSync } from 'node:fs';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';

export const xi = 'xi-mishustin-after-trump-summit-2025';
export const noLimits = 'china-russia-no-limits-2022';

export const article = (script: string, slug: string): string => `/${script}/articles/${slug}/`;

/** Frontmatter of an article in content/, as the editor wrote it. */
export function frontmatter(slug: string): Record<string, unknown> {
  const { data } = splitFrontmatter(readFileSync(new URL(`../../content/articles/${slug}.md`, import.meta.url), 'utf8'));
  if (data === undefined) throw new Error(`no frontmatter in ${slug}`);
  return data;
}

/** Every page type of the site, in one script. */
export const pageTypes = (script: string): string[] => [
  `/${script}/`,
  article(script, xi),
  article(script, noLimits),
  `/${script}/topics/`,
  `/${script}/topics/china-russia/`,
  `/${script}/search/?q=制裁`,
  `/${script}/about/`,
  `/${script}/404.html`,
];
