import { expect, test } from 'vitest';
import type { ArticleView } from '../../src/view/article-view.ts';
import { correctionLog } from '../../src/view/corrections.ts';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const fix = (original: string, date?: string) => ({ original, corrected: `${original}!`, note: '說明', date: date && day(date) });
const article = (slug: string, published: string, corrections: ReturnType<typeof fix>[]): ArticleView =>
  ({ slug, published: day(published), corrections }) as unknown as ArticleView;

test('the log lists corrections newest first, an undated one under its article’s day, ties in the articles’ order', () => {
  const log = correctionLog([
    article('newer', '2025-11-05', [fix('甲'), fix('乙', '2025-11-20')]),
    article('older', '2022-02-08', [fix('丙', '2025-11-20'), fix('丁')]),
  ]);
  expect(
    log.map(({ article: { slug }, correction: { original }, day: when, dated }) => [
      slug,
      original,
      when.toISOString().slice(0, 10),
      dated,
    ]),
  ).toEqual([
    ['newer', '乙', '2025-11-20', true],
    ['older', '丙', '2025-11-20', true],
    ['newer', '甲', '2025-11-05', false],
    ['older', '丁', '2022-02-08', false],
  ]);
});
