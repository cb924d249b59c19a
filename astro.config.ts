import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';

/**
 * `SITE_URL` and `SITE_BASE` let the operator deploy at a domain root or under
 * a sub-path (`SITE_BASE=/news/`); every link, feed and search file follows.
 */
const site = process.env['SITE_URL'] ?? 'https://guoji-shiping.example';
const base = process.env['SITE_BASE'] ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: {
    // `src/pages/[script]/404.astro` becomes `zh-hant/404.html`, which hosts serve for that folder.
    format: 'preserve',
    // External stylesheets only: the Content Security Policy allows no inline style.
    inlineStylesheets: 'never',
  },
  prerenderConflictBehavior: 'error',
  markdown: {
    syntaxHighlight: false,
    // Faithful text: no smart quotes or dashes added to what the authors wrote.
    processor: unified({ smartypants: false, rehypePlugins: [rehypeParagraphIds] }),
  },
  integrations: [
    sitemap({
      i18n: { defaultLocale: 'zh-hant', locales: { 'zh-hant': 'zh-Hant', 'zh-hans': 'zh-Hans' } },
      filter: (page) => !/\/(search\/|404)/.test(page),
    }),
  ],
});
