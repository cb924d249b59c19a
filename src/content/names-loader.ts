/**
 * Content-layer loader for the names table (`content/names.yaml`), which a
 * content folder may leave out; its checks run with the whole folder's
 * (`content-folder.ts`).
 */
import type { Loader } from 'astro/loaders';
import { nameEntrySchema } from '../schemas/names.ts';
import { yamlListLoader } from './list-loader.ts';

export function namesLoader({ file }: { file: string }): Loader {
  return yamlListLoader({ name: 'names-loader', file, schema: nameEntrySchema, optional: true });
}
