/**
 * Page weight from a built folder: for a page, the bytes of its HTML and of
 * the CSS and JavaScript it loads (module imports followed), raw, gzip and
 * brotli. What a first visit transfers, without the search index.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

export const weigh = (bytes: Buffer | string): Weight => {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero: Weight = { raw: 0, gzip: 0, brotli: 0 };

export interface PageWeight {
  html: Weight;
  css: Weight;
  js: Weight;
  total: Weight;
}

/** Weight of the page at `path` (site-relative, e.g. `/zh-hant/`) in `dir`, built at `base` `/`. */
export async function pageWeight(dir: string, path: string): Promise<PageWeight> {
  const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
  const html = await readFile(file);
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1] ?? '');
  const scripts = [...text.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  let js = zero;
  while (scripts.length > 0) {
    const src = scripts.pop() ?? '';
    if (seen.has(src)) continue;
    seen.add(src);
    const code = await readFile(join(dir, src));
    js = add(js, weigh(code));
    // Static imports only: what loads with the page, not what `import()` loads later.
    for (const match of code.toString('utf8').matchAll(/(?:^|[;}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?"(\.\/[^"]+)"/g)) {
      scripts.push(new URL(match[1] ?? '', `http://x${src}`).pathname);
    }
  }
  let styles = zero;
  for (const href of css) styles = add(styles, weigh(await readFile(join(dir, href))));
  const page = weigh(html);
  return { html: page, css: styles, js, total: add(add(page, styles), js) };
}
