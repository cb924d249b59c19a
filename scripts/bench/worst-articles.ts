/**
 * The worst article for each algorithm the build runs on an article, at the
 * size cap (just under 1 MB), or at a markup limit just under or over it:
 * the inputs a contributor would send to make one build take hours. The
 * unit test `tests/unit/bounded-work.test.ts` runs each through the content
 * checks and asserts its outcome; `npm run bench` builds the published ones
 * for real and prints what each costs.
 */
import {
  maxBlockLines,
  maxBrackets,
  maxContainerWork,
  maxEmphasisMarkers,
  maxHtmlTags,
  maxNesting,
  maxTableCells,
  maxTextLines,
} from '../../src/markdown/markup-budget.ts';

export interface WorstArticle {
  /** A slug, and what it attacks. */
  name: string;
  attacks: string;
  source: string;
  /** `published`, or the words the refusal must hold. */
  expect: 'published' | { refused: string };
}

/** Just under the 1 MB file limit, leaving room for the frontmatter. */
const budget = 990_000;

function frontmatter(slug: string, variant = 'zh-TW', title?: string): string {
  const simplified = variant === 'zh-CN';
  const fields = simplified
    ? { title: '最坏情况的文章', summary: '一篇为测试而写的文章。', name: '测试', role: '记者' }
    : { title: '最壞情況的文章', summary: '一篇為測試而寫的文章。', name: '測試', role: '記者' };
  return `---\nslug: ${slug}\ntitle: ${title ?? fields.title}\nsummary: ${fields.summary}\nauthors:\n  - name: ${fields.name}\n    role: ${fields.role}\noutlet: ${fields.name}\npublished: 2025-01-01\nsourceVariant: ${variant}\ntopics: [world-order]\n---\n\n`;
}

/** `unit` repeated to fill the body up to the budget, in UTF-8 bytes. */
const fill = (unit: string, bytes = budget): string => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));
/** Chinese prose, to fill a file around a trap. */
const prose = (bytes: number): string => `${fill('中國與俄羅斯的關係在制裁之下仍然持續發展。', bytes)}\n`;

export function worstArticles(): WorstArticle[] {
  const article = (
    name: string,
    attacks: string,
    body: string,
    expect: WorstArticle['expect'] = 'published',
    variant?: string,
  ) => ({
    name,
    attacks,
    source: `${frontmatter(name, variant)}${body}\n`,
    expect,
  });
  const nested = (depth: number): string => `${'> '.repeat(depth)}甲`;
  return [
    article('worst-digits', 'Latin and numeral runs: one paragraph of "1 1 1 …"', fill('1 ')),
    article('worst-latin-words', 'Latin runs: one paragraph of Latin words', fill('ab ')),
    article('worst-latin-run', 'Latin runs: one Latin word of a million letters', fill('a')),
    article('worst-han-run', 'conversion: one paragraph of a single Han character', fill('國')),
    article('worst-simplified', 'conversion S→T and the review list: one paragraph of 发', fill('发'), 'published', 'zh-CN'),
    article('worst-quotes', 'quotation marks: nested quotes that never close', fill('「甲『乙')),
    article('worst-rules', 'inline rules: a rule after every character', fill('甲-{乙}-')),
    article('worst-open-rules', 'inline rules: a rule that never closes, repeated', fill('-{甲'), { refused: 'inline rule' }),
    article('worst-entities', 'character references', fill('&#20013;')),
    article('worst-commas', 'the punctuation lint: a comma after every character', fill('中,')),
    article(
      'worst-emphasis',
      `emphasis: ${maxEmphasisMarkers - 10} markers in one paragraph`,
      `${'*甲'.repeat(maxEmphasisMarkers - 10)}\n\n${prose(budget - 40_000)}`,
    ),
    article('worst-emphasis-over', 'emphasis: past the limit', fill('*甲'), { refused: 'emphasis marks' }),
    article(
      'worst-brackets',
      `links: ${maxBrackets - 10} brackets in one paragraph`,
      `${'[甲'.repeat(maxBrackets - 10)}\n\n${prose(budget - 40_000)}`,
    ),
    article('worst-brackets-over', 'links: past the limit', fill('[甲](x)'), { refused: 'brackets' }),
    article(
      'worst-headings',
      `headings: ${maxBlockLines - 10} setext headings`,
      `${'標題\n---\n\n'.repeat((maxBlockLines - 10) / 2)}${prose(budget - 40_000)}`,
    ),
    article('worst-headings-over', 'setext headings: past the limit', fill('甲\n---\n'), { refused: 'lines of list items' }),
    article(
      'worst-nesting',
      `containers: quotes ${maxNesting} deep, ${Math.floor(maxContainerWork / maxNesting)} times`,
      `${Array.from({ length: Math.floor(maxContainerWork / maxNesting) }, () => nested(maxNesting)).join('\n\n')}\n\n${prose(budget - 40_000)}`,
    ),
    article('worst-nesting-over', 'containers: deeper than the limit', nested(maxNesting + 1), { refused: 'levels deep' }),
    article(
      'worst-paragraphs',
      `paragraphs: ${maxTextLines - 10} short ones`,
      `${'甲。\n\n'.repeat(maxTextLines - 10)}${prose(budget - 150_000)}`,
    ),
    article('worst-paragraphs-over', 'paragraphs: past the limit', fill('甲。\n\n'), { refused: 'lines of text' }),
    article(
      'worst-tags',
      `raw HTML: ${maxHtmlTags - 10} tags`,
      `${'<sup>1</sup>'.repeat((maxHtmlTags - 10) / 2)}\n\n${prose(budget - 60_000)}`,
    ),
    article(
      'worst-table',
      `tables: ${maxTableCells - 10} cells`,
      `|${'甲|'.repeat((maxTableCells - 10) / 2 - 1)}\n|${'-|'.repeat((maxTableCells - 10) / 2 - 1)}\n\n${prose(budget - 40_000)}`,
    ),
    {
      name: 'worst-title',
      attacks: 'a headline of 200 characters, the limit: every list, card and feed shows it',
      source: `${frontmatter('worst-title', 'zh-TW', '標題'.repeat(100))}${prose(budget - 10_000)}`,
      expect: 'published',
    },
    {
      name: 'worst-title-over',
      attacks: 'a headline of 300,000 characters',
      source: `${frontmatter('worst-title-over', 'zh-TW', fill('標題', 900_000))}正文。\n`,
      expect: { refused: 'at most 200 characters' },
    },
    {
      name: 'worst-yaml',
      attacks: 'frontmatter nested a hundred thousand lists deep',
      source: `---\nslug: worst-yaml\ntitle: ${'['.repeat(100_000)}\n---\n\n正文。\n`,
      expect: { refused: 'maxDepth' },
    },
  ];
}
