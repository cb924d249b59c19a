/** Writes the `.br` and `.gz` twins of the build's text files (src/lib/precompress.ts), after everything else has written its files. */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildTimings } from '../build/timing.ts';
import { precompress } from '../build/precompress.ts';

export default function precompressFiles(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // scripts/build.ts names the site this build replaces: its unchanged files' twins are reused.
        const { files, reused, bytes } = await precompress(fileURLToPath(dir), process.env['BUILD_PREVIOUS_SITE']);
        const elapsed = performance.now() - started;
        buildTimings()['precompress'] = elapsed;
        const kB = (value: number): string => (value / 1000).toFixed(0);
        logger.info(
          `${files} text files (${reused} unchanged since the last build) compressed in ${(elapsed / 1000).toFixed(2)} s: ${kB(bytes.raw)} kB → ${kB(bytes.br)} kB brotli, ${kB(bytes.gzip)} kB gzip`,
        );
      },
    },
  };
}
