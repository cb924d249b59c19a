/**
 * Faithfulness: every paragraph of each seed text appears on its article
 * page, in order, word for word; only full-width punctuation and the
 * corrections recorded in the frontmatter may differ. The Simplified page
 * must show the same paragraphs as the reference OpenCC converts them: the
 * expected text is a fixed file (`tests/fixtures/seeds/*.zh-hans.txt`), made
 * from the Traditional paragraphs by the OpenCC command-line tool (Debian's
 * opencc 1.1.6: `opencc -c tw2s.json` for 000, `hk2s.json` for 002), with
 * the quotation marks set as Simplified text writes them (「」『』 → “”‘’),
 * not by the code that makes the page.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fullWidth } from '../../src/markdown/remark-punctuation.ts';
import { article, frontmatter, noLimits, xi } from './helpers.ts';

const ascii = Object.fromEntries(Object.entries(fullWidth).map(([narrow, wide]) => [wide, narrow]));
const normalise = (text: string): string => text.replace(/[，：；？！（）]/g, (mark) => ascii[mark] ?? mark).trim();

function seedLines(file: string): string[] {
  return readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').trim());
}

function applyCorrections(text: string, slug: string): string {
  const corrections = (frontmatter(slug)['corrections'] ?? []) as { original: string; corrected: string }[];
  return corrections.reduce((result, { original, corrected }) => result.split(original).join(corrected), text);
}

/** The article text blocks of a page: paragraphs and section headings, in order. */
async function bodyBlocks(page: Page): Promise<string[]> {
  return page.$$eval('.article__body > :is(p, h2, h3)', (elements) => elements.map((element) => element.textContent ?? ''));
}

const seeds = [
  {
    slug: xi,
    // Line 1 is the byline, line 8 the dateline, 41 on the sources: all shown in their own places.
    body: (lines: string[]) => lines.slice(1, 40).filter((_, index) => index !== 6),
  },
  {
    slug: noLimits,
    // Title, date, the AFP image marker and everything from the byline on (page debris) are not body text.
    body: (lines: string[]) =>
      lines
        .slice(
          4,
          lines.findIndex((line) => line.startsWith('撰文')),
        )
        .filter((line) => line !== '' && line !== '(AFP圖片)'),
  },
];

const files: Record<string, string> = { [xi]: '000_a57ef1e7bf4c205b.txt', [noLimits]: '002_950ef82649737c69.txt' };

for (const { slug, body } of seeds) {
  const expected = body(seedLines(files[slug] ?? '')).map((line) => applyCorrections(line, slug));

  test(`${slug}: the Traditional page has every seed paragraph, in order, word for word`, async ({ page }) => {
    await page.goto(article('zh-hant', slug));
    expect((await bodyBlocks(page)).map(normalise)).toEqual(expected.map(normalise));
  });

  test(`${slug}: the Simplified page has the same paragraphs, as the reference OpenCC converts them`, async ({ page }) => {
    await page.goto(article('zh-hans', slug));
    const reference = seedLines((files[slug] ?? '').replace(/\.txt$/, '.zh-hans.txt')).filter((line) => line !== '');
    expect(reference).toHaveLength(expected.length);
    expect((await bodyBlocks(page)).map(normalise)).toEqual(reference.map(normalise));
  });
}

test('the 2025 article keeps its byline, dateline and seven sources from the seed', async ({ page }) => {
  const lines = seedLines(files[xi] ?? '');
  await page.goto(article('zh-hant', xi));
  await expect(page.locator('.article__header .byline')).toContainText('撰稿人 Lia');
  await expect(page.locator('.article__header .byline')).toContainText('責任編輯 Zaphyra');
  await expect(page.locator('.article__dateline')).toHaveText(lines[7] ?? '');
  const sources = page.locator('.sources li');
  await expect(sources).toHaveCount(7);
  for (const [index, line] of lines
    .slice(41, 50)
    .join('\n')
    .split(/\n(?=[A-Z])/)
    .entries()) {
    const url = /https:\/\/\S+/.exec(line)?.[0];
    await expect(sources.nth(index).locator('a')).toHaveAttribute('href', url ?? '');
  }
});

test('the 2022 article keeps its headline, date and byline from the seed', async ({ page }) => {
  const lines = seedLines(files[noLimits] ?? '');
  await page.goto(article('zh-hant', noLimits));
  await expect(page.locator('h1')).toHaveText(lines[0] ?? '');
  // The seed's 08/02/2022 is day/month/year.
  await expect(page.locator('.article__header time')).toHaveAttribute('datetime', '2022-02-08');
  await expect(page.locator('.article__header .byline')).toContainText('記者 范強');
  await expect(page.locator('.article__header .byline')).toContainText('經濟通');
  await expect(page.locator('.article__body')).not.toContainText('AFP');
  await expect(page.locator('main')).not.toContainText('環球海產');
});
