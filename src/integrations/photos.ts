/** Writes the published sizes of the photos the articles show (`src/build/photo-variants.ts`), before the checks read the site. */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildOptions } from '../build/options.ts';
import { writePhotoVariants } from '../build/photo-variants.ts';
import { photosToPublish } from '../build/state.ts';
import { addTime } from '../build/timing.ts';

export default function photoSizes({ cacheDir }: Pick<BuildOptions, 'cacheDir'>): AstroIntegration {
  return {
    name: 'photos',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const photos = photosToPublish();
        if (photos.length === 0) return;
        const started = performance.now();
        const { made, reused, bytes } = await writePhotoVariants(photos, fileURLToPath(dir), cacheDir);
        const elapsed = performance.now() - started;
        addTime('photos', elapsed);
        logger.info(
          `${photos.length} photos: ${made} files made, ${reused} reused, ${(bytes / 1000).toFixed(0)} kB published, in ${(elapsed / 1000).toFixed(2)} s`,
        );
      },
    },
  };
}
