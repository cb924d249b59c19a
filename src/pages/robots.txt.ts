/**
 * robots.txt: everything may be crawled (search pages name the bare search page
 * canonical, and their results are drawn in the browser); where the sitemap
 * is, and beside it each script's news sitemap.
 */
import type { APIContext } from 'astro';
import { scripts } from '../site/scripts.ts';

export function GET(context: APIContext): Response {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const sitemap = new URL(`${base}sitemap-index.xml`, context.site ?? 'http://localhost/').href;
  const news = scripts.map((script) => new URL(`${base}${script}/news-sitemap.xml`, context.site ?? 'http://localhost/').href);
  const body = ['User-agent: *', 'Allow: /', `Sitemap: ${sitemap}`, ...news.map((url) => `Sitemap: ${url}`), ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
