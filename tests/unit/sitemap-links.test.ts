/**
 * The sitemap's links between a page's forms in the two scripts
 * (`src/site/sitemap-links.ts`), checked against hand-written addresses,
 * in the order @astrojs/sitemap's own `i18n` option wrote them (by address).
 */
import { describe, expect, test } from 'vitest';
import { scriptAlternates } from '../../src/site/sitemap-links.ts';

const both = (root: string, rest: string) => [
  { url: `${root}zh-hans${rest}`, lang: 'zh-Hans' },
  { url: `${root}zh-hant${rest}`, lang: 'zh-Hant' },
];

describe('scriptAlternates', () => {
  test.each([
    ['https://x.example/', 'https://x.example/zh-hant/articles/a/', '/articles/a/'],
    ['https://x.example/', 'https://x.example/zh-hans/', '/'],
    ['https://x.example/news/', 'https://x.example/news/zh-hans/topics/nato/page/2/', '/topics/nato/page/2/'],
  ])('under %s, %s links both scripts’ forms', (root, url, rest) => {
    expect(scriptAlternates(url, root)).toEqual(both(root, rest));
  });

  test('a page outside the scripts’ folders, or outside the site, has none', () => {
    expect(scriptAlternates('https://x.example/about/', 'https://x.example/')).toBeUndefined();
    expect(scriptAlternates('https://x.example/zh-hantish/', 'https://x.example/')).toBeUndefined();
    expect(scriptAlternates('https://y.example/zh-hant/', 'https://x.example/')).toBeUndefined();
  });
});
