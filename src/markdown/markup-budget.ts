/**
 * What a Markdown text asks of the parser, read line by line before it is
 * parsed, and refused when it asks more than any article needs. The parser
 * (micromark) spends more than linear time on some shapes: its stack and
 * work grow with container depth (10,000 nested `> ` exhaust the stack), and
 * it slows quadratically on thousands of emphasis markers or brackets in one
 * text, of list items, or of setext underlines (80 kB of `甲\n---\n` took 38
 * seconds). Real articles stay far below every limit here: under five levels
 * of nesting, a few dozen emphasis markers and links, a few hundred
 * block-level lines. Within the limits, the worst article of the 1 MB
 * file limit parses in about a second (`npm run bench` prints it).
 */

/** The deepest nesting an article may use; real articles stay under five. */
export const maxNesting = 32;

/** Most emphasis and strikethrough markers (`*`, `_`, `~`) outside code. */
export const maxEmphasisMarkers = 5000;
/** Most link and footnote brackets (`[`) outside code. */
export const maxBrackets = 5000;
/** Most lines that open or continue a block construct: list items, quotes, headings, underlines, table rows, rules. */
export const maxBlockLines = 2000;
/** Most container levels summed over every line (a line five quotes deep counts five): the parser's work on containers. */
export const maxContainerWork = 5000;
/** Most table cell separators (`|`) outside code. */
export const maxTableCells = 5000;
/** Most raw HTML tags (`<` then a letter or `/`) outside code. */
export const maxHtmlTags = 5000;
/** Most lines with text on them: every line and paragraph costs the pipeline the same, however short. */
export const maxTextLines = 10000;

export interface BudgetExcess {
  /** 1-based line where the limit was passed. */
  line: number;
  message: string;
}

const fence = /^(`{3,}|~{3,})/;
const blockLine = /^\s{0,3}(?:[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|#{1,6}(?:\s|$)|=+\s*$|-+\s*$|\||[*_]{3,}\s*$)/;

/** The depth of a line's containers: block quote and list markers, and the indentation that nests a list in a list. */
function nestingDepth(raw: string): { depth: number; rest: string } {
  let rest = raw.replace(/\t/g, '    ');
  let depth = 0;
  for (;;) {
    const indent = /^ */.exec(rest)?.[0].length ?? 0;
    const marker = /^ *(?:>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)) ?/.exec(rest);
    if (marker === null || marker[0].trim() === '') {
      depth += Math.floor(indent / 2);
      return { depth, rest };
    }
    depth += 1 + Math.floor(indent / 2);
    rest = rest.slice(marker[0].length);
  }
}

/** Counts `characters` in `line`, leaving out code spans between backticks. */
function countOutsideCode(line: string, characters: RegExp): number {
  let count = 0;
  let inCode = false;
  for (const character of line) {
    if (character === '`') inCode = !inCode;
    else if (!inCode && characters.test(character)) count += 1;
  }
  return count;
}

/** Raw HTML tags in a line, code spans left out. */
function countTags(line: string): number {
  let count = 0;
  let inCode = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (character === '`') inCode = !inCode;
    else if (!inCode && character === '<' && /[A-Za-z/!?]/.test(line[index + 1] ?? '')) count += 1;
  }
  return count;
}

/** The first limit `markdown` passes, with the line where it passed it; `undefined` when it stays within them all. */
export function findBudgetExcess(markdown: string): BudgetExcess | undefined {
  let fenced: string | undefined;
  let emphasis = 0;
  let brackets = 0;
  let blocks = 0;
  let containers = 0;
  let cells = 0;
  let tags = 0;
  let textLines = 0;
  const lines = markdown.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const { depth, rest } = nestingDepth(raw);
    const opening = fence.exec(rest.trimStart())?.[1];
    if (fenced !== undefined) {
      if (opening !== undefined && opening[0] === fenced[0] && opening.length >= fenced.length) fenced = undefined;
      continue;
    }
    if (opening !== undefined) fenced = opening;
    if (depth > maxNesting)
      return { line, message: `nests ${depth} levels deep (block quotes or lists), more than the ${maxNesting} an article may` };
    if (raw.trim() !== '' && (textLines += 1) > maxTextLines)
      return {
        line,
        message: `has more than ${maxTextLines} lines of text: more than an article needs; split it into several articles`,
      };
    if ((containers += depth) > maxContainerWork)
      return {
        line,
        message: `nests lists and quotes ${maxContainerWork} levels in all, line by line: more than an article needs; flatten them`,
      };
    if ((cells += countOutsideCode(raw, /\|/)) > maxTableCells)
      return {
        line,
        message: `holds more than ${maxTableCells} table separators (|) outside code: a table larger than an article needs`,
      };
    if ((tags += countTags(raw)) > maxHtmlTags)
      return { line, message: `holds more than ${maxHtmlTags} HTML tags: more than an article needs` };
    if (blockLine.test(raw) && (blocks += 1) > maxBlockLines)
      return {
        line,
        message: `has more than ${maxBlockLines} lines of list items, quotes, headings or table rows: more than an article needs; split it into several articles`,
      };
    if ((emphasis += countOutsideCode(raw, /[*_~]/)) > maxEmphasisMarkers)
      return {
        line,
        message: `holds more than ${maxEmphasisMarkers} emphasis marks (*, _ or ~) outside code: write a literal one as \\* or inside \`code\``,
      };
    if ((brackets += countOutsideCode(raw, /\[/)) > maxBrackets)
      return {
        line,
        message: `holds more than ${maxBrackets} brackets ([) outside code: more links or notes than an article needs`,
      };
  }
  return undefined;
}
