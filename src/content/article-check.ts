/**
 * Checks one article file the way the build sees it and reports every
 * problem with the file, the line and the field, so that an editor can fix a
 * bad article without reading a stack trace. The frontmatter is split once;
 * the body checked is the body rendered (`renderArticleMarkdown`).
 */
import { basename } from 'node:path';
import type { z } from 'astro/zod';
import type { Glossary } from '../conversion/index.ts';
import { articleGlossary, parseRules, reviewConversion } from '../conversion/index.ts';
import { describeReviewItem } from '../markdown/remark-conversion-review.ts';
import { scriptInfo, scriptOfVariant, sourceVariantRegistry, type SourceVariant } from '../site/scripts.ts';
import { fieldAtLine, fieldLine, FrontmatterError, splitFrontmatter, type SplitFile } from '../markdown/frontmatter.ts';
import { describeForbidden, forbiddenCharacters, type ForbiddenCharacter } from '../site/text-characters.ts';
import { maxArticleBytes } from './content-files.ts';
import { renderArticleMarkdown, type RenderedMarkdown } from '../markdown/processor.ts';
import { strayCharacters } from '../markdown/remark-script-check.ts';
import { articleFields, articleSchema, type ArticleFrontmatter } from '../schemas/article.ts';
import { checkGlossaryForms } from './glossary-check.ts';
import type { FigureText } from '../markdown/rehype-figures.ts';
import type { PhotoReference } from './photo-check.ts';
import type { ContentProblem } from '../build/state.ts';

export type { ContentProblem };

export interface CheckedArticle {
  file: string;
  /** Frontmatter as written (dates still strings), for the collection schema to parse. */
  raw: Record<string, unknown>;
  data: ArticleFrontmatter;
  /** The body rendered to HTML in its source script, inline rules still in the text. */
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  /** Han characters of the body, for the reading time. */
  hanCharacters: number;
  /** The photos it names (lead and figures), where it names them: checked with the folder (`photo-check.ts`). */
  photos: PhotoReference[];
}

export interface ArticleCheckContext {
  /** The topics that exist. */
  topicIds: ReadonlySet<string>;
  /** The site's glossary, for the review list. */
  glossary?: Glossary | undefined;
  /** Also run the editors' lint (punctuation, review list) and return its messages. */
  lint?: boolean | undefined;
  /** Also return the review list, without the punctuation lint (the editor's preview). */
  review?: boolean | undefined;
}


export function formatProblem({ file, line, column, field, message }: ContentProblem): string {
  const place = line === undefined ? '' : column === undefined ? `:${line}` : `:${line}:${column}`;
  return `${file}${place}: ${field}: ${message}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Edit distance of two short field names, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The known field nearest to a misspelt one (author → authors, titel → title), if one is near. */
function nearestField(name: string, known: readonly string[]): string | undefined {
  const [best] = known
    .map((field) => ({ field, cost: distance(name.toLowerCase(), field.toLowerCase()) }))
    .sort((a, b) => a.cost - b.cost);
  return best !== undefined && best.cost <= Math.max(1, Math.floor(name.length / 3)) ? best.field : undefined;
}

const topLevelFields = Object.keys(articleFields.shape);

/** What a value of each kind is called for an editor. */
const kindNames: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', object: 'a set of fields', boolean: 'yes or no' };

function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    const suggestion = issue.path.length === 0 && issue.keys.length === 1 ? nearestField(issue.keys[0] ?? '', topLevelFields) : undefined;
    return {
      path: [...issue.path, ...issue.keys.slice(0, 1)],
      message: `unknown field ${names}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
    };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { path: issue.path, message: 'is required' };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'array' && typeof issue.input === 'string') {
    const name = String(issue.path.at(-1) ?? 'field');
    return {
      path: issue.path,
      message: `must be a list, even of one: write ${name}: [${issue.input}], or each item on its own line starting with "- "`,
    };
  }
  if (issue.code === 'invalid_type') {
    const got = Array.isArray(issue.input) ? 'array' : typeof issue.input;
    return { path: issue.path, message: `must be ${kindNames[issue.expected] ?? issue.expected}, not ${kindNames[got] ?? got}` };
  }
  return { path: issue.path, message: issue.message };
}

/** The frontmatter fields a reader sees as text, with their paths. */
function textFields(data: ArticleFrontmatter): [string, string][] {
  return [
    ['title', data.title],
    ['summary', data.summary],
    ...data.authors.flatMap(({ name, role }, index): [string, string][] => [
      [`authors[${index}].name`, name],
      [`authors[${index}].role`, role],
    ]),
    ['outlet', data.outlet],
    ...(data.dateline === undefined ? [] : [['dateline', data.dateline] as [string, string]]),
    ...data.sources.flatMap(({ publisher, title }, index): [string, string][] => [
      [`sources[${index}].publisher`, publisher],
      [`sources[${index}].title`, title],
    ]),
    ...data.corrections.map(({ note }, index): [string, string] => [`corrections[${index}].note`, note]),
    ...(data.photo === undefined
      ? []
      : ([
          ['photo.alt', data.photo.alt],
          ['photo.caption', data.photo.caption],
        ] as [string, string][])),
    ...data.figures.map(({ caption }, index): [string, string] => [`figures[${index}].caption`, caption]),
  ];
}

const isSourceVariant = (value: unknown): value is SourceVariant =>
  typeof value === 'string' && Object.hasOwn(sourceVariantRegistry, value);

export interface ArticleCheckResult {
  problems: ContentProblem[];
  /** Lint messages that do not stop the build (the review list). */
  warnings: ContentProblem[];
  article?: CheckedArticle;
}

/**
 * Numeric character references (`&#12;`, `&#xFFFE;`) to a control character,
 * a noncharacter or a surrogate, outside code (a fenced block, or backticks
 * on the line), each as the character it names, at the reference.
 */
function forbiddenReferences(source: string): ForbiddenCharacter[] {
  if (!source.includes('&#')) return [];
  const found: ForbiddenCharacter[] = [];
  let fenced: string | undefined;
  let offset = 0;
  for (const line of source.split('\n')) {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenced !== undefined) {
      if (fence !== undefined && fence[0] === fenced[0] && fence.length >= fenced.length) fenced = undefined;
    } else if (fence !== undefined) fenced = fence;
    else {
      // Backticks before each reference, counted on from the last one: a line of 100,000 references is read once,
      // not once per reference (the worst-entities article took a minute).
      let ticks = 0;
      let counted = 0;
      for (const match of line.matchAll(/&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g)) {
        for (; counted < match.index; counted += 1) if (line.charCodeAt(counted) === 0x60) ticks += 1;
        const inCode = ticks % 2 === 1;
        const codePoint = match[1] !== undefined ? Number.parseInt(match[1], 16) : Number(match[2]);
        if (inCode || codePoint > 0x10ffff) continue;
        const character = String.fromCodePoint(codePoint);
        const [forbidden] = forbiddenCharacters(character);
        if (forbidden !== undefined) found.push({ ...forbidden, index: offset + match.index });
      }
    }
    offset += line.length + 1;
  }
  return found;
}

/** Adds a problem of the file being checked. */
type Report = (field: string, message: string, line?: number, column?: number) => void;

/** The file split into frontmatter and body, or `undefined` after reporting why it cannot be read as an article. */
function readArticleSource(source: string, report: Report): (SplitFile & { data: Record<string, unknown> }) | undefined {
  const bytes = Buffer.byteLength(source);
  if (bytes > maxArticleBytes) {
    report('file', `is ${(bytes / 1e6).toFixed(1)} MB, over the ${maxArticleBytes / 1e6} MB limit for one article`);
    return undefined;
  }
  // A control character or noncharacter anywhere stops the file here: a parser would keep it, or quietly replace it
  // (a reference to one, &#xFFFE;, Markdown turns into U+FFFD without a word).
  const forbidden = [...forbiddenCharacters(source), ...forbiddenReferences(source)].sort((a, b) => a.index - b.index);
  if (forbidden.length > 0) {
    const fence = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(source);
    const frontmatterEnd = fence === null ? 0 : fence[0].length;
    for (const found of forbidden.slice(0, 10)) {
      const before = source.slice(0, found.index);
      const line = before.split('\n').length;
      const column = Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1;
      const field = found.index < frontmatterEnd ? fieldAtLine(fence?.[1] ?? '', line) : 'body';
      report(field, `holds ${describeForbidden(found)}, which no page or feed may carry: delete it`, line, column);
    }
    if (forbidden.length > 10) report('file', `holds ${forbidden.length - 10} more such characters`);
    return undefined;
  }
  let split: SplitFile;
  try {
    split = splitFrontmatter(source);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    report('frontmatter', error.message, error.line);
    return undefined;
  }
  if (split.data === undefined) {
    report('frontmatter', 'is missing: start the file with a --- block of fields', 1);
    return undefined;
  }
  return { ...split, data: split.data };
}

/** The figures as far as they can be read before the schema (the schema reports the rest), for the body to place. */
function figureTexts(figures: unknown): FigureText[] {
  if (!Array.isArray(figures)) return [];
  return figures.flatMap((figure: unknown) => {
    if (typeof figure !== 'object' || figure === null) return [];
    const { file, caption, credit } = figure as Record<string, unknown>;
    return typeof file === 'string' ? [{ file, caption: String(caption ?? ''), credit: String(credit ?? '') }] : [];
  });
}

/** The body through the one Markdown pipeline, its messages reported at their lines in the file. */
function checkBody(
  file: string,
  split: SplitFile & { data: Record<string, unknown> },
  glossary: Glossary,
  context: ArticleCheckContext,
  report: Report,
  warnings: ContentProblem[],
  lineOf: (field: string) => number | undefined,
): RenderedMarkdown {
  if (split.body.trim() === '') report('body', 'is empty: an article needs its text below the frontmatter', split.bodyLine);
  const declared = split.data['sourceVariant'];
  const variant: SourceVariant = isSourceVariant(declared) ? declared : 'zh-TW';
  const rendered = renderArticleMarkdown(split.body, file, {
    variant,
    glossary,
    lint: context.lint,
    review: context.review,
    checkScript: isSourceVariant(declared),
    extraText: [split.data['title'], split.data['summary']].filter((value) => typeof value === 'string').join('\n'),
    figures: figureTexts(split.data['figures']),
  });
  for (const message of rendered.messages) {
    const line = message.line === undefined ? undefined : split.bodyLine + message.line - 1;
    if (message.fatal) report('body', message.reason, line, message.column);
    else
      warnings.push({
        file,
        line,
        column: message.column,
        field: 'body',
        message: message.reason,
        review:
          message.ruleId === 'conversion-review' && message.actual !== undefined && message.note !== undefined
            ? {
                shown: message.actual,
                alternatives: message.expected ?? [],
                fix: message.note,
                ...rendered.reviewContexts?.get(`${message.line}:${message.column}`),
              }
            : undefined,
      });
  }
  if (rendered.probable) {
    const { variant: probable, count, examples } = rendered.probable;
    const family = scriptInfo(scriptOfVariant(probable)).label;
    report(
      'sourceVariant',
      `is ${variant}, but the text is written in ${family} script (${count} characters only ${family} uses, such as ${examples.join('、')}): set it to ${probable}`,
      lineOf('sourceVariant'),
    );
  }
  return rendered;
}

/** The frontmatter's own checks beyond the schema: rules and script in its text, glossary forms, topics. */
function checkFields(
  data: ArticleFrontmatter,
  context: ArticleCheckContext,
  checkScript: boolean,
  report: Report,
  lineOf: (field: string) => number | undefined,
): void {
  const { family, label } = scriptInfo(scriptOfVariant(data.sourceVariant));
  for (const [field, value] of textFields(data)) {
    for (const problem of parseRules(value).problems) report(field, `inline rule: ${problem.message}`, lineOf(field));
    if (!checkScript) continue;
    for (const { character } of strayCharacters(value, family, data.sourceVariant))
      report(
        field,
        `「${character}」 is not ${label} script, as ${data.sourceVariant} text must be; correct it, or keep it as written with -{${character}}-`,
        lineOf(field),
      );
  }
  for (const problem of checkGlossaryForms(data.glossary))
    report(`glossary${problem.field}`, problem.message, lineOf('glossary'));
  data.topics.forEach((topic, index) => {
    if (!context.topicIds.has(topic))
      report(`topics[${index}]`, `unknown topic "${topic}" (add it to content/topics.yaml)`, lineOf('topics'));
  });
}

/** Each listed figure stands once in the body, and is listed once. */
function checkFigures(
  data: ArticleFrontmatter,
  placed: readonly string[],
  report: Report,
  lineOf: (field: string) => number | undefined,
): void {
  const seen = new Set<string>();
  data.figures.forEach(({ file }, index) => {
    if (seen.has(file)) report(`figures[${index}].file`, `"${file}" is listed twice`, lineOf('figures'));
    seen.add(file);
    if (!placed.includes(file))
      report(
        `figures[${index}].file`,
        `"${file}" is listed but not placed in the body: write ![what it shows](${file}) on a line of its own where it belongs, or remove the entry`,
        lineOf('figures'),
      );
  });
}

/**
 * The line of `key:` in the block of the top-level field `top` (in its item
 * `index` for a list), so that a missing photo is named at its own line.
 */
function nestedLine(frontmatter: string, top: string, key: string, index?: number): number | undefined {
  const lines = frontmatter.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${top}:`));
  if (start === -1) return undefined;
  let item = -1;
  for (let at = start + 1; at < lines.length && /^(\s|$)/.test(lines[at] ?? ''); at++) {
    const line = lines[at] ?? '';
    if (/^\s*- /.test(line)) item += 1;
    if ((index === undefined || item === index) && new RegExp(`^\\s*(?:- )?${key}:`).test(line)) return at + 2;
  }
  return start + 2;
}

/** The photos an article names, with their fields and lines. */
function photoReferences(data: ArticleFrontmatter, frontmatter: string): PhotoReference[] {
  return [
    ...(data.photo === undefined
      ? []
      : [{ name: data.photo.file, field: 'photo.file', line: nestedLine(frontmatter, 'photo', 'file') }]),
    ...data.figures.map(({ file }, index) => ({
      name: file,
      field: `figures[${index}].file`,
      line: nestedLine(frontmatter, 'figures', 'file', index),
    })),
  ];
}

/** A correction names one place: its corrected text stands once in the body, and the original nowhere. */
function checkCorrections(
  data: ArticleFrontmatter,
  body: string,
  report: Report,
  lineOf: (field: string) => number | undefined,
): void {
  data.corrections.forEach(({ original, corrected }, index) => {
    const times = body.split(corrected).length - 1;
    const field = `corrections[${index}]`;
    if (times === 0 || body.includes(original))
      report(field, `the body should contain 「${corrected}」 and no longer 「${original}」`, lineOf('corrections'));
    else if (times > 1)
      report(
        field,
        `「${corrected}」 stands ${times} times in the body: give the words around the change in both original and corrected, so that they name one place`,
        lineOf('corrections'),
      );
  });
}

/**
 * The review list of the text fields a reader sees outside the body
 * (headline, summary, names, source titles, corrections), at the line and
 * column where each character stands in the file: the first line from the
 * field's own on that holds the value as written.
 */
function reviewFields(
  file: string,
  source: string,
  data: ArticleFrontmatter,
  glossary: Glossary,
  lineOf: (field: string) => number | undefined,
): ContentProblem[] {
  const lines = source.split('\n');
  const warnings: ContentProblem[] = [];
  for (const [field, text] of textFields(data)) {
    const items = reviewConversion(text, { variant: data.sourceVariant, glossary });
    if (items.length === 0) continue;
    const from = (lineOf(field) ?? 1) - 1;
    const at = lines.findIndex((line, index) => index >= from && line.includes(text));
    for (const item of items) {
      const line = at === -1 ? lineOf(field) : at + 1;
      const column = at === -1 ? undefined : (lines[at]?.indexOf(text) ?? 0) + item.index + 1;
      warnings.push({
        file,
        line,
        column,
        field,
        message: describeReviewItem(item),
        review: {
          shown: item.chosen,
          alternatives: item.alternatives,
          fix: item.fix,
          context: item.context,
          contextOffset: item.contextOffset,
        },
      });
    }
  }
  return warnings;
}

/** Validates frontmatter and body of one file, reporting every problem of both. */
export function checkArticleFile(file: string, source: string, context: ArticleCheckContext): ArticleCheckResult {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const report: Report = (field, message, line, column) => void problems.push({ file, line, column, field, message });
  const split = readArticleSource(source, report);
  if (split === undefined) return { problems, warnings };
  const lineOf = (field: string): number | undefined => fieldLine(split.frontmatter, field.replace(/[.[].*$/, ''));
  const parsed = articleSchema.safeParse(split.data, { reportInput: true });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const { path, message } = describeIssue(issue);
      const field = fieldPath(path) || 'frontmatter';
      report(field, message, lineOf(field));
    }
  // The body is checked whatever the frontmatter holds, so that one build reports every problem.
  const glossary = articleGlossary({
    own: parsed.data?.glossary ?? [],
    names: parsed.data?.authors.map(({ name }) => name) ?? [],
    variant: parsed.data?.sourceVariant ?? 'zh-TW',
    site: context.glossary ?? [],
  });
  const rendered = checkBody(file, split, glossary, context, report, warnings, lineOf);
  if (!parsed.success) return { problems, warnings };
  const data = parsed.data;
  checkFields(data, context, rendered.probable === undefined, report, lineOf);
  checkCorrections(data, split.body, report, lineOf);
  // The address is the slug's; a file named otherwise is found under a name nobody looks for.
  const named = basename(file).replace(/\.md$/i, '');
  if (data.slug !== named)
    report(
      'slug',
      `"${data.slug}" differs from the file name "${basename(file)}": the page's address is made from the slug, so rename the file ${data.slug}.md (or make the slug ${named})`,
      lineOf('slug'),
    );
  if (context.lint === true || context.review === true) warnings.push(...reviewFields(file, source, data, glossary, lineOf));
  checkFigures(data, rendered.figuresPlaced, report, lineOf);
  if (problems.length > 0) return { problems, warnings };
  const { html, headings, hanCharacters } = rendered;
  const photos = photoReferences(data, split.frontmatter);
  return {
    problems,
    warnings,
    article: { file, raw: split.data, data, html, headings, hanCharacters, photos },
  };
}

/** Reports every slug used by more than one file. */
export function findDuplicateSlugs(articles: readonly { file: string; slug: string }[]): ContentProblem[] {
  const bySlug = new Map<string, string[]>();
  for (const { file, slug } of articles) bySlug.set(slug, [...(bySlug.get(slug) ?? []), file]);
  return [...bySlug]
    .filter(([, files]) => files.length > 1)
    .flatMap(([slug, files]) =>
      files.map((file) => ({
        file,
        field: 'slug',
        message: `"${slug}" is also used by ${files.filter((other) => other !== file).join(', ')}`,
      })),
    );
}
