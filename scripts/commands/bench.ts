/**
 * `npm run bench` (`--quick` for a smoke run): what the site costs to build,
 * to load and to search, and how that grows with the archive, and how
 * `npm run serve` and nginx hold up under load (`--serve-only` for that part
 * alone, over the current dist/; `--search-only` for the search and switch
 * figures of the current dist/; `--conversion-only` for the converter's speed
 * and accuracy; `--preview-only` for how fast `npm run dev` shows a saved
 * change; `--port` moves the search servers). Each archive size is also
 * built as a plain Astro + Pagefind site, interleaved with the site's builds,
 * and the ratios printed (scripts/bench/peer.ts; `--no-peer` leaves it out). Prints a
 * table and writes .bench/results.json. A benchmark, not a test: it never
 * fails on a number. See BENCHMARKS.md for what each figure is compared with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toString } from 'hast-util-to-string';
import { readToolSettings } from '../../src/build/options.ts';
import { findByClass, parsePage } from '../../src/checks/page-text.ts';
import { convertHtml, convertText, openccConverter } from '../../src/conversion/index.ts';
import { measureUnseen, openccAlone, perThousand, type UnseenMeasure } from '../bench/unseen-text.ts';
import * as OpenCC from 'opencc-js';
import { conversionFixture, countDifferingHan, measureAccuracy, siteGlossary } from '../bench/accuracy.ts';
import { launch, measurePagefindQuery, measureSearch, measureSwitch, type SearchTiming } from '../bench/browser.ts';
import { buildPeer, writePeer, type PeerRun } from '../bench/peer.ts';
import { precompress } from '../../src/build/precompress.ts';
import { percentile, transferKinds } from '../bench/search-cost.ts';
import { writeCorpus } from '../bench/corpus.ts';
import { measureTree } from '../bench/process-tree.ts';
import { measureWorstArticles } from '../bench/worst-cost.ts';
import { measurePreview } from '../bench/preview.ts';
import { measurePhotoCost, measurePhotoPage } from '../bench/photos.ts';
import { measureServing } from '../bench/serving.ts';
import { pageWeight, weigh } from '../bench/weight.ts';
import { startServer } from '../serve-process.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tools = readToolSettings();
const bench = join(root, '.bench');
const { values } = parseArgs({
  allowNegative: true,
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'serve-only': { type: 'boolean', default: false },
    // Only the search and switch figures of the real site (dist/ must be built): no archive builds.
    'search-only': { type: 'boolean', default: false },
    // Only how long the editor's preview (npm run dev) takes to show a saved change.
    'preview-only': { type: 'boolean', default: false },
    // Only the converter's speed and accuracy (dist/ must be built for the article HTML figure).
    'conversion-only': { type: 'boolean', default: false },
    // Only what the worst article for each algorithm costs.
    'worst-only': { type: 'boolean', default: false },
    // Only what photos cost to make and to read (the fixture site must be built: npm run build:fixtures).
    'photos-only': { type: 'boolean', default: false },
    // Each archive size built as a plain Astro + Pagefind site too, interleaved with the site's builds (--no-peer: not).
    peer: { type: 'boolean', default: true },
    // The real site is served on this port for the search figures, the generated archive on the next.
    port: { type: 'string', default: String(tools.benchPort) },
  },
});
const port = Number(values.port);
const sizes = values['search-only']
  ? []
  : values.sizes
    ? values.sizes.split(',').map(Number)
    : values.quick
      ? [10]
      : [10, 100, 1000];
const results: Record<string, unknown> = {};
const version = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const chromiumVersion = spawnSync(tools.chromiumPath, ['--version'], {
  encoding: 'utf8',
}).stdout.trim();
results['run'] = {
  command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  date: new Date().toISOString(),
  node: process.version,
  astro: version('astro'),
  pagefind: version('pagefind'),
  openccJs: version('opencc-js'),
  chromium: chromiumVersion,
  cpus: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
};
const ms = (value: number): string => value.toFixed(0);
const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
console.log(`國際時評 benchmark: ${JSON.stringify(results['run'])}\n`);

/** 5. Serving under load: 200 connections for 10 s on loopback (needs Debian's wrk and nginx). */
async function serving(): Promise<void> {
  const dist = join(root, 'dist');
  const assets = readdirSync(join(dist, '_astro')).filter((name) => /\.(css|js)$/.test(name));
  const paths = [
    '/zh-hant/',
    '/zh-hans/',
    '/zh-hant/articles/xi-mishustin-after-trump-summit-2025/',
    '/zh-hans/articles/xi-mishustin-after-trump-summit-2025/',
    '/zh-hant/articles/china-russia-no-limits-2022/',
    '/zh-hant/search/',
    '/zh-hant/rss.xml',
    '/pagefind/zh-hant/pagefind.js',
    ...assets.map((name) => `/_astro/${name}`),
  ];
  console.log(`\nServing ${paths.length} paths in turn (pages, feeds, assets; brotli), wrk, loopback`);
  console.log(
    '  server               connections  seconds  requests  req/s  errors (connect/read/write/timeout/status)  p50 ms  p99 ms  max ms  answers after',
  );
  try {
    const load = await measureServing(dist, paths);
    results['serving'] = load;
    for (const run of load) {
      const errors = Object.values(run.errors).join('/');
      console.log(
        `  ${run.server.padEnd(20)} ${String(run.connections).padStart(11)} ${String(run.seconds).padStart(8)} ${String(run.requests).padStart(9)} ${String(run.requestsPerSecond).padStart(6)}  ${errors.padEnd(43)} ${run.latencyMs.p50.toFixed(1).padStart(6)} ${run.latencyMs.p99.toFixed(1).padStart(7)} ${run.latencyMs.max.toFixed(1).padStart(7)}  ${run.answersAfterwards ? 'yes' : 'NO'}`,
      );
    }
  } catch (error) {
    if (values['serve-only']) throw error;
    console.log(`  skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// The worst article for each algorithm (scripts/bench/worst-articles.ts): no article may cost more than a few seconds.
/** The worst article for each algorithm: measured in a full run, and alone with `--worst-only`. */
async function worstArticleCosts(): Promise<void> {
  console.log('\nWorst articles (scripts/bench/worst-articles.ts): the content checks of each, on their own');
  const worst = await measureWorstArticles(root, bench);
  for (const check of worst.checks)
    console.log(
      `  ${check.name.padEnd(24)} ${String(Math.round(check.bytes / 1000)).padStart(5)} kB  ${(check.ms / 1000).toFixed(2).padStart(6)} s  ${check.outcome.slice(0, 60)}`,
    );
  const { build } = worst;
  console.log(
    `  a build of the ${build.articles} published ones (${build.articles * 2} article pages): ${(build.wallMs / 1000).toFixed(1)} s, peak ${Math.round(build.peakTreeMiB)} MiB; ${Object.entries(
      build.phases,
    )
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  results['worstArticles'] = worst;
}

if (values['preview-only']) {
  await previewFigures();
  process.exit(0);
}

if (values['conversion-only']) {
  await conversionFigures();
  process.exit(0);
}

/** What photos cost to make and to read (scripts/bench/photos.ts): in a full run, and alone with `--photos-only`. */
async function photoCosts(): Promise<void> {
  console.log('\nPhotos (scripts/bench/photos.ts): making their sizes, and an article with a lead photo at 390 px');
  const cost = await measurePhotoCost();
  const { made, rebuild, sizes } = cost;
  console.log(
    `  ${made.photos} photographs of ${made.width} × ${made.height} (${Math.round(made.originalBytes / 1000)} kB JPEG each) from an empty cache: ${(made.msPerPhoto / 1000).toFixed(2)} s and ${made.filesPerPhoto} files per photo`,
  );
  console.log(
    `  their sizes: ${Object.entries(sizes)
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([name, bytes]) => `${name} ${(bytes / 1000).toFixed(1)} kB`)
      .join(', ')}`,
  );
  console.log(
    `  a rebuild showing ${rebuild.photos} photos, all in the cache: ${rebuild.files} files linked, ${rebuild.made} made, in ${(rebuild.ms / 1000).toFixed(2)} s`,
  );
  const fixtures = join(root, '.build', 'fixtures-dist');
  const page = existsSync(fixtures) ? await measurePhotoPage(fixtures, port + 4) : [];
  if (page.length === 0) console.log('  (the page figures need npm run build:fixtures)');
  for (const view of page)
    console.log(
      `  390 px at ${view.dpr}×: first view ${(view.total / 1000).toFixed(1)} kB, of which photos ${(view.photos / 1000).toFixed(1)} kB (lead ${view.lead.file}, ${(view.lead.bytes / 1000).toFixed(1)} kB); without its photos ${(view.withoutPhotos / 1000).toFixed(1)} kB`,
    );
  results['photos'] = { ...cost, page };
}

if (values['photos-only']) {
  await photoCosts();
  await mkdir(bench, { recursive: true });
  await writeFile(join(bench, 'photo-results.json'), JSON.stringify(results['photos'], null, 2));
  console.log('\nWrote .bench/photo-results.json');
  process.exit(0);
}

if (values['worst-only']) {
  await worstArticleCosts();
  await mkdir(bench, { recursive: true });
  await writeFile(join(bench, 'worst-results.json'), JSON.stringify(results['worstArticles'], null, 2));
  console.log('\nWrote .bench/worst-results.json');
  process.exit(0);
}

if (values['serve-only']) {
  await serving();
  // Keep the other figures of the last full run.
  const file = join(bench, 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  await mkdir(bench, { recursive: true });
  await writeFile(file, JSON.stringify({ ...previous, serving: results['serving'], servingRun: results['run'] }, null, 2));
  console.log('\nWrote .bench/results.json (serving)');
  process.exit(0);
}

/** One build of a generated archive, measured over its whole process tree, with where its time went. */
interface BuildRun {
  wallMs: number;
  cpuMs: number;
  peakTreeMiB: number;
  peakByName: Record<string, number>;
  pages: number;
  /** When the new site was in place (the build's own timing; the old site is removed after). */
  liveMs: number;
  /** Milliseconds per phase, from the build's own timings (BUILD_TIMINGS). */
  phases: Record<string, number>;
}

function countPages(out: string): number {
  return readdirSync(out, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

async function measureBuild(content: string, out: string, cache: string): Promise<BuildRun> {
  const report = join(bench, 'timings.json');
  const run = await measureTree(
    process.execPath,
    ['scripts/build.mjs', '--out', out, '--content', content, '--cache', cache, '--timings', report, '--quiet'],
    root,
  );
  if (run.status !== 0) throw new Error(`build of ${content} failed:\n${run.output}`);
  const { wall: _wall, live, peakRssKiB: _peak, ...phases } = JSON.parse(readFileSync(report, 'utf8')) as Record<string, number>;
  return {
    wallMs: run.wallMs,
    liveMs: live ?? run.wallMs,
    cpuMs: run.cpuMs,
    peakTreeMiB: run.peakTreeRssKiB / 1024,
    peakByName: Object.fromEntries(Object.entries(run.peakByName).map(([name, kiB]) => [name, Math.round(kiB / 1024)])),
    pages: countPages(out),
    phases,
  };
}

/** Raw and brotli bytes of a built file (its `.br` twin). */
function fileBytes(out: string, file: string): { raw: number; brotli: number } {
  const size = (name: string): number => (existsSync(name) ? statSync(name).size : 0);
  return { raw: size(join(out, file)), brotli: size(join(out, `${file}.br`)) };
}

/** Bytes of each script's search metadata (Pagefind's pf_meta files, as served), per indexed page. */
function metadataPerPage(out: string, articles: number): Record<string, number> {
  const perScript: Record<string, number> = {};
  for (const bundle of readdirSync(join(out, 'pagefind'))) {
    const script = bundle.replace(/-\d+$/, '');
    for (const file of readdirSync(join(out, 'pagefind', bundle)).filter((name) => name.endsWith('.pf_meta')))
      perScript[script] = (perScript[script] ?? 0) + statSync(join(out, 'pagefind', bundle, file)).size;
  }
  return Object.fromEntries(Object.entries(perScript).map(([script, bytes]) => [script, bytes / articles]));
}

/** Pages in the Pagefind index of a built site: the `page_count` of every bundle's entry file (`pagefind/` or `pagefind/<bundle>/`). */
function indexedPages(out: string): number {
  const folder = join(out, 'pagefind');
  const entries = [
    join(folder, 'pagefind-entry.json'),
    ...readdirSync(folder).map((name) => join(folder, name, 'pagefind-entry.json')),
  ];
  return entries
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { languages: Record<string, { page_count: number }> })
    .reduce((sum, entry) => sum + Object.values(entry.languages).reduce((pages, { page_count }) => pages + page_count, 0), 0);
}

// 1. The archive at scale: a cold build, then a rebuild after one article's text changed, of each size; the plain
// Astro + Pagefind peer on the same Markdown, interleaved (site cold, peer cold, the change, site rebuild, peer rebuild),
// so that a machine slowing down or speeding up mid-run touches both alike.
const builds: Record<
  number,
  { cold: BuildRun; rebuild: BuildRun; added: BuildRun; files: Record<string, { raw: number; brotli: number }> }
> = {};
const archiveSearch: Record<
  number,
  { bytes: number; requests: number; kinds: unknown; metadataPerPage: Record<string, number> }
> = {};
const peers: Record<
  number,
  { cold: PeerRun; rebuild: PeerRun; firstQuery?: { bytes: number; requests: number; kinds: unknown } }
> = {};
const secs = (milliseconds: number | undefined): string => ((milliseconds ?? 0) / 1000).toFixed(1);
const phaseNames = ['content', 'reuse', 'render', 'conversion', 'search-data', 'pagefind', 'checks', 'precompress'] as const;
console.log(
  `Archive builds (whole process tree; phases in s: ${phaseNames.join(', ')}; the rebuild follows a one-word correction to one article, then a new article is added)`,
);
console.log(
  `  articles  build         pages   wall s   CPU s  ms/page  peak MiB (node / pagefind)  phases${values.peer ? ' (the peer: astro, pagefind)' : ''}`,
);
/** A row of the table for one of the peer's builds. */
const peerRow = (count: number, label: string, run: PeerRun): string =>
  `  ${String(count).padStart(8)}  ${label.padEnd(12)} ${String(run.pages).padStart(6)} ${secs(run.wallMs).padStart(8)} ${secs(run.cpuMs).padStart(7)} ${(run.wallMs / run.pages).toFixed(2).padStart(8)} ${String(Math.round(run.peakTreeMiB)).padStart(27)}  ${secs(run.phases.astro)} / ${secs(run.phases.pagefind)}`;
for (const count of sizes) {
  const content = join(bench, `corpus-${count}`);
  const out = join(bench, `out-${count}`);
  const cache = join(bench, `cache-${count}`);
  await writeCorpus(content, count, { contentDir: join(root, 'content') });
  await rm(out, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
  const peerDir = join(bench, `peer-${count}`);
  if (values.peer) await writePeer(root, peerDir, content);
  const cold = await measureBuild(content, out, cache);
  const peerCold = values.peer ? await buildPeer(root, peerDir, true) : undefined;
  // One word of one article in the middle of the archive is corrected (its first 的 becomes 之).
  const edited = join(content, 'articles', `bench-${String(Math.ceil(count / 2)).padStart(5, '0')}.md`);
  const text = await readFile(edited, 'utf8');
  const bodyStart = text.indexOf('\n---\n', 3) + 5;
  await writeFile(edited, `${text.slice(0, bodyStart)}${text.slice(bodyStart).replace('的', '之')}`);
  const rebuild = await measureBuild(content, out, cache);
  const peerRebuild = values.peer ? await buildPeer(root, peerDir, false) : undefined;
  // Then a new article, the newest, as a desk publishes one (the peer would build it as it builds everything).
  const newest = join(content, 'articles', `bench-${String(count).padStart(5, '0')}.md`);
  await writeFile(
    join(content, 'articles', 'bench-new.md'),
    (await readFile(newest, 'utf8')).replace(/^slug: .*$/m, 'slug: bench-new').replace(/^title: "/m, 'title: "新稿：'),
  );
  const added = await measureBuild(content, out, cache);
  const files: Record<string, { raw: number; brotli: number }> = Object.fromEntries(
    [
      ['home page', 'zh-hant/index.html'],
      ['topic page', 'zh-hant/topics/china-russia/index.html'],
      ['month page', 'zh-hant/archive/2026/06/index.html'],
      ['author page', 'zh-hant/authors/mark-chen/index.html'],
      ['feed', 'zh-hant/rss.xml'],
      ['topic feed', 'zh-hant/topics/china-russia/rss.xml'],
    ].map(([name, file]) => [name, fileBytes(out, file ?? '')]),
  );
  builds[count] = { cold, rebuild, added, files };
  for (const [label, run] of [
    ['cold', cold],
    ['rebuild', rebuild],
    ['new article', added],
  ] as const)
    console.log(
      `  ${String(count).padStart(8)}  ${label.padEnd(12)} ${String(run.pages).padStart(6)} ${secs(run.wallMs).padStart(8)} ${secs(run.cpuMs).padStart(7)} ${(run.wallMs / run.pages).toFixed(2).padStart(8)} ${`${Math.round(run.peakTreeMiB)} (${run.peakByName['MainThread'] ?? run.peakByName['node'] ?? '?'} / ${run.peakByName['pagefind_extend'] ?? 0})`.padStart(27)}  ${phaseNames.map((phase) => secs(run.phases[phase])).join(' / ')}`,
    );
  if (peerCold && peerRebuild) {
    peers[count] = { cold: peerCold, rebuild: peerRebuild };
    console.log(peerRow(count, 'peer cold', peerCold));
    console.log(peerRow(count, 'peer rebuild', peerRebuild));
  }
  console.log(
    `            rebuild / cold: wall ${((rebuild.wallMs / cold.wallMs) * 100).toFixed(0)} %, CPU ${((rebuild.cpuMs / cold.cpuMs) * 100).toFixed(0)} %; live after the one-word correction in ${secs(rebuild.liveMs)} s, after the new article in ${secs(added.liveMs)} s (targets at 20,000: 60 s and 90 s)`,
  );
  console.log(
    `            bytes (raw / brotli): ${Object.entries(files)
      .map(([name, { raw, brotli }]) => `${name} ${kB(raw)} / ${kB(brotli)} kB`)
      .join('; ')}`,
  );
  // The first search from the newest article's page, cold.
  const server = await startServer(out, port + 2);
  const browser = await launch();
  try {
    const home = await (await fetch(`http://localhost:${port + 2}/zh-hant/`)).text();
    const newest = /href="(\/zh-hant\/articles\/[^"]+)"/.exec(home)?.[1] ?? '/zh-hant/';
    const [first] = await measureSearch(browser, `http://localhost:${port + 2}${newest}`, ['制裁']);
    if (first) {
      archiveSearch[count] = {
        bytes: first.bytes,
        requests: first.transfers.length,
        kinds: transferKinds(first.transfers),
        metadataPerPage: metadataPerPage(out, count),
      };
      console.log(
        `            first search (制裁, from the newest article): ${kB(first.bytes)} kB in ${first.transfers.length} requests; search metadata ${Object.entries(
          archiveSearch[count].metadataPerPage,
        )
          .map(([script, bytes]) => `${script} ${bytes.toFixed(1)} B`)
          .join(', ')} per article`,
      );
    }
  } finally {
    server.kill();
  }
  // The peer's first query, the same word from its newest article. Its files are compressed first (not timed), as
  // the site's are, so that both are weighed as a host serving brotli would send them.
  const peer = peers[count];
  if (peer) {
    await precompress(join(peerDir, 'dist'), { workerFile: join(root, 'src', 'build', 'precompress-worker.ts') });
    const peerServer = await startServer(join(peerDir, 'dist'), port + 3);
    try {
      const home = await (await fetch(`http://localhost:${port + 3}/`)).text();
      const newest = /href="(\/articles\/[^"]+)"/.exec(home)?.[1] ?? '/';
      const first = await measurePagefindQuery(browser, `http://localhost:${port + 3}${newest}`, '制裁');
      peer.firstQuery = { bytes: first.bytes, requests: first.transfers.length, kinds: transferKinds(first.transfers) };
      console.log(
        `            the peer's first search (制裁, from its newest article; Pagefind's API, the first 5 results' records): ${kB(first.bytes)} kB in ${first.transfers.length} requests`,
      );
    } finally {
      peerServer.kill();
    }
  }
  await browser.close();
}
results['builds'] = builds;
results['peer'] = peers;
if (Object.keys(peers).length > 0) {
  // The ratios as a Markdown table, for BENCHMARKS.md.
  const GiB = (mib: number): string => `${(mib / 1024).toFixed(2)} GiB`;
  const times = (ratio: number): string => `${ratio.toFixed(1)}×`;
  console.log('\nAgainst the plain Astro + Pagefind peer (scripts/bench/peer.ts), the same Markdown, interleaved:\n');
  console.log('| articles | | this site | plain Astro + Pagefind | ratio |');
  console.log('|---:|---|---:|---:|---:|');
  for (const [count, peer] of Object.entries(peers)) {
    const site = builds[Number(count)];
    if (!site) continue;
    const n = Number(count).toLocaleString('en');
    const perPage = (a: BuildRun, b: PeerRun, of: 'wallMs' | 'cpuMs'): number => a[of] / a.pages / (b[of] / b.pages);
    const indexed = [indexedPages(join(bench, `out-${count}`)), indexedPages(join(bench, `peer-${count}`, 'dist'))] as const;
    const sitePagefind = site.cold.phases['pagefind'] ?? Number.NaN;
    console.log(
      `| ${n} | cold wall / CPU (${site.cold.pages.toLocaleString('en')} / ${peer.cold.pages.toLocaleString('en')} pages) | ${secs(site.cold.wallMs)} s / ${secs(site.cold.cpuMs)} s | ${secs(peer.cold.wallMs)} s / ${secs(peer.cold.cpuMs)} s | **${times(site.cold.wallMs / peer.cold.wallMs)} per article**, ${times(perPage(site.cold, peer.cold, 'wallMs'))} per page (CPU ${times(site.cold.cpuMs / peer.cold.cpuMs)}, ${times(perPage(site.cold, peer.cold, 'cpuMs'))}) |`,
    );
    console.log(
      `| ${n} | Pagefind, cold (pages indexed) | ${secs(sitePagefind)} s (${indexed[0].toLocaleString('en')}) | ${secs(peer.cold.phases.pagefind)} s (${indexed[1].toLocaleString('en')}) | ${times(sitePagefind / indexed[0] / (peer.cold.phases.pagefind / indexed[1]))} per indexed page |`,
    );
    console.log(
      `| ${n} | peak memory of the process tree | ${GiB(site.cold.peakTreeMiB)} | ${GiB(peer.cold.peakTreeMiB)} | ${(site.cold.peakTreeMiB / peer.cold.peakTreeMiB).toFixed(2)}× |`,
    );
    console.log(
      `| ${n} | rebuild after one article changed | ${secs(site.rebuild.wallMs)} s (${((site.rebuild.wallMs / site.cold.wallMs) * 100).toFixed(0)} % of cold) | ${secs(peer.rebuild.wallMs)} s (${((peer.rebuild.wallMs / peer.cold.wallMs) * 100).toFixed(0)} % of cold) | ${times(site.rebuild.wallMs / peer.rebuild.wallMs)} |`,
    );
    console.log(
      `| ${n} | live after a one-word correction / a new article | ${secs(site.rebuild.liveMs)} s / ${secs(site.added.liveMs)} s | ${secs(peer.rebuild.wallMs)} s (a full build) | ${times(site.rebuild.liveMs / peer.rebuild.wallMs)} / ${times(site.added.liveMs / peer.rebuild.wallMs)} |`,
    );
    const siteQuery = archiveSearch[Number(count)];
    if (siteQuery && peer.firstQuery)
      console.log(
        `| ${n} | first query (制裁, from the newest article) | ${kB(siteQuery.bytes)} kB | ${kB(peer.firstQuery.bytes)} kB | ${(siteQuery.bytes / peer.firstQuery.bytes).toFixed(2)}× |`,
      );
  }
}
results['archiveSearch'] = archiveSearch;
const growth: Record<string, { perPage: number; peak: number; cpuPerPage: number }> = {};
const measured = Object.keys(builds).map(Number);
for (const to of measured.slice(1)) {
  const from = measured[0] ?? to;
  const [small, large] = [builds[from]?.cold, builds[to]?.cold];
  if (!small || !large) continue;
  growth[`${from}→${to}`] = {
    perPage: large.wallMs / large.pages / (small.wallMs / small.pages),
    cpuPerPage: large.cpuMs / large.pages / (small.cpuMs / small.pages),
    peak: large.peakTreeMiB / small.peakTreeMiB,
  };
  console.log(
    `  N=${from} → N=${to}: wall per page ×${growth[`${from}→${to}`]?.perPage.toFixed(2)}, CPU per page ×${growth[`${from}→${to}`]?.cpuPerPage.toFixed(2)}, peak memory ×${growth[`${from}→${to}`]?.peak.toFixed(2)}`,
  );
}
results['growth'] = growth;

// 2. The converter on its own, and how often it is wrong; the editor's preview.
await conversionFigures();
await previewFigures();

/** How long `npm run dev` takes to show a saved change to an article. */
async function previewFigures(): Promise<void> {
  const { saves } = await measurePreview(port + 5);
  results['preview'] = { saves };
  const sorted = [...saves].sort((a, b) => a - b);
  console.log(
    `\nThe editor's preview (npm run dev): a saved change shows on the article's page after ${sorted.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (median ${((sorted[2] ?? 0) / 1000).toFixed(2)} s)`,
  );
}

/** The converter's speed, and its accuracy on hand-checked text (the pins' text, and unseen text). */
async function conversionFigures(): Promise<void> {
  // 2. The converter on its own.
  const seedText = (await readFile(join(root, 'tests', 'fixtures', 'seeds', '000_a57ef1e7bf4c205b.txt'), 'utf8')).repeat(50);
  const html =
    (
      await readFile(join(root, 'dist', 'zh-hant', 'articles', 'xi-mishustin-after-trump-summit-2025', 'index.html'), 'utf8')
    ).match(/<div class="article__body"[^>]*>([\s\S]*?)<\/div>/)?.[1] ?? '';
  const throughput = (work: () => void, characters: number): number => {
    work();
    const started = performance.now();
    let rounds = 0;
    while (performance.now() - started < 1000) {
      work();
      rounds += 1;
    }
    return (characters * rounds) / ((performance.now() - started) / 1000);
  };
  // The same text in Simplified script, for the other direction.
  const simplifiedText = convertText(seedText, { from: 'zh-TW', to: 'zh-hans' });
  const converter = {
    tw2s: throughput(() => convertText(seedText, { from: 'zh-TW', to: 'zh-hans' }), seedText.length),
    hk2s: throughput(() => convertText(seedText, { from: 'zh-HK', to: 'zh-hans' }), seedText.length),
    s2tw: throughput(() => convertText(simplifiedText, { from: 'zh-CN', to: 'zh-hant' }), simplifiedText.length),
    html: throughput(() => convertHtml(html, { from: 'zh-TW', to: 'zh-hans' }), html.length),
  };
  results['converter'] = converter;
  const rate = (value: number): string => `${(value / 1e6).toFixed(2)} M chars/s`;
  console.log(
    `\nConverter alone: tw2s ${rate(converter.tw2s)}, hk2s ${rate(converter.hk2s)}, s2tw ${rate(converter.s2tw)}, article HTML (parse + convert + serialise) ${rate(converter.html)}`,
  );

  // S→T accuracy on hand-checked mainland news text (tests/fixtures/conversion/).
  const fixture = conversionFixture();
  const toTraditional = (glossary: Parameters<typeof convertText>[1]['glossary']): string =>
    convertText(fixture.source, { from: 'zh-CN', to: 'zh-hant', glossary });
  const s2twp = countDifferingHan(OpenCC.Converter({ from: 'cn', to: 'twp' })(fixture.source), fixture.expected);
  const accuracy = {
    s2tw: measureAccuracy(openccConverter('zh-CN', 'zh-hant')(fixture.source), fixture.expected),
    sitePins: measureAccuracy(toTraditional(siteGlossary()), fixture.expected),
    withNames: measureAccuracy(toTraditional([...fixture.names, ...siteGlossary()]), fixture.expected),
  };
  results['accuracy'] = {
    s2twp,
    ...Object.fromEntries(
      Object.entries(accuracy).map(([name, { han, errors, perThousand }]) => [name, { han, errors, perThousand }]),
    ),
  };
  console.log(
    `S→T accuracy, ${accuracy.s2tw.han} Han characters of hand-checked mainland news: s2twp (vocabulary localised, never used here) ${s2twp.errors} characters differ (${((s2twp.errors / s2twp.han) * 1000).toFixed(2)} per 1,000)`,
  );
  console.log(
    `S→T accuracy, ${accuracy.s2tw.han} Han characters of hand-checked mainland news: s2tw alone ${accuracy.s2tw.errors} errors (${accuracy.s2tw.perThousand.toFixed(2)} per 1,000); with the site glossary ${accuracy.sitePins.errors} (${accuracy.sitePins.perThousand.toFixed(2)}); with the article's names pinned too ${accuracy.withNames.errors} (${accuracy.withNames.perThousand.toFixed(2)})`,
  );

  // Conversion on unseen hand-checked text (tests/fixtures/conversion/unseen/): OpenCC alone, the page's conversion
  // without and with the site glossary, the review list's size, and what the review list catches.
  {
    const unseen = {
      s2tw: {
        opencc: measureUnseen('simplified', [], openccAlone),
        page: measureUnseen('simplified'),
        pins: measureUnseen('simplified', siteGlossary()),
      },
      t2s: {
        opencc: measureUnseen('traditional', [], openccAlone),
        page: measureUnseen('traditional'),
        pins: measureUnseen('traditional', siteGlossary()),
      },
    };
    results['unseenConversion'] = Object.fromEntries(
      Object.entries(unseen).map(([direction, measures]) => [
        direction,
        Object.fromEntries(
          Object.entries(measures).map(([name, measure]) => [
            name,
            {
              han: measure.han,
              errors: measure.errors.length,
              perThousand: perThousand(measure.errors.length, measure.han),
              flagsPerThousand: perThousand(measure.flags, measure.han),
              flaggedErrors: measure.errors.filter(({ flagged }) => flagged).length,
              changed: measure.changed,
            },
          ]),
        ),
      ]),
    );
    for (const [direction, { opencc, page, pins }] of Object.entries(unseen)) {
      const rate = (measure: UnseenMeasure): string =>
        `${measure.errors.length} (${perThousand(measure.errors.length, measure.han).toFixed(2)} per 1,000)`;
      const flagged = pins.errors.filter((error) => error.flagged).length;
      const caught = opencc.errors.length - pins.errors.length + flagged;
      console.log(
        `${direction} on ${pins.han} unseen Han: OpenCC alone ${rate(opencc)}; the page's conversion ${rate(page)}, with the site glossary ${rate(pins)}; it changed ${pins.changed.right + pins.changed.wrong} characters from OpenCC's output, ${pins.changed.right} right and ${pins.changed.wrong} wrong`,
      );
      console.log(
        `  review list: ${pins.flags} items (${perThousand(pins.flags, pins.han).toFixed(1)} per 1,000 Han${direction === 's2tw' ? `; listing every context-dependent character would give ${pins.contextDependent}, ${perThousand(pins.contextDependent, pins.han).toFixed(1)} per 1,000` : ''}), asking about ${flagged} of the ${pins.errors.length} errors left, ${pins.errors.length - flagged} left after its fixes; of OpenCC's ${opencc.errors.length} errors, ${caught} (${((caught / Math.max(1, opencc.errors.length)) * 100).toFixed(0)} %) fixed or asked about`,
      );
    }
  }
}

if (!values['search-only']) await worstArticleCosts();
if (!values['search-only']) await photoCosts();

// 3. Page weight of the real site (npm run build must have made dist/).
const dist = join(root, 'dist');
const pageTypes: Record<string, string> = {
  root: '/',
  home: '/zh-hant/',
  'article (2025, zh-hant)': '/zh-hant/articles/xi-mishustin-after-trump-summit-2025/',
  'article (2025, zh-hans)': '/zh-hans/articles/xi-mishustin-after-trump-summit-2025/',
  'article (2022, zh-hant)': '/zh-hant/articles/china-russia-no-limits-2022/',
  topic: '/zh-hant/topics/china-russia/',
  search: '/zh-hant/search/',
  '404': '/zh-hant/404.html',
};
console.log(
  '\nPage weight (bytes; raw / gzip / brotli)   HTML                    CSS                     JS                      total',
);
const weights: Record<string, unknown> = {};
const cell = (weight: { raw: number; gzip: number; brotli: number }): string =>
  `${weight.raw} / ${weight.gzip} / ${weight.brotli}`.padEnd(24);
for (const [name, path] of Object.entries(pageTypes)) {
  const weight = await pageWeight(dist, path);
  weights[name] = weight;
  console.log(`  ${name.padEnd(40)} ${cell(weight.html)}${cell(weight.css)}${cell(weight.js)}${cell(weight.total)}`);
}
for (const slug of ['xi-mishustin-after-trump-summit-2025', 'china-russia-no-limits-2022']) {
  const page = await readFile(join(dist, 'zh-hant', 'articles', slug, 'index.html'), 'utf8');
  const article = findByClass(parsePage(page), 'article');
  const text = (article === undefined ? '' : toString(article)).replace(/\s+/g, ' ');
  const textWeight = weigh(text);
  const pageTotal = (await pageWeight(dist, `/zh-hant/articles/${slug}/`)).total;
  const ratio = { gzip: pageTotal.gzip / textWeight.gzip, brotli: pageTotal.brotli / textWeight.brotli };
  weights[`ratio ${slug}`] = { text: textWeight, page: pageTotal, ...ratio };
  console.log(
    `  ${slug}: page ${pageTotal.brotli} B brotli / text ${textWeight.brotli} B brotli = ×${ratio.brotli.toFixed(2)} (gzip ×${ratio.gzip.toFixed(2)}; target under ×1.5)`,
  );
}
results['pageWeight'] = weights;

// 4. Search and the script switch in headless Chromium.
const browser = await launch();
const sites: [string, string, number][] = [['real site', dist, port]];
if (builds[1000]) sites.push(['N=1000', join(bench, 'out-1000'), port + 1]);
else if (sizes.length > 0) sites.push([`N=${sizes.at(-1)}`, join(bench, `out-${sizes.at(-1)}`), port + 1]);
const search: Record<string, SearchTiming[]> = {};
const searchCost: Record<string, unknown> = {};
/** Queries typed after the first, index warm: plain words, the other script, regional forms, variants, names, sources. */
const warmQueries = [
  '世界秩序',
  '不封頂',
  '会见',
  '军事同盟',
  '联合国',
  '普京',
  '特朗普',
  '峯會',
  '克利福德庫南',
  'Reuters',
  '中俄關係',
  '米舒斯京',
  '北約',
  '意识形态',
  '紅綫',
  'CSIS',
  '冷戰',
  '聯合聲明',
  '經濟現實',
  '可以説',
];
/** Queries nothing matches exactly: near matches and a correction are looked for. */
const nearQueries = ['米舒斯經', '習近評', 'Mishustn', '克里姆宮', '聯合生明', '托卡耶福', 'Kunnan', '冷戰是結盟'];
const article = '/zh-hant/articles/xi-mishustin-after-trump-summit-2025/';
console.log('\nSearch (header box, headless Chromium)    query            time ms   bytes kB   results');
for (const [name, dir, sitePort] of sites) {
  const server = await startServer(dir, sitePort);
  try {
    for (const [label, url, queries] of [
      ['Chinese word', `http://localhost:${sitePort}/zh-hant/`, ['制裁', '世界秩序', '不封頂']],
      ['cross-script', `http://localhost:${sitePort}/zh-hant/`, ['会见', '军事同盟', '联合国']],
    ] as const) {
      const timings = await measureSearch(browser, url, [...queries]);
      search[`${name}, ${label}`] = timings;
      timings.forEach((timing, index) => {
        const which = index === 0 ? 'first query' : 'next query';
        console.log(
          `  ${`${name}, ${label}, ${which}`.padEnd(40)} ${timing.query.padEnd(12)} ${ms(timing.ms).padStart(9)} ${kB(timing.bytes).padStart(10)} ${String(timing.results).padStart(9)}`,
        );
      });
    }
    // The first query from an article page (the real site's 2025 article, or the newest generated one),
    // what its bytes are, then warm queries and near-match queries.
    const home = await (await fetch(`http://localhost:${sitePort}/zh-hant/`)).text();
    const articlePage = name === 'real site' ? article : (/href="(\/zh-hant\/articles\/[^"]+)"/.exec(home)?.[1] ?? article);
    const [first, ...warm] = await measureSearch(browser, `http://localhost:${sitePort}${articlePage}`, ['制裁', ...warmQueries]);
    const near = (await measureSearch(browser, `http://localhost:${sitePort}${articlePage}`, ['制裁', ...nearQueries])).slice(1);
    if (first) {
      const kinds = transferKinds(first.transfers);
      searchCost[name] = { first: { ms: first.ms, bytes: first.bytes, kinds }, warm, near };
      console.log(
        `\n  ${name}: first query from an article page (制裁): ${kB(first.bytes)} kB in ${first.transfers.length} requests, ${ms(first.ms)} ms (target ≤ 100 kB)`,
      );
      for (const [kind, { body, headers, requests }] of Object.entries(kinds))
        console.log(
          `    ${kind.padEnd(34)} ${kB(body).padStart(6)} kB body + ${kB(headers).padStart(4)} kB headers, ${requests} request(s)`,
        );
    }
    for (const [label, timings] of [
      ['warm queries', warm],
      ['near-match queries', near],
    ] as const) {
      const times = timings.map((timing) => timing.ms);
      console.log(
        `  ${name}: ${label} (${times.length}, from the last keystroke, 30 ms debounce included): p50 ${ms(percentile(times, 0.5))} ms, p95 ${ms(percentile(times, 0.95))} ms, max ${ms(Math.max(...times))} ms; ${kB(timings.reduce((sum, timing) => sum + timing.bytes, 0))} kB fetched in all`,
      );
    }
    if (name === 'real site') {
      const times = await measureSwitch(
        browser,
        `http://localhost:${sitePort}/zh-hant/articles/xi-mishustin-after-trump-summit-2025/`,
      );
      const sorted = [...times].sort((a, b) => a - b);
      results['scriptSwitch'] = { runs: times, median: sorted[Math.floor(sorted.length / 2)] };
      console.log(
        `\nScript switch, click → first paint of the other page (real site, localhost): median ${ms(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms of ${times.length} (${sorted.map(ms).join(', ')})`,
      );
    }
  } finally {
    server.kill();
  }
}
results['searchCost'] = searchCost;
results['search'] = search;
await browser.close();

if (!values['search-only']) await serving();

await mkdir(bench, { recursive: true });
await writeFile(join(bench, 'results.json'), JSON.stringify(results, null, 2));
console.log('\nWrote .bench/results.json');
