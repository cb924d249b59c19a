/**
 * Search and script-switch timings in headless Chromium against a served
 * site: bytes fetched (by request) and time from the last keystroke of a
 * query to rendered results (first query on a cold page, then next queries
 * with the index warm), and the time from a click on 繁體/简体 to the first
 * paint of the other page.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumFlags, chromiumPath } from '../chromium.ts';

/** One response that finished while a query ran: its URL, body and header bytes on the wire. */
export interface Transfer {
  url: string;
  body: number;
  headers: number;
}

export interface SearchTiming {
  query: string;
  ms: number;
  bytes: number;
  results: number;
  transfers: Transfer[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/** Bytes on the wire (encoded bodies and headers) of the requests that finish while `work` runs. */
async function countBytes<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; bytes: number; transfers: Transfer[] }> {
  const transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  const listener = (request: import('@playwright/test').Request): void => {
    pending.push(
      request.sizes().then(
        (sizes) => void transfers.push({ url: request.url(), body: sizes.responseBodySize, headers: sizes.responseHeadersSize }),
        () => undefined,
      ),
    );
  };
  page.on('requestfinished', listener);
  const value = await work();
  page.off('requestfinished', listener);
  await Promise.all(pending);
  return { value, bytes: transfers.reduce((sum, { body, headers }) => sum + body + headers, 0), transfers };
}

/** Types `query` into the header box and waits for the results to be drawn. */
async function typeQuery(page: Page, query: string): Promise<{ ms: number; results: number }> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#site-search');
    const status = document.querySelector('.search-box__status');
    if (!input || !status) throw new Error('no search box');
    status.textContent = '';
    const started = performance.now();
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Done when the status shows a count, "no results" or "unavailable", then one more frame to paint it.
    await new Promise<void>((done) => {
      const check = (): void =>
        /\d|找不到|暫時|暂时/.test(status.textContent ?? '') ? done() : void requestAnimationFrame(check);
      requestAnimationFrame(check);
    });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return { ms: performance.now() - started, results: document.querySelectorAll('#site-search-results [role="option"]').length };
  }, query);
}

/** First query on a fresh page (cold cache), then the next queries on the same page. */
export async function measureSearch(browser: Browser, url: string, queries: string[]): Promise<SearchTiming[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const timings: SearchTiming[] = [];
  for (const query of queries) {
    // Clear the box between queries, so each one is a new search.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search');
      if (input) input.value = '';
    });
    const { value, bytes, transfers } = await countBytes(page, () => typeQuery(page, query));
    timings.push({ query, ms: value.ms, bytes, results: value.results, transfers });
  }
  await context.close();
  return timings;
}

/** Milliseconds from a click on the switch (mid-article) to the first paint of the other page; median of `runs`. */
export async function measureSwitch(browser: Browser, url: string, runs = 7): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const times: number[] = [];
  await page.goto(url, { waitUntil: 'load' });
  for (let run = 0; run < runs; run++) {
    await page.evaluate(() => document.getElementById('p12')?.scrollIntoView());
    const before = page.url();
    // Note the click time in the page, and click after evaluate returns (the click navigates away).
    await page.evaluate(() => {
      setTimeout(() => {
        sessionStorage.setItem('bench:clicked', String(performance.timeOrigin + performance.now()));
        document.querySelector<HTMLAnchorElement>('.script-switch')?.click();
      }, 0);
    });
    await page.waitForURL((url) => url.href.split('#')[0] !== before.split('#')[0], { waitUntil: 'load' });
    times.push(
      await page.evaluate(async () => {
        for (let wait = 0; wait < 50 && performance.getEntriesByName('first-contentful-paint').length === 0; wait++) {
          await new Promise((done) => setTimeout(done, 20));
        }
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const clicked = Number(sessionStorage.getItem('bench:clicked'));
        return paint ? performance.timeOrigin + paint.startTime - clicked : Number.NaN;
      }),
    );
  }
  await context.close();
  return times;
}

/**
 * The first query on a plain Pagefind site (the benchmark's peer, which has no search box of its own): on a fresh page,
 * Pagefind's documented JavaScript API loads `pagefind.js`, runs `search(query)` and reads the records of the first
 * `shown` results (5, what Pagefind's own UI shows first). Bytes as in measureSearch, worker requests included.
 */
export async function measurePagefindQuery(browser: Browser, url: string, query: string, shown = 5): Promise<SearchTiming> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const { value, transfers } = await countBytes(page, () =>
    page.evaluate(
      async ([text, count]) => {
        const started = performance.now();
        const pagefind = (await import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href)) as {
          search(term: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
        };
        const { results } = await pagefind.search(text);
        await Promise.all(results.slice(0, count).map((result) => result.data()));
        return { ms: performance.now() - started, results: results.length };
      },
      [query, shown] as const,
    ),
  );
  await context.close();
  // Chromium gives a worker's own script a body of 0 bytes: those are asked for again, and weighed as served.
  for (const transfer of transfers.filter(({ body }) => body === 0)) {
    const response = await fetch(transfer.url, { headers: { 'accept-encoding': 'br, gzip' } });
    await response.arrayBuffer();
    transfer.body = Number(response.headers.get('content-length') ?? 0);
  }
  const bytes = transfers.reduce((sum, { body, headers }) => sum + body + headers, 0);
  return { query, ms: value.ms, bytes, results: value.results, transfers };
}
