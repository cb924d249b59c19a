/**
 * Every article page in both scripts gives a large share card and
 * structured data a search engine can use (`share-card-check.ts`); pages
 * that are not articles give the site's card in their script.
 */
import { expect, test } from '@playwright/test';
import { checkArticleCards } from './share-card-check.ts';

test('every article page of the sitemap has a 1200 × 630 share card under 300 kB and valid NewsArticle data', async ({
  page,
  request,
}) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const articles: string[] = [];
  for (const [, file = ''] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const sitemap = await (await request.get(new URL(file).pathname)).text();
    for (const [, url = ''] of sitemap.matchAll(/<url>\s*<loc>([^<]+)<\/loc>/g))
      if (/\/articles\/[^/]+\/$/.test(url)) articles.push(new URL(url).pathname);
  }
  expect(articles.length).toBeGreaterThanOrEqual(4);
  for (const path of articles) {
    await page.goto(path);
    const { card } = await checkArticleCards(page, request);
    // The seed articles have no photo: their card is the site's, in the page's script.
    expect(new URL(card).pathname).toBe(`/share-card-${path.split('/')[1]}.png`);
  }
});

test('the home page gives the site card and WebSite data with the search page’s SearchAction', async ({ page }) => {
  await page.goto('/zh-hans/');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/share-card-zh-hans\.png$/);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const site = blocks.map((text) => JSON.parse(text) as Record<string, unknown>).find((block) => block['@type'] === 'WebSite');
  expect(site?.['potentialAction']).toMatchObject({
    '@type': 'SearchAction',
    target: { urlTemplate: expect.stringMatching(/\/zh-hans\/search\/\?q=\{search_term_string\}$/) },
  });
});
