/**
 * A content-layer loader for a content file that is a YAML list (the
 * topics, the glossary, the names table): it stores the items its schema
 * accepts, in order. It reports nothing and never stops the build: the
 * content check over the whole folder (`content-folder.ts`, run by the
 * article loader) reports every problem of every file together, and the
 * build stops there before any page reads a collection.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { readYamlList } from './yaml-list.ts';

export interface ListLoaderOptions<T extends z.ZodType> {
  name: string;
  /** The file, relative to the project root (`content/names.yaml`). */
  file: string;
  schema: T;
  /** A missing file is an empty list (the names table). */
  optional?: boolean;
  /** An entry's id: its own `id` field (topics), or its place in the file (`0`, `1`…). */
  idOf?: (item: z.infer<T>, index: number) => string;
}

export function yamlListLoader<T extends z.ZodType>({
  name,
  file,
  schema,
  optional = false,
  idOf = (_item, index) => String(index),
}: ListLoaderOptions<T>): Loader {
  return {
    name,
    load: async ({ config, store, parseData, watcher }) => {
      const path = resolve(fileURLToPath(config.root), file);
      const sync = async (): Promise<void> => {
        const { items } = await readYamlList(path, file, schema, { optional });
        store.clear();
        for (const [index, entry] of items.entries()) {
          const id = idOf(entry, index);
          store.set({ id, data: await parseData({ id, data: entry as Record<string, unknown> }) });
        }
      };
      await sync();
      watcher?.on('change', (changed) => {
        if (changed === path) void sync();
      });
    },
  };
}
