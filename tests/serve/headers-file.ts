/**
 * Reads a Netlify/Cloudflare Pages `_headers` file the way those hosts apply
 * it, so the tests can check that the local server and nginx send at least
 * what the file promises.
 * @see https://developers.cloudflare.com/pages/configuration/headers/
 */

export interface HeaderRule {
  /** Path pattern; `*` matches any run of characters. */
  pattern: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && separator > 0) rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const expression = pattern
    .split('*')
    .map((part) => RegExp.escape(part))
    .join('.*');
  return new RegExp(`^${expression}$`).test(path);
}

/** The headers for a site-relative path: every matching rule, later rules overriding earlier ones. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => matches(rule.pattern, path)).map((rule) => rule.headers));
}
