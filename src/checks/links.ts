/**
 * Finds broken internal links in a built site: a link to a page or file that
 * does not exist, or to a `#fragment` that the target page does not have.
 */
import type { Root, RootContent } from 'hast';

export interface PageLinks {
  /** Every `id` on the page. */
  ids: Set<string>;
  /** Every URL the page refers to: links, stylesheets, scripts, form actions. */
  urls: string[];
}

const urlAttributes: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', form: 'action' };

export function collectLinks(tree: Root): PageLinks {
  const ids = new Set<string>();
  const urls: string[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
      const attribute = urlAttributes[node.tagName];
      const value = attribute === undefined ? undefined : node.properties[attribute === 'href' ? 'href' : attribute];
      if (typeof value === 'string') urls.push(value);
      walk(node.children);
    }
  };
  walk(tree.children);
  return { ids, urls };
}

export interface LinkCheckInput {
  /** Origin the site is published at (`SITE_URL`); absolute links to it count as internal. */
  site: string;
  /** Page path (`/zh-hant/articles/foo/`) → its links. */
  pages: ReadonlyMap<string, PageLinks>;
  /** Whether a site path exists as a file (for feeds, assets, search files). */
  fileExists: (path: string) => boolean;
}

/** A percent-encoded text decoded, or `undefined` if an escape is broken (`%E0%A4` is half a character). */
function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** One line per broken link: `page → link: why`. */
export function findBrokenLinks({ site, pages, fileExists }: LinkCheckInput): {
  problems: string[];
  checked: number;
  external: number;
} {
  const problems: string[] = [];
  let checked = 0;
  let external = 0;
  const origin = new URL(site).origin;
  for (const [page, { urls }] of pages) {
    for (const raw of urls) {
      const url = new URL(raw, new URL(page, site));
      if (url.origin !== origin) {
        if (/^https?:$/.test(url.protocol)) external += 1;
        continue;
      }
      checked += 1;
      const decoded = decodeOrUndefined(url.pathname);
      if (decoded === undefined) {
        problems.push(`${page} → ${raw}: not a valid address (a broken percent escape)`);
        continue;
      }
      let path = decoded;
      if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
      const target = pages.get(path);
      if (target === undefined && !fileExists(path)) {
        problems.push(`${page} → ${raw}: no such page or file`);
        continue;
      }
      const fragment = decodeOrUndefined(url.hash.slice(1)) ?? url.hash.slice(1);
      if (fragment !== '' && target !== undefined && !target.ids.has(fragment))
        problems.push(`${page} → ${raw}: no element with id "${fragment}"`);
    }
  }
  return { problems, checked, external };
}
