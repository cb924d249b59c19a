import { expect, test } from 'vitest';
import type { ArticleView } from '../../src/view/article-view.ts';
import { newsSitemapXml } from '../../src/view/news-sitemap.ts';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const article = (slug: string, published: string, title: string): ArticleView =>
  ({ slug, published: day(published), title }) as unknown as ArticleView;

test('the news sitemap lists the articles of the build’s day and the day before, with publication, language, day and headline', () => {
  const xml = newsSitemapXml({
    script: 'zh-hant',
    articles: [
      article('today', '2025-11-06', 'A & B <中俄>'),
      article('yesterday', '2025-11-05', '川普峰會後'),
      article('older', '2025-11-04', '三天前'),
      article('future', '2025-11-07', '明天'),
    ],
    today: day('2025-11-06'),
    site: new URL('https://example.org/'),
    base: '/news/',
  });
  // Written out by hand from Google's documentation of news sitemaps.
  expect(xml).toBe(
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' +
      '<url><loc>https://example.org/news/zh-hant/articles/today/</loc><news:news><news:publication><news:name>國際時評</news:name><news:language>zh-tw</news:language></news:publication><news:publication_date>2025-11-06</news:publication_date><news:title>A &amp; B &lt;中俄&gt;</news:title></news:news></url>' +
      '<url><loc>https://example.org/news/zh-hant/articles/yesterday/</loc><news:news><news:publication><news:name>國際時評</news:name><news:language>zh-tw</news:language></news:publication><news:publication_date>2025-11-05</news:publication_date><news:title>川普峰會後</news:title></news:news></url>' +
      '</urlset>',
  );
});
