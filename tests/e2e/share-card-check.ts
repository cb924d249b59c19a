/**
 * What a link preview and a search engine read of an article page, checked
 * as they read it: the share card named by `og:image` (fetched: a 1200 ×
 * 630 image of at most 300 kB), `twitter:card`, and the JSON-LD blocks
 * (`NewsArticle` with the fields Google documents for articles, each
 * address fetched; `BreadcrumbList`). Site addresses are fetched from the
 * test server in place of the configured site.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';

/** The path of an address on the configured site, fetched from the test server instead. */
const local = (address: string): string => {
  const url = new URL(address);
  return `${url.pathname}${url.search}`;
};

async function fetchImage(
  request: APIRequestContext,
  address: string,
): Promise<{ width: number; height: number; bytes: number }> {
  const response = await request.get(local(address));
  expect(response.status(), address).toBe(200);
  const body = await response.body();
  const { width, height } = await sharp(body).metadata();
  return { width, height, bytes: body.length };
}

/** Checks the page now open in `page`: its card, and its structured data. */
export async function checkArticleCards(page: Page, request: APIRequestContext): Promise<{ card: string }> {
  const meta = async (selector: string): Promise<string> => (await page.locator(selector).getAttribute('content')) ?? '';
  const card = await meta('meta[property="og:image"]');
  expect(await fetchImage(request, card)).toEqual({ width: 1200, height: 630, bytes: expect.any(Number) });
  expect((await fetchImage(request, card)).bytes).toBeLessThanOrEqual(300_000);
  expect(await meta('meta[property="og:image:width"]')).toBe('1200');
  expect(await meta('meta[property="og:image:height"]')).toBe('630');
  expect(await meta('meta[property="og:image:alt"]')).not.toBe('');
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  expect(await meta('meta[name="twitter:image"]')).toBe(card);

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
  const article = data.find((block) => block['@type'] === 'NewsArticle');
  const crumbs = data.find((block) => block['@type'] === 'BreadcrumbList');
  expect(article, 'a NewsArticle block').toBeDefined();
  expect(crumbs, 'a BreadcrumbList block').toBeDefined();
  if (article === undefined || crumbs === undefined) return { card };
  expect(article['@context']).toBe('https://schema.org');
  expect(article['headline']).toBe((await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim());
  expect(typeof article['description']).toBe('string');
  expect(article['inLanguage']).toBe(await page.locator('html').getAttribute('lang'));
  expect(article['isAccessibleForFree']).toBe(true);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(article['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': canonical });
  expect(article['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(String(article['dateModified']) >= String(article['datePublished'])).toBe(true);
  const images = article['image'] as { url: string; width: number; height: number }[];
  expect(images.length).toBeGreaterThan(0);
  for (const image of images) {
    const fetched = await fetchImage(request, image.url);
    expect([fetched.width, fetched.height]).toEqual([image.width, image.height]);
    // Google asks for images of at least 50,000 pixels.
    expect(image.width * image.height).toBeGreaterThanOrEqual(50_000);
  }
  const authors = article['author'] as { '@type': string; name: string; url: string }[];
  expect(authors.length).toBeGreaterThan(0);
  for (const author of authors) {
    expect(author['@type']).toBe('Person');
    expect((await request.get(local(author.url))).status(), author.url).toBe(200);
  }
  const publisher = article['publisher'] as { '@type': string; name: string; logo: { url: string } };
  expect(publisher['@type']).toBe('Organization');
  expect(publisher.name).not.toBe('');
  expect((await request.get(local(publisher.logo.url))).status()).toBe(200);
  const steps = crumbs['itemListElement'] as { position: number; item: string }[];
  expect(steps.map(({ position }) => position)).toEqual(steps.map((_, index) => index + 1));
  for (const step of steps) expect((await request.get(local(step.item))).status(), step.item).toBe(200);
  return { card };
}
