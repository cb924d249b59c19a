/**
 * The peer the benchmark measures the site against: a plain Astro site with
 * Pagefind, built from the same generated Markdown with the same installed
 * Astro and Pagefind (this repository's node_modules, linked in). It is what
 * a newsroom would get from Astro's documentation alone: a content collection
 * with the `glob()` loader, one page per article rendered by Astro's default
 * Markdown pipeline, a home list paged by 20, an RSS feed of the latest 50
 * (written by hand, as no feed package is installed), @astrojs/sitemap, then
 * `pagefind --site dist` (the CLI, which runs the Extended binary the site
 * uses, so Chinese is segmented alike). It is plain on purpose: no second
 * script, no conversion, no checks, no compressed twins, so that the ratio
 * says what the site's own work costs on top of Astro and Pagefind.
 *
 * The project is written under `.bench/` (ignored by git, astro check,
 * prettier and vitest) from the template strings below.
 */
import { readdirSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { measureTree } from './process-tree.ts';

const files = (articles: string): Record<string, string> => ({
  'package.json': JSON.stringify({ name: 'bench-peer', private: true, type: 'module' }, null, 2),
  'tsconfig.json': JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2),
  'astro.config.mjs': `import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://peer.example',
  // Inside the peer's folder: the defaults (node_modules/.astro, node_modules/.vite) are the repository's, linked in.
  cacheDir: './.astro-cache',
  vite: { cacheDir: './.astro-cache/vite' },
  integrations: [sitemap()],
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: ${JSON.stringify(articles)} }),
  // The fields the pages show; the corpus's other fields (authors, topics, sources…) pass through unchecked.
  schema: z.looseObject({ title: z.string(), summary: z.string(), published: z.coerce.date() }),
});

export const collections = { articles };
`,
  'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<html lang="zh">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>{title}</title>
    <link rel="alternate" type="application/rss+xml" href="/rss.xml" />
  </head>
  <body>
    <slot />
  </body>
</html>
`,
  'src/pages/[...page].astro': `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';

export async function getStaticPaths({ paginate }) {
  const articles = (await getCollection('articles')).sort((a, b) => b.data.published.valueOf() - a.data.published.valueOf());
  return paginate(articles, { pageSize: 20 });
}
const { page } = Astro.props;
---
<Page title={\`Articles, page \${page.currentPage}\`}>
  <ul>
    {page.data.map((article) => (
      <li>
        <a href={\`/articles/\${article.id}/\`}>{article.data.title}</a>
        <time datetime={article.data.published.toISOString()}>{article.data.published.toISOString().slice(0, 10)}</time>
        <p>{article.data.summary}</p>
      </li>
    ))}
  </ul>
  {page.url.prev && <a href={page.url.prev}>Newer</a>}
  {page.url.next && <a href={page.url.next}>Older</a>}
</Page>
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../../layouts/Page.astro';

export async function getStaticPaths() {
  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
---
<Page title={article.data.title}>
  <article data-pagefind-body>
    <h1>{article.data.title}</h1>
    <time datetime={article.data.published.toISOString()}>{article.data.published.toISOString().slice(0, 10)}</time>
    <p>{article.data.summary}</p>
    <Content />
  </article>
</Page>
`,
  'src/pages/rss.xml.ts': `import { getCollection } from 'astro:content';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function GET({ site }: { site: URL }): Promise<Response> {
  const latest = (await getCollection('articles'))
    .sort((a, b) => b.data.published.valueOf() - a.data.published.valueOf())
    .slice(0, 50);
  const items = latest.map((article) => {
    const link = new URL(\`/articles/\${article.id}/\`, site).href;
    return \`<item><title>\${escape(article.data.title)}</title><link>\${link}</link><guid>\${link}</guid><description>\${escape(article.data.summary)}</description><pubDate>\${article.data.published.toUTCString()}</pubDate></item>\`;
  });
  const xml = \`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Peer</title><link>\${site.href}</link><description>Articles</description>\${items.join('')}</channel></rss>\`;
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
`,
});

/** Writes the peer project into `dir`, reading the articles of the content folder `content`. */
export async function writePeer(root: string, dir: string, content: string): Promise<void> {
  await rm(join(dir, 'src'), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files(relative(dir, join(content, 'articles'))))) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  // A link to this repository's node_modules (made again, so that a moved or dangling link is no trouble; fs.rm on a
  // link removes the link, and refuses a real folder).
  await rm(join(dir, 'node_modules'), { force: true });
  await symlink(relative(dir, join(root, 'node_modules')), join(dir, 'node_modules'));
}

/** One build of the peer (Astro, then Pagefind), measured like the site's: each step's tree, summed. */
export interface PeerRun {
  wallMs: number;
  cpuMs: number;
  /** The larger of the two steps' peaks: they run one after the other. */
  peakTreeMiB: number;
  pages: number;
  phases: { astro: number; pagefind: number };
}

/** Builds the peer in `dir`; `cold` empties its output and Astro's caches first. */
export async function buildPeer(root: string, dir: string, cold: boolean): Promise<PeerRun> {
  if (cold) for (const name of ['dist', '.astro', '.astro-cache']) await rm(join(dir, name), { recursive: true, force: true });
  const node = process.execPath;
  const astro = await measureTree(
    'env',
    ['ASTRO_TELEMETRY_DISABLED=1', node, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    dir,
  );
  if (astro.status !== 0) throw new Error(`the peer's astro build failed:\n${astro.output}`);
  const pagefind = await measureTree(
    node,
    [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', 'dist', '--silent'],
    dir,
  );
  if (pagefind.status !== 0) throw new Error(`the peer's pagefind failed:\n${pagefind.output}`);
  return {
    wallMs: astro.wallMs + pagefind.wallMs,
    cpuMs: astro.cpuMs + pagefind.cpuMs,
    peakTreeMiB: Math.max(astro.peakTreeRssKiB, pagefind.peakTreeRssKiB) / 1024,
    pages: readdirSync(join(dir, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.html')).length,
    phases: { astro: astro.wallMs, pagefind: pagefind.wallMs },
  };
}
