/**
 * A content-layer loader for a content file that is a YAML list (the
 * glossary, the names table): every item is checked with its schema and
 * with the file's own cross-item checks, and the build stops with every
 * problem, naming the file and the item; otherwise the items are stored in
 * order (ids `0`, `1`…).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import type { ContentProblem } from './article-check.ts';
import { ContentError } from './content-error.ts';
import { readYamlList } from './yaml-list.ts';

export interface ListLoaderOptions<T extends z.ZodType> {
  name: string;
  /** The file, relative to the project root (`content/names.yaml`). */
  file: string;
  schema: T;
  /** Checks across items; `field` is the item's path, e.g. `[2].forms[1]`. */
  check: (items: readonly z.infer<T>[]) => { field: string; message: string }[];
  /** A missing file is an empty list (the names table), not an error (the glossary). */
  optional?: boolean;
}

/**
 * The items of a YAML list file and every problem with them: the schema's,
 * then the file's own checks across items. The build's loaders and
 * `npm run lint:content` read the files this one way.
 */
export async function readCheckedList<T extends z.ZodType>(
  path: string,
  { file, schema, check, optional = false }: Omit<ListLoaderOptions<T>, 'name'>,
): Promise<{ items: z.infer<T>[]; problems: ContentProblem[] }> {
  if (optional && !existsSync(path)) return { items: [], problems: [] };
  const { items, problems } = await readYamlList(path, file, schema);
  problems.push(...check(items).map((problem) => ({ file, field: problem.field, message: problem.message })));
  return { items, problems };
}

export function yamlListLoader<T extends z.ZodType>({
  name,
  file,
  schema,
  check,
  optional = false,
}: ListLoaderOptions<T>): Loader {
  return {
    name,
    load: async ({ config, store, parseData }) => {
      const path = resolve(fileURLToPath(config.root), file);
      const { items, problems } = await readCheckedList(path, { file, schema, check, optional });
      if (problems.length > 0) throw new ContentError(problems);
      store.clear();
      for (const [index, entry] of items.entries()) {
        const id = String(index);
        store.set({ id, data: await parseData({ id, data: entry as Record<string, unknown> }) });
      }
    },
  };
}
