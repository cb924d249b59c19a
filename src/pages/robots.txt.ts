/** robots.txt: everything may be crawled except search result pages; where the sitemap is. */
import type { APIContext } from 'astro';

export function GET(context: APIContext): Response {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const sitemap = new URL(`${base}sitemap-index.xml`, context.site ?? 'http://localhost/').href;
  const body = [
    'User-agent: *',
    `Disallow: ${base}zh-hant/search/`,
    `Disallow: ${base}zh-hans/search/`,
    `Sitemap: ${sitemap}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
