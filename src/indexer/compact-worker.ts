/**
 * A worker thread of the indexer (tinypool): writes one bundle
 * (`compact-fragments.ts`) while Pagefind indexes the next, and frees the
 * memory its files took when it ends. Run as plain Node, outside Astro.
 */
import { writeBundle, type BundleWriteReport } from './compact-fragments.ts';
import type { BundleFile } from './pagefind-format.ts';

export interface BundleWriteTask {
  output: string;
  files: BundleFile[];
}

export default function writeBundleTask({ output, files }: BundleWriteTask): Promise<BundleWriteReport> {
  return writeBundle(output, files);
}
