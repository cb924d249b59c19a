/**
 * A worker thread of the search indexer (tinypool): compacts one Pagefind
 * bundle (`pagefind-output.ts`) while Pagefind indexes the next, and frees
 * the memory the decoded index took when it ends. Run as plain Node, outside
 * Astro.
 */
import { compactPagefindOutput, type CompactionReport } from './pagefind-output.ts';

export default function compactBundle(dir: string): Promise<CompactionReport> {
  return compactPagefindOutput(dir);
}
