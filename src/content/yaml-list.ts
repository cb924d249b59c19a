/**
 * Reads a content file that is a YAML list (`content/topics.yaml`,
 * `content/glossary.yaml`, `content/names.yaml`) through the safe reader
 * (`content-files.ts`), validating each item with a zod schema and
 * reporting every bad item with the file and its index, never a stack trace.
 */
import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'astro/zod';
import * as yaml from 'js-yaml';
import type { ContentProblem } from './article-check.ts';
import { maxListBytes, readContentFile } from './content-files.ts';

export async function readYamlList<T extends z.ZodType>(
  path: string,
  file: string,
  schema: T,
  { optional = false, maxItems = Number.POSITIVE_INFINITY }: { optional?: boolean; maxItems?: number } = {},
): Promise<{ items: z.infer<T>[]; problems: ContentProblem[] }> {
  // A content folder without an optional file (the names table) has an empty list.
  if (optional && (await lstat(path).catch(() => undefined)) === undefined) return { items: [], problems: [] };
  const read = await readContentFile(path, { contentDir: dirname(path), file, maxBytes: maxListBytes });
  if (read.problem) return { items: [], problems: [read.problem] };
  let list: unknown;
  try {
    list = yaml.load(read.text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const line = error instanceof yaml.YAMLException && error.mark ? error.mark.line + 1 : undefined;
    const reason = error instanceof yaml.YAMLException ? error.reason : error instanceof Error ? error.message : String(error);
    return { items: [], problems: [{ file, line, field: 'file', message: `cannot be read: ${reason}` }] };
  }
  if (list !== null && list !== undefined && !Array.isArray(list))
    return { items: [], problems: [{ file, field: 'file', message: 'must be a YAML list (lines starting with "- ")' }] };
  if ((list ?? []).length > maxItems)
    return {
      items: [],
      problems: [
        {
          file,
          field: 'file',
          message: `lists ${(list ?? []).length} entries, more than the ${maxItems} a site needs: every page pays for each entry`,
        },
      ],
    };
  const items: z.infer<T>[] = [];
  const problems: ContentProblem[] = [];
  (list ?? []).forEach((item: unknown, index: number) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          file,
          field: `[${index}]${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`,
          message: issue.message,
        });
  });
  return { items, problems };
}
