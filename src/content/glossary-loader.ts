/** Content-layer loader for the site glossary (`content/glossary.yaml`); its checks run with the whole folder's (`content-folder.ts`). */
import type { Loader } from 'astro/loaders';
import { glossaryEntrySchema } from '../schemas/glossary.ts';
import { yamlListLoader } from './list-loader.ts';

export function glossaryLoader({ file }: { file: string }): Loader {
  return yamlListLoader({ name: 'glossary-loader', file, schema: glossaryEntrySchema });
}
