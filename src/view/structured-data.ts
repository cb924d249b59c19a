/**
 * The structured data of a page (JSON-LD, schema.org): `NewsArticle` and
 * `BreadcrumbList` on an article, `WebSite` with its `SearchAction` on the
 * home page, with the fields Google's article and news documentation asks
 * for. Written as data: `jsonLdText` escapes every character that could end
 * the `<script>` element or be read as markup (`<`, `>`, `&`), and the line
 * separators JavaScript once refused, so no headline or name a contributor
 * writes can close the block.
 *
 * @see https://developers.google.com/search/docs/appearance/structured-data/article
 * @see https://schema.org/NewsArticle
 */
import { ui } from '../i18n/index.ts';
import { isoDay } from '../site/dates.ts';
import { langTag, type Script } from '../site/scripts.ts';
import { authorPageKey, pageUrl, topicKey } from '../site/urls.ts';
import type { ArticleView } from './article-view.ts';

/** An image of the data: its absolute address and size. */
export interface ImageFacts {
  url: string;
  width: number;
  height: number;
}

export interface PageAddresses {
  /** The site's address (`https://example.org/`) and base (`/`, `/news/`). */
  site: URL;
  base: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The publisher logo's file under the base (drawn by `scripts/commands/share-cards.ts`), and its size. */
export const logoFile = { name: 'logo.png', width: 512, height: 512 } as const;

const absolute = ({ site, base }: PageAddresses, path: string): string => new URL(path, new URL(base, site)).href;

function publisher(script: Script, addresses: PageAddresses): Json {
  const t = ui(script);
  return {
    '@type': 'Organization',
    name: t.siteName,
    url: absolute(addresses, pageUrl(addresses.base, script)),
    logo: {
      '@type': 'ImageObject',
      url: absolute(addresses, `${addresses.base}${logoFile.name}`),
      width: logoFile.width,
      height: logoFile.height,
    },
  };
}

/** `NewsArticle` of an article in its page's script. */
export function newsArticle(article: ArticleView, images: readonly ImageFacts[], addresses: PageAddresses): Json {
  const { script } = article;
  const canonical = absolute(addresses, pageUrl(addresses.base, script, `articles/${article.slug}/`));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    image: images.map(({ url, width, height }) => ({ '@type': 'ImageObject', url, width, height })),
    datePublished: isoDay(article.published),
    dateModified: isoDay(article.updated ?? article.published),
    author: article.authors.map(({ name, key }) => ({
      '@type': 'Person',
      name,
      url: absolute(addresses, pageUrl(addresses.base, script, authorPageKey(key))),
    })),
    publisher: publisher(script, addresses),
    inLanguage: langTag(script),
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    isAccessibleForFree: true,
    articleSection: article.topics.map(({ name }) => name),
  };
}

/** `BreadcrumbList` of an article: home, its first topic, the article. */
export function articleBreadcrumbs(article: ArticleView, addresses: PageAddresses): Json {
  const { script } = article;
  const t = ui(script);
  const [topic] = article.topics;
  const steps: { name: string; key: string }[] = [
    { name: t.siteName, key: '' },
    ...(topic === undefined ? [] : [{ name: topic.name, key: topicKey(topic.id) }]),
    { name: article.title, key: `articles/${article.slug}/` },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map(({ name, key }, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name,
      item: absolute(addresses, pageUrl(addresses.base, script, key)),
    })),
  };
}

/** `WebSite` with the `SearchAction` of the search page, for the home page. */
export function webSite(script: Script, addresses: PageAddresses): Json {
  const t = ui(script);
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: t.siteName,
    url: absolute(addresses, pageUrl(addresses.base, script)),
    inLanguage: langTag(script),
    publisher: publisher(script, addresses),
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${absolute(addresses, pageUrl(addresses.base, script, 'search/'))}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: nothing in it can end the element or be read as markup. */
export function jsonLdText(data: Json): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
