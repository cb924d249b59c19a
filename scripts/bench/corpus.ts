/**
 * A deterministic archive of N articles for the benchmark, made from the
 * paragraphs and headings of the real articles in varied order (seeded, so
 * every run builds the same text), in both source variants. Written under
 * `.bench/`, never into `content/`.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';

/** mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pool {
  variant: string;
  paragraphs: string[];
  headings: string[];
  sources: { publisher: string; title: string; url?: string }[];
}

async function readPools(contentDir: string): Promise<Pool[]> {
  const pools: Pool[] = [];
  for (const name of ['xi-mishustin-after-trump-summit-2025.md', 'china-russia-no-limits-2022.md']) {
    const { data, body } = splitFrontmatter(await readFile(join(contentDir, 'articles', name), 'utf8'));
    const blocks = body
      .split(/\n{2,}/)
      .map((block) => block.trim())
      .filter(Boolean);
    pools.push({
      variant: String(data?.['sourceVariant']),
      paragraphs: blocks.filter((block) => !block.startsWith('#')),
      headings: blocks.filter((block) => block.startsWith('#')).map((block) => block.replace(/^#+\s*/, '')),
      sources: (data?.['sources'] as Pool['sources'] | undefined) ?? [],
    });
  }
  return pools;
}

const yamlString = (text: string): string => JSON.stringify(text);

/** The bylines of the generated archive: names as the sources print them, each with a role. */
const authors: [string, string][] = [
  ['Lia', '撰稿人'],
  ['Zaphyra', '責任編輯'],
  ['范強', '記者'],
  ['陳思遠', '記者'],
  ['林佳慧', '撰稿人'],
  ['黃志明', '特約評論員'],
  ['張曉雯', '記者'],
  ['王建國', '撰稿人'],
  ['李文傑', '記者'],
  ['周美玲', '編輯'],
  ['Mark Chen', '撰稿人'],
  ['Anna Liu', '記者'],
  ['劉子豪', '評論員'],
  ['吳淑芬', '記者'],
  ['鄭家豪', '撰稿人'],
  ['謝雅琪', '記者'],
];

/** The file that marks a folder as a generated archive, so that writing one again may empty it. */
const marker = '.generated-archive';

export interface CorpusOptions {
  /** The content folder whose articles, topics, glossary and names the corpus is made from. */
  contentDir?: string;
  seed?: number;
  /** The first and last day of the archive (`YYYY-MM-DD`); the articles are spread evenly between them. */
  first?: string;
  last?: string;
}

/** Writes `N` articles, and the topics, glossary and names files, into `dir` (a content folder). */
export async function writeCorpus(dir: string, count: number, options: CorpusOptions = {}): Promise<void> {
  const { contentDir = 'content', seed = 20251105 } = options;
  const first = Date.parse(options.first ?? '2018-01-01');
  const last = Date.parse(options.last ?? '2026-06-30');
  const pools = await readPools(contentDir);
  const topicIds = [...(await readFile(join(contentDir, 'topics.yaml'), 'utf8')).matchAll(/^- id: (\S+)/gm)].map(
    (match) => match[1] ?? '',
  );
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // The folder is emptied first: only if it is missing, empty or an archive written here before.
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0 && !existing.includes(marker))
    throw new Error(`${dir} is not a generated archive (no ${marker}); refusing to empty it`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'articles'), { recursive: true });
  await writeFile(join(dir, marker), `${count} articles, seed ${seed}\n`);
  for (const file of ['topics.yaml', 'glossary.yaml', 'names.yaml']) await cp(join(contentDir, file), join(dir, file));
  const allHeadings = pools.flatMap((pool) => pool.headings);
  const sources = pools.flatMap((pool) => pool.sources);
  for (let index = 1; index <= count; index++) {
    const pool = pools[index % pools.length] as Pool;
    const paragraphs = Array.from({ length: 8 + Math.floor(next() * 14) }, () => pick(pool.paragraphs));
    const body: string[] = [];
    paragraphs.forEach((paragraph, at) => {
      if (at > 1 && at % 4 === 2) body.push(`## ${pick(pool.headings.length > 0 ? pool.headings : allHeadings)}`);
      body.push(paragraph);
    });
    const title = `${pick(pool.headings)} ${pick(pool.headings)}`;
    const summary = (paragraphs[0] ?? '').split('。')[0] + '。';
    const topics = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(topicIds)))];
    const cited = Array.from({ length: Math.floor(next() * 4) }, () => pick(sources));
    // Spread over the archive's years, several a day, never later than its last day.
    const day = new Date(first + Math.floor(((index - 1) * (last - first)) / Math.max(1, count - 1) / 86_400_000) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const [name, role] = pick(authors);
    const frontmatter = [
      '---',
      `slug: bench-${String(index).padStart(5, '0')}`,
      `title: ${yamlString(title)}`,
      `summary: ${yamlString(summary)}`,
      'authors:',
      `  - name: ${yamlString(name)}`,
      `    role: ${role}`,
      `outlet: ${pick(['Independent Media', '經濟通'])}`,
      `published: ${day}`,
      `sourceVariant: ${pool.variant}`,
      `topics: [${topics.join(', ')}]`,
      'sources:',
      ...cited.flatMap((source) => [
        `  - publisher: ${yamlString(source.publisher)}`,
        `    title: ${yamlString(source.title)}`,
        ...(source.url ? [`    url: ${source.url}`] : []),
      ]),
      '---',
    ];
    if (cited.length === 0) frontmatter.splice(frontmatter.indexOf('sources:'), 1, 'sources: []');
    await writeFile(
      join(dir, 'articles', `bench-${String(index).padStart(5, '0')}.md`),
      `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`,
    );
  }
}
