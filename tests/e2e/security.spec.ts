/**
 * The Content Security Policy holds on every page (no violation, even while
 * searching), and hostile search input stays text: no script runs, no
 * element is injected, the page stays usable.
 */
import { expect, test, type Page } from '@playwright/test';
import { pageTypes } from './helpers.ts';

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

for (const path of [...pageTypes('zh-hant'), ...pageTypes('zh-hans'), '/']) {
  test(`${path} loads without a CSP violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    if (path.includes('/search/')) await expect(page.locator('.search-result').first()).toBeVisible();
    await page.waitForTimeout(200);
    expect(violations).toEqual([]);
  });
}

test('searching from the header box (WebAssembly, fetches) raises no CSP violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/zh-hans/');
  await page.locator('#site-search').fill('制裁');
  await expect(page.locator('#site-search-results [role="option"]')).toHaveCount(1);
  expect(violations).toEqual([]);
});

test('pages send the security headers', async ({ page }) => {
  const response = await page.goto('/zh-hant/');
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
});

/** Hostile queries: the text typed, and how it arrives in `?q=` (percent-encoded). */
const payloads: { text: string; url?: string }[] = [
  { text: '<script>window.__pwned = 1</script>' },
  { text: '"><img src=x onerror="window.__pwned=1">' },
  { text: "'><svg onload=window.__pwned=1>" },
  { text: 'javascript:window.__pwned=1' },
  { text: '<a href="javascript:window.__pwned=1">點</a>' },
  { text: '&lt;script&gt;&amp;&#x3C;&unknown;&#99999999;' },
  { text: '\u202Eبحث 中俄\u202C' },
  // Lone surrogates cannot be UTF-8: in a URL they arrive as invalid bytes.
  { text: '\uD800 lone surrogate \uDFFF', url: '%ED%A0%80%20lone%20surrogate%20%ED%BF%BF' },
  { text: '{{constructor.constructor("window.__pwned=1")()}}' },
  { text: '中'.repeat(3000), url: encodeURIComponent('中'.repeat(1000)) },
  { text: '%3Cscript%3Ewindow.__pwned=1%3C/script%3E' },
  { text: '   ' },
  { text: '，。！？「」' },
];

for (const [index, { text: payload, url }] of payloads.entries()) {
  test(`hostile query ${index + 1} is shown as text and runs nothing`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/zh-hant/search/?q=${url ?? encodeURIComponent(payload)}`);
    await expect(page.locator('[data-search-status]')).not.toHaveText(/^$|……$/);
    // The header box too, as typed.
    await page.locator('#site-search').fill(payload);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.querySelectorAll('script:not([src])').length,
      injected: document.querySelectorAll('main img, main svg, main iframe, [onerror], [onload]').length,
      heading: document.querySelector('h1')?.textContent ?? '',
      title: document.title,
    }));
    expect(state.pwned).toBeUndefined();
    expect(state.scripts).toBe(0);
    expect(state.injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(state.title.endsWith('｜國際時評')).toBe(true);
    // Still usable: a real search works after the hostile one.
    await page.locator('#search-page-input').fill('制裁');
    await expect(page.locator('[data-search-results] .search-result')).toHaveCount(1);
  });
}
