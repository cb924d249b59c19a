/**
 * `npm run first-query -- --site <built site> [--port 4400] [--query 制裁]`:
 * what the first search costs on a built site, as `npm run bench` measures it
 * (typed in the header box of the newest article's page, cold cache): bytes
 * on the wire by kind, the search bundles fetched, and what each bundle's
 * metadata weighs on disk (Pagefind writes it compressed). For a generated archive too large for
 * the whole benchmark: build it (`node scripts/corpus.mjs`, then
 * `node scripts/build.mjs --content … --out …`) and point this at it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, measureSearch } from '../bench/browser.ts';
import { transferKinds } from '../bench/search-cost.ts';
import { startServer } from '../serve-process.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    port: { type: 'string', default: '4400' },
    query: { type: 'string', default: '制裁' },
  },
});
if (!values.site || !existsSync(join(values.site, 'pagefind'))) {
  console.error('usage: npm run first-query -- --site <a built site, with pagefind/> [--port 4400] [--query 制裁]');
  process.exit(2);
}
const site = resolve(values.site);
const port = Number(values.port);
const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/** Bytes of each bundle's metadata files (`.pf_meta`, compressed by Pagefind, served as they are), by bundle. */
function metadataBytes(): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const bundle of readdirSync(join(site, 'pagefind')).sort()) {
    const folder = join(site, 'pagefind', bundle);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.pf_meta')))
      bytes[bundle] = (bytes[bundle] ?? 0) + statSync(join(folder, file)).size;
  }
  return bytes;
}

const server = await startServer(site, port);
const browser = await launch();
try {
  const home = await (await fetch(`http://localhost:${port}/zh-hant/`)).text();
  const newest = /href="(\/zh-hant\/articles\/[^"]+)"/.exec(home)?.[1] ?? '/zh-hant/';
  const [first] = await measureSearch(browser, `http://localhost:${port}${newest}`, [values.query]);
  if (!first) throw new Error('no search was measured');
  const bundles = [
    ...new Set(first.transfers.map(({ url }) => /\/pagefind\/([^/]+)\//.exec(new URL(url).pathname)?.[1]).filter(Boolean)),
  ];
  console.log(
    `First query (${values.query}, from ${newest}): ${kB(first.bytes)} kB in ${first.transfers.length} requests, ${first.results} results shown`,
  );
  for (const [kind, { body, headers, requests }] of Object.entries(transferKinds(first.transfers)))
    console.log(`  ${kind}: ${kB(body + headers)} kB in ${requests} requests`);
  console.log(`  bundles fetched: ${bundles.join(', ')}`);
  const metadata = metadataBytes();
  const zhHant = Object.entries(metadata).filter(([bundle]) => bundle.startsWith('zh-hant'));
  console.log(
    `Bundles of zh-hant: ${zhHant.length}; metadata ${zhHant.map(([bundle, bytes]) => `${bundle} ${kB(bytes)} kB`).join(', ')}`,
  );
} finally {
  await browser.close();
  server.kill();
}
