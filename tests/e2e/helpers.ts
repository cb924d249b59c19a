/** Shared facts and helpers for the browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
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
  `/${script}/archive/`,
  `/${script}/archive/2025/`,
  `/${script}/archive/2025/11/`,
  `/${script}/authors/`,
  `/${script}/authors/lia/`,
  `/${script}/search/?q=制裁`,
  `/${script}/about/`,
  `/${script}/404.html`,
];

/** One rendered character of an element's text: its offset in the element's text and its box. */
export interface RenderedCharacter {
  offset: number;
  char: string;
  left: number;
  right: number;
  top: number;
  height: number;
}

/**
 * The characters each matching element renders, in order, with their boxes
 * (characters with no box, such as a collapsed space, are left out), and
 * each element's text and font size: what line measurements start from.
 */
export async function renderedCharacters(
  page: Page,
  selector: string,
): Promise<{ text: string; fontSize: number; chars: RenderedCharacter[] }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const chars: RenderedCharacter[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        for (let index = 0; index < text.data.length; index += 1) {
          const range = document.createRange();
          range.setStart(text, index);
          range.setEnd(text, index + 1);
          const rect = range.getClientRects()[0];
          if (rect && rect.width > 0) chars.push({ offset: offset + index, char: text.data[index] ?? '', ...rect.toJSON() });
        }
        offset += text.data.length;
      }
      return { text: element.textContent ?? '', fontSize: parseFloat(getComputedStyle(element).fontSize), chars };
    }),
  );
}

/** The rendered lines of a text, from its characters: a character lower than the one before by half a line starts a line. */
export function renderedLines(chars: readonly RenderedCharacter[]): RenderedCharacter[][] {
  const lines: RenderedCharacter[][] = [];
  chars.forEach((char, index) => {
    const previous = chars[index - 1];
    if (previous === undefined || char.top > previous.top + previous.height / 2) lines.push([char]);
    else lines.at(-1)?.push(char);
  });
  return lines;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** What axe-core finds wrong on the page as it is now, with every rule it runs by default: one line a violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.map(({ id, help, nodes }) => `${id} (${help}): ${nodes.map(({ target }) => target.join(' ')).join(', ')}`);
}
