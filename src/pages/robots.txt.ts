/**
 * robots.txt: everything may be crawled (search pages name the bare search page
 * canonical, and their results are drawn in the browser); where the sitemap is.
 */
import type { APIContext } from 'astro';

export function GET(context: APIContext): Response {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const sitemap = new URL(`${base}sitemap-index.xml`, context.site ?? 'http://localhost/').href;
  const body = ['User-agent: *', 'Allow: /', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
