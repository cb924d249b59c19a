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
      throw new FrontmatterError(
        `is not valid YAML: ${error.reason}`,
        error.mark === undefined ? undefined : error.mark.line + 2,
      );
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
