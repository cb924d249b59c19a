/**
 * Typography measured in Chromium, in both scripts: Latin words are never
 * spread letter from letter, headlines break only between words, Latin
 * text has narrow quotes, and Han–Latin spacing leaves dates tight.
 */
import { expect, test, type Page } from '@playwright/test';
import { scripts } from '../../src/site/scripts.ts';
import { article, noLimits, renderedCharacters, renderedLines, xi } from './helpers.ts';

/** Each Latin word of the article body: its width on the page over its width set alone, unjustified. */
async function latinStretch(page: Page): Promise<{ word: string; ratio: number }[]> {
  return page.$$eval('.article__body [lang="en"]', (spans) =>
    spans.flatMap((span) => {
      const node = span.firstChild;
      if (!(node instanceof Text)) return [];
      return [...node.data.matchAll(/[^\s]+/g)].map((match) => {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rendered = [...range.getClientRects()].reduce((sum, rect) => sum + rect.width, 0);
        // The same word in the same element, out of the line: its natural width.
        const probe = span.cloneNode(false) as HTMLElement;
        probe.textContent = match[0];
        probe.style.cssText = 'position:absolute;white-space:nowrap;text-align:start;';
        span.after(probe);
        const natural = probe.getBoundingClientRect().width;
        probe.remove();
        return { word: match[0], ratio: rendered / natural };
      });
    }),
  );
}

for (const script of scripts) {
  for (const width of [320, 390, 1280]) {
    test(`${script} at ${width} px: no Latin word in the body is wider than its natural width`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      for (const slug of [xi, noLimits]) {
        await page.goto(article(script, slug));
        const words = await latinStretch(page);
        expect(words.length).toBeGreaterThan(0);
        for (const { word, ratio } of words) expect(ratio, `${slug}: ${word}`).toBeLessThan(1.03);
      }
    });
  }
}

/**
 * The headlines cut into words by hand: a line may break only between two of
 * these. Conversion keeps the length, so the same cuts hold in both scripts.
 */
const headlineWords: Record<string, string[]> = {
  [xi]: ['川普', '峰會', '後', '數日', '會見', '米舒斯京', ' ', '習近平', '同時', '向', '莫斯科', '與', '華盛頓', '傳遞', '訊息'],
  [noLimits]: ['【FOCUS】', '中俄', '關係', '不封頂', ' ', '絕非', '冷戰式', '結盟'],
};

/** Offsets in the headline's text where a rendered line starts (after the first). */
async function lineStarts(page: Page, selector: string): Promise<{ text: string; starts: number[] }> {
  const [heading] = await renderedCharacters(page, selector);
  const lines = renderedLines((heading?.chars ?? []).filter(({ char }) => char.trim() !== ''));
  return { text: heading?.text ?? '', starts: lines.slice(1).map((line) => line[0]?.offset ?? -1) };
}

function wordBoundaries(words: string[]): Set<number> {
  const boundaries = new Set<number>();
  let offset = 0;
  for (const word of words) {
    boundaries.add(offset);
    offset += word.length;
  }
  return boundaries;
}

for (const script of scripts) {
  for (const width of [320, 390, 1280, 1920]) {
    test(`${script} at ${width} px: headlines break only between words`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const slug of [xi, noLimits]) {
        const words = headlineWords[slug] ?? [];
        const boundaries = wordBoundaries(words);
        await page.goto(article(script, slug));
        const { text, starts } = await lineStarts(page, 'h1');
        expect(text.length).toBe(words.join('').length);
        for (const start of starts) expect(boundaries, `${slug}: a line starts at 「${text.slice(start)}」`).toContain(start);
        await page.goto(`/${script}/`);
        const card = page.locator(`.article-card:has(a[href="${article(script, slug)}"]) .article-card__title a`);
        const listed = await lineStarts(page, `.article-card__title a[href="${article(script, slug)}"]`);
        await expect(card).toHaveCount(1);
        for (const start of listed.starts)
          expect(boundaries, `${slug} listed: a line starts at 「${listed.text.slice(start)}」`).toContain(start);
      }
    });
  }
}

test('a headline keeps its clauses whole where they fit: two lines at 1280 px, each a clause', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(article('zh-hant', xi));
  const { starts } = await lineStarts(page, 'h1');
  expect(starts).toEqual(['川普峰會後數日會見米舒斯京 '.length]);
});

for (const script of scripts) {
  test(`${script}: an apostrophe in English text is narrow, on screen and in print`, async ({ page }) => {
    await page.goto(article(script, xi));
    const title = page.locator('.sources cite', { hasText: 'Hedging on Russia' });
    await expect(title).toHaveText('China’s Hedging on Russia Is Becoming More Obvious');
    const apostropheWidth = (): Promise<number> =>
      title.evaluate((cite) => {
        const node = cite.firstChild as Text;
        const at = node.data.indexOf('’');
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().width / parseFloat(getComputedStyle(cite).fontSize);
      });
    expect(await apostropheWidth()).toBeLessThan(0.4);
    await page.emulateMedia({ media: 'print' });
    expect(await apostropheWidth()).toBeLessThan(0.4);
  });

  test(`${script}: Latin text is spaced from Han text, and dates are not`, async ({ page }) => {
    await page.goto(article(script, noLimits));
    // The space the page's styles put around a marked run and its neighbouring characters, in em:
    // the run set between them as on the page, less the same set with no spacing at all.
    const spacing = (selector: string, text: string): Promise<number> =>
      page.evaluate(
        ({ selector, text }) => {
          const span = [...document.querySelectorAll(selector)].find((element) => element.textContent === text);
          const before = span?.previousSibling;
          const after = span?.nextSibling;
          if (!span || !(before instanceof Text) || !(after instanceof Text)) return Number.NaN;
          const probe = document.createElement('span');
          probe.style.cssText = 'position:absolute;white-space:nowrap';
          probe.append(before.data.slice(-1), span.cloneNode(true), after.data.slice(0, 1));
          span.parentElement?.append(probe);
          const spaced = probe.getBoundingClientRect().width;
          for (const element of [probe, ...probe.querySelectorAll<HTMLElement>('*')])
            element.style.setProperty('text-autospace', 'no-autospace');
          const tight = probe.getBoundingClientRect().width;
          probe.remove();
          return (spaced - tight) / parseFloat(getComputedStyle(span).fontSize);
        },
        { selector, text },
      );
    // 「三國安全同盟AUKUS。」: an eighth of an em between 盟 and A (none before the full stop).
    const latin = await spacing('.article__body [lang="en"]', 'AUKUS');
    expect(latin).toBeGreaterThan(0.1);
    expect(latin).toBeLessThan(0.15);
    // 「長達7千多字」 and 「2022年」 stay tight.
    expect(await spacing('.article__body .num', '7')).toBe(0);
    const date = page.locator('.article__header time').first();
    const dateWidth = await date.evaluate((time) => {
      const probe = time.cloneNode(true) as HTMLElement;
      probe.style.cssText = 'position:absolute;text-autospace:no-autospace;white-space:nowrap';
      time.after(probe);
      const tight = probe.getBoundingClientRect().width;
      probe.remove();
      return time.getBoundingClientRect().width - tight;
    });
    expect(Math.abs(dateWidth)).toBeLessThan(0.5);
  });
}
