/**
 * Bounded work: the worst article for each algorithm the content checks run
 * (scripts/bench/worst-articles.ts: a million "1 ", emphasis marks, brackets,
 * headings, paragraphs, nesting, tags, table cells, rules, entities, a
 * headline of 300,000 characters, YAML nested a hundred thousand deep), at
 * the 1 MB file limit or at a markup limit, runs through the same checks as
 * the build and ends with the outcome it must have: published, or refused
 * naming the limit. Nothing here is timed (`npm run bench` prints the
 * times); a super-linear step shows as a test that does not end.
 */
import { describe, expect, test } from 'vitest';
import { worstArticles } from '../../scripts/bench/worst-articles.ts';
import { checkArticleFile, formatProblem } from '../../src/content/article-check.ts';

describe('the worst article for each algorithm', () => {
  test.each(worstArticles().map((article) => [article.name, article] as const))(
    '%s',
    (_name, { name, source, expect: outcome }) => {
      expect(Buffer.byteLength(source)).toBeLessThanOrEqual(1_000_000);
      const file = `content/articles/${name}.md`;
      const { problems } = checkArticleFile(file, source, { topicIds: new Set(['world-order']) });
      const messages = problems.map(formatProblem);
      if (outcome === 'published') expect(messages).toEqual([]);
      else {
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.join('\n')).toContain(outcome.refused);
        for (const message of messages) expect(message.startsWith(file)).toBe(true);
      }
    },
    60_000,
  );

  test('the editors’ lint on a flood of one mistake reports a hundred and counts the rest', () => {
    const commas = worstArticles().find(({ name }) => name === 'worst-commas');
    const { problems } = checkArticleFile(`${/^slug: (.+)$/m.exec(commas?.source ?? '')?.[1]}.md`, commas?.source ?? '', {
      topicIds: new Set(['world-order']),
      lint: true,
    });
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)?.message).toMatch(/^and \d+ more like the ones above \(punctuation\)$/);
  }, 60_000);
});
