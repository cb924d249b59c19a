/**
 * `npm run test:dist`: checks a built site folder without a browser:
 * no broken internal link or fragment, RSS feeds that are well-formed and
 * complete, and no error from the W3C Nu HTML checker (vnu.jar, needs Java).
 *
 * Usage: node scripts/check-dist.mjs <dir> [--base /news/]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { readBuildOptions } from '../../src/build/options.ts';
import { collectLinks, findBrokenLinks, type PageLinks } from '../../src/checks/links.ts';
import { parsePage } from '../../src/checks/page-text.ts';
import { scripts } from '../../src/site/scripts.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: '/' } } });
const dir = resolve(positionals[0] ?? 'dist');
const base = values.base.replace(/\/?$/, '/');
// The origin the site was built for (`SITE_URL`): absolute links to it are internal.
const { site } = readBuildOptions();
const problems: string[] = [];

const pages = new Map<string, PageLinks>();
for await (const name of glob('**/*.html', { cwd: dir })) {
  const path = `${base}${name.replace(/(^|\/)index\.html$/, '$1')}`;
  pages.set(path, collectLinks(parsePage(await readFile(join(dir, name), 'utf8'))));
}
const fileExists = (path: string): boolean => {
  if (!path.startsWith(base)) return false;
  const file = join(dir, path.slice(base.length));
  return existsSync(file) && statSync(file).isFile();
};
const links = findBrokenLinks({ site: new URL(base, site).href, pages, fileExists });
problems.push(...links.problems);
console.log(
  `Links: ${pages.size} pages, ${links.checked} internal links checked, ${links.external} external links not followed.`,
);

const parser = new XMLParser({ ignoreAttributes: false });
for (const script of scripts) {
  const file = join(dir, script, 'rss.xml');
  const xml = await readFile(file, 'utf8');
  const feed = parser.parse(xml) as { rss?: { channel?: { title?: string; link?: string; item?: unknown } } };
  const channel = feed.rss?.channel;
  if (!channel?.title || !channel.link) problems.push(`${script}/rss.xml: channel lacks title or link`);
  const items = ([] as Record<string, unknown>[]).concat((channel?.item as Record<string, unknown>[] | undefined) ?? []);
  items.forEach((item, index) => {
    for (const field of ['title', 'link', 'guid', 'pubDate', 'description', 'content:encoded']) {
      if (item[field] === undefined || item[field] === '') problems.push(`${script}/rss.xml: item ${index + 1} lacks <${field}>`);
    }
    if (Number.isNaN(Date.parse(String(item['pubDate']))))
      problems.push(`${script}/rss.xml: item ${index + 1} has an unreadable pubDate`);
  });
  console.log(`Feed ${script}: ${items.length} items with full text.`);
}

const jar = resolve(import.meta.dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const vnu = spawnSync('java', ['-Xss4m', '-jar', jar, '--errors-only', '--skip-non-html', '--format', 'gnu', dir], {
  encoding: 'utf8',
});
if (vnu.error) problems.push(`Nu HTML checker did not run (${vnu.error.message}): install Java 11 or newer`);
else {
  const errors = `${vnu.stdout}${vnu.stderr}`.trim();
  if (vnu.status !== 0 || errors !== '')
    problems.push(...errors.split('\n').map((line) => `Nu HTML checker: ${line.replace(dir, '')}`));
  else console.log(`Nu HTML checker: ${pages.size} pages, no errors.`);
}

if (problems.length > 0) {
  console.error(
    `\n${problems.length} problem(s) in ${positionals[0] ?? 'dist'}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
  );
  process.exitCode = 1;
}
