/** Writes the `.br` and `.gz` twins of the build's text files (`src/build/precompress.ts`), after everything else has written its files. */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { precompress } from '../build/precompress.ts';
import { linkedPageFiles } from '../build/reused-pages.ts';
import type { BuildOptions } from '../build/options.ts';
import { addTime } from '../build/timing.ts';

export default function precompressFiles({ previousSite }: Pick<BuildOptions, 'previousSite'>): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // The site this build replaces: its unchanged files' twins are reused.
        const { files, reused, bytes } = await precompress(fileURLToPath(dir), previousSite, linkedPageFiles());
        const elapsed = performance.now() - started;
        addTime('precompress', elapsed);
        const kB = (value: number): string => (value / 1000).toFixed(0);
        logger.info(
          `${files} text files (${reused} unchanged since the last build) compressed in ${(elapsed / 1000).toFixed(2)} s: ${kB(bytes.raw)} kB → ${kB(bytes.br)} kB brotli, ${kB(bytes.gzip)} kB gzip`,
        );
      },
    },
  };
}
