/**
 * Content-layer loader for the site glossary (`content/glossary.yaml`): a
 * list of terms pinned in every script. Each entry is checked with the
 * schema and against OpenCC's tables (each form in its own script), and the
 * build stops naming the file and the entry.
 */
import type { Loader } from 'astro/loaders';
import { checkGlossaryForms } from './glossary-check.ts';
import { glossaryEntrySchema } from '../schemas/glossary.ts';
import { yamlListLoader } from './list-loader.ts';

export function glossaryLoader({ file }: { file: string }): Loader {
  return yamlListLoader({ name: 'glossary-loader', file, schema: glossaryEntrySchema, check: checkGlossaryForms });
}
