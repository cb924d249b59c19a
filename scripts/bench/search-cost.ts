/** What a search's bytes are (Pagefind's wasm and code, index, fragments, our code and data), and percentiles of timings. */
import type { Transfer } from './browser.ts';

/** The kind of a search request, from its URL. */
export function transferKind(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith('.pagefind')) return "Pagefind's WebAssembly";
  if (path.endsWith('/pagefind.js')) return 'pagefind.js';
  // Pagefind's own worker (the benchmark's peer loads it; the site runs Pagefind on the main thread).
  if (path.endsWith('/pagefind-worker.js')) return "Pagefind's worker";
  if (path.endsWith('.pf_index')) return 'index chunks';
  if (path.endsWith('.pf_fragment')) return 'page fragments';
  if (path.endsWith('.pf_meta') || path.endsWith('pagefind-entry.json')) return 'index metadata';
  if (/\/search\/[^/]+\.json$/.test(path)) return 'search data (map, variants, regional forms)';
  if (path.endsWith('.js')) return 'our search code and strings';
  return 'other';
}

/** Body and header bytes and request count per kind. */
export function transferKinds(
  transfers: readonly Transfer[],
): Record<string, { body: number; headers: number; requests: number }> {
  const kinds: Record<string, { body: number; headers: number; requests: number }> = {};
  for (const { url, body, headers } of transfers) {
    const kind = transferKind(url);
    const entry = (kinds[kind] ??= { body: 0, headers: 0, requests: 0 });
    entry.body += body;
    entry.headers += headers;
    entry.requests += 1;
  }
  return kinds;
}

/** The `p` quantile (0–1) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}
