/**
 * Content-layer loader for the names table (`content/names.yaml`): each
 * entry is checked with the schema and against the other entries, and the
 * build stops naming the file and the entry. A content folder without the
 * file has no curated names.
 */
import type { Loader } from 'astro/loaders';
import { checkNames } from './names-check.ts';
import { nameEntrySchema } from '../schemas/names.ts';
import { yamlListLoader } from './list-loader.ts';

export function namesLoader({ file }: { file: string }): Loader {
  return yamlListLoader({ name: 'names-loader', file, schema: nameEntrySchema, check: checkNames, optional: true });
}
