/**
 * Splits a Markdown file into its YAML frontmatter and body, the way an editor
 * reads it: dates stay the strings they typed (js-yaml's default schema would
 * silently turn 2025-02-30 into 2 March), a BOM and CRLF line ends are accepted.
 */
import * as yaml from 'js-yaml';

export interface SplitFile {
  /** Parsed frontmatter, or `undefined` when the file has none. */
  data: Record<string, unknown> | undefined;
  /** Raw frontmatter text, for finding the line of a field. */
  frontmatter: string;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export class FrontmatterError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

const fence = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/;

/**
 * A YAML mistake in the words of the editor who made it, at the line where
 * it was made: js-yaml says where it noticed ("bad indentation of a mapping
 * entry"), often a line late. The common mistakes are looked for first, on
 * the lines themselves; js-yaml's own reason is the last resort.
 */
function explainYamlMistake(frontmatter: string, error: yaml.YAMLException): { message: string; line: number | undefined } {
  const lines = frontmatter.split('\n');
  const fileLine = (index: number): number => index + 2;
  // A full-width colon after a field name: YAML reads the whole line as a key and complains on the next.
  const fullWidth = lines.findIndex((line) => /^\s*-?\s*[A-Za-z][\w-]*\s*：/.test(line));
  if (fullWidth !== -1) {
    const name = /([A-Za-z][\w-]*)\s*：/.exec(lines[fullWidth] ?? '')?.[1] ?? '';
    return {
      message: `「${name}：」 has a full-width colon: after a field name write an ASCII colon and a space (${name}: …)`,
      line: fileLine(fullWidth),
    };
  }
  const tab = lines.findIndex((line) => /^\s*\t/.test(line));
  if (tab !== -1) return { message: 'starts with a tab: indent with spaces (two for each level)', line: fileLine(tab) };
  const at = error.mark?.line;
  const reason = error.reason;
  // Nesting past js-yaml's limit is no typing slip: say so as it does.
  if (/maxDepth/.test(reason))
    return { message: `is not valid YAML: ${reason}`, line: at === undefined ? undefined : fileLine(at) };
  // title: 專訪: 中俄關係 — a colon and a space inside a value end the key a second time.
  const colonInValue = lines.findIndex(
    (line, index) => (at === undefined || index <= at) && /^\s*(?:-\s+)?[A-Za-z][\w-]*: (?!["'])[^#]*?: /.test(line),
  );
  if (colonInValue !== -1 && /mapping|implicit key/.test(reason)) {
    const [, name = '', value = ''] = /^\s*(?:-\s+)?([A-Za-z][\w-]*): (.*)$/.exec(lines[colonInValue] ?? '') ?? [];
    return {
      message: `the value of ${name} has a colon followed by a space, which YAML reads as another field: put the value in quotes (${name}: "${value.replaceAll('"', '\\"')}") or use a full-width colon (：)`,
      line: fileLine(colonInValue),
    };
  }
  // A quotation mark opened and not closed on its line.
  const unclosed = lines.findIndex(
    (line, index) =>
      (at === undefined || index <= at) &&
      /^\s*(?:-\s+)?[A-Za-z][\w-]*:\s*(["'])/.test(line) &&
      !/^[^"']*(["']).*\1\s*(#.*)?$/.test(line),
  );
  if (unclosed !== -1)
    return {
      message: 'opens a quotation mark (" or \') and does not close it on the same line: close it, or leave the value unquoted',
      line: fileLine(unclosed),
    };
  const openList = lines.findIndex(
    (line, index) => (at === undefined || index <= at) && /^\s*(?:-\s+)?[A-Za-z][\w-]*:\s*\[/.test(line) && !line.includes(']'),
  );
  if (openList !== -1)
    return {
      message: 'opens a list with [ and does not close it on the same line: close it with ], or write the value without [',
      line: fileLine(openList),
    };
  if (/indentation of a (sequence|mapping) entry|deficient indentation/.test(reason))
    return {
      message: `is indented differently from the lines it belongs with: the fields of one entry start in the same column (under "- name:", "role:" lines up with "name:")`,
      line: at === undefined ? undefined : fileLine(at),
    };
  return { message: `is not valid YAML: ${reason}`, line: at === undefined ? undefined : fileLine(at) };
}

/** Normalises line ends and a leading BOM, then splits frontmatter from body. */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = fence.exec(text);
  if (!match) return { data: undefined, frontmatter: '', body: text, bodyLine: 1 };
  const frontmatter = match[1] ?? '';
  let data: unknown;
  try {
    data = yaml.load(frontmatter, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // js-yaml counts lines from 0 inside the frontmatter; line 1 of the file is the fence.
      const { message, line } = explainYamlMistake(frontmatter, error);
      throw new FrontmatterError(message, line);
    }
    // js-yaml reads nested lists and maps by recursion: thousands of `[` run it out of stack.
    if (error instanceof RangeError) throw new FrontmatterError('nests too deeply to be read: fields hold plain values', 2);
    throw error;
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new FrontmatterError('must be a set of `field: value` lines', 2);
  }
  const consumed = match[0];
  return {
    data: (data ?? {}) as Record<string, unknown>,
    frontmatter,
    body: text.slice(consumed.length),
    bodyLine: consumed.split('\n').length - (consumed.endsWith('\n') ? 0 : 1),
  };
}

/** The top-level field that file line `line` (1-based) of a frontmatter belongs to, or `frontmatter`. */
export function fieldAtLine(frontmatter: string, line: number): string {
  const lines = frontmatter.split('\n');
  for (let index = Math.min(line - 2, lines.length - 1); index >= 0; index--) {
    const key = /^([A-Za-z][\w-]*):/.exec(lines[index] ?? '')?.[1];
    if (key !== undefined) return key;
  }
  return 'frontmatter';
}

/** 1-based file line of a top-level frontmatter field, if it is there. */
export function fieldLine(frontmatter: string, field: string): number | undefined {
  const index = frontmatter.split('\n').findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? undefined : index + 2;
}
