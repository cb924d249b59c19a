/**
 * What the worst article for each algorithm costs (`worst-articles.ts`): the
 * content checks of each, timed on their own, then a real build of the ones
 * that are published, with where its time went. For `npm run bench`.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkArticleFile } from '../../src/content/article-check.ts';
import { measureTree } from './process-tree.ts';
import { worstArticles } from './worst-articles.ts';

export interface WorstCost {
  checks: { name: string; attacks: string; bytes: number; ms: number; outcome: string }[];
  build: { articles: number; wallMs: number; peakTreeMiB: number; phases: Record<string, number> };
}

export async function measureWorstArticles(root: string, bench: string): Promise<WorstCost> {
  const articles = worstArticles();
  const checks = articles.map(({ name, attacks, source }) => {
    const started = performance.now();
    const { problems } = checkArticleFile(`content/articles/${name}.md`, source, { topicIds: new Set(['world-order']) });
    return {
      name,
      attacks,
      bytes: Buffer.byteLength(source),
      ms: performance.now() - started,
      outcome: problems.length === 0 ? 'published' : `refused: ${problems[0]?.message ?? ''}`,
    };
  });
  const content = join(bench, 'worst-content');
  await rm(content, { recursive: true, force: true });
  await mkdir(join(content, 'articles'), { recursive: true });
  for (const file of ['topics.yaml', 'glossary.yaml']) await cp(join(root, 'content', file), join(content, file));
  const published = articles.filter(({ expect }) => expect === 'published');
  for (const { name, source } of published) await writeFile(join(content, 'articles', `${name}.md`), source);
  const report = join(bench, 'worst-timings.json');
  const out = join(bench, 'worst-dist');
  const cache = join(bench, 'worst-cache');
  await rm(cache, { recursive: true, force: true });
  const run = await measureTree(
    process.execPath,
    ['scripts/build.mjs', '--out', out, '--content', content, '--cache', cache, '--timings', report, '--quiet'],
    root,
  );
  if (run.status !== 0) throw new Error(`the build of the worst articles failed:\n${run.output}`);
  const { wall: _wall, peakRssKiB: _peak, ...phases } = JSON.parse(await readFile(report, 'utf8')) as Record<string, number>;
  return {
    checks,
    build: { articles: published.length, wallMs: run.wallMs, peakTreeMiB: run.peakTreeRssKiB / 1024, phases },
  };
}
