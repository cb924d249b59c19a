/**
 * Content-layer loader for the site glossary (`content/glossary.yaml`): a
 * list of terms pinned in every script. Each entry is checked with the
 * schema and against OpenCC's tables (each form in its own script), and the
 * build stops naming the file and the entry.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { checkGlossaryForms } from '../checks/glossary.ts';
import { glossaryEntrySchema } from '../schemas/glossary.ts';
import { ContentError } from './content-error.ts';
import { readYamlList } from './yaml-list.ts';

export function glossaryLoader({ file }: { file: string }): Loader {
  return {
    name: 'glossary-loader',
    load: async ({ config, store, parseData }) => {
      const { items, problems } = await readYamlList(resolve(fileURLToPath(config.root), file), file, glossaryEntrySchema);
      problems.push(...checkGlossaryForms(items).map((problem) => ({ file, field: problem.field, message: problem.message })));
      if (problems.length > 0) throw new ContentError(problems);
      store.clear();
      for (const [index, entry] of items.entries()) {
        const id = String(index);
        store.set({ id, data: await parseData({ id, data: entry }) });
      }
    },
  };
}
