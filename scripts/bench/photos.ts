/**
 * What photos cost (`npm run bench -- --photos-only`, and in a full run):
 *
 * - making them: the sizes of photographs (drawn with grain, so they
 *   compress as camera photos do, not as flat drawings) made from an empty
 *   cache, per photo; then a rebuild of a site showing 1,000 photos whose
 *   sizes the cache holds (each is linked, not made again);
 * - reading them: an article with a lead photo at 390 px (2× and 3×
 *   screens) in Chromium, from the fixture site (`npm run build:fixtures`):
 *   every byte of the first view, and the photo's own, beside the same
 *   page's bytes with the photos left unanswered.
 */
import { link, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { writePhotoVariants, type PhotoSource } from '../../src/build/photo-variants.ts';
import { photoFolder } from '../../src/site/photos.ts';
import { harbourSvg, testExif } from '../../tests/fixtures/photos/make-photos.ts';
import { launch } from './browser.ts';
import { startServer } from '../serve-process.ts';

export interface PhotoCost {
  /** Photos made from an empty cache, and their size. */
  made: { photos: number; width: number; height: number; originalBytes: number; msPerPhoto: number; filesPerPhoto: number };
  /** Bytes of one photo's published files, by name ending (`800.avif`). */
  sizes: Record<string, number>;
  /** A rebuild showing 1,000 photos, all in the cache. */
  rebuild: { photos: number; files: number; made: number; ms: number };
}

/** A 2400 × 1600 photograph: the drawn harbour with a camera's grain and its EXIF. */
async function photograph(seed: number): Promise<Buffer> {
  const drawn = await sharp(Buffer.from(harbourSvg(2400, 1600)))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grain = await sharp({
    create: {
      width: 2400,
      height: 1600,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128 + seed, sigma: 18 },
    },
  })
    .blur(0.6)
    .raw()
    .toBuffer();
  const pixels = Buffer.from(drawn.data);
  for (let index = 0; index < pixels.length; index++)
    pixels[index] = Math.max(0, Math.min(255, (pixels[index] ?? 0) + (grain[index] ?? 128) - 128));
  return sharp(pixels, { raw: { width: 2400, height: 1600, channels: 3 } })
    .withExif(testExif)
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function measurePhotoCost(photos = 4): Promise<PhotoCost> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-photos-'));
  try {
    const sources: PhotoSource[] = [];
    let originalBytes = 0;
    for (let index = 0; index < photos; index++) {
      const bytes = await photograph(index);
      const path = join(dir, `photo-${index}.jpg`);
      await writeFile(path, bytes);
      originalBytes += bytes.length;
      sources.push({ path, width: 2400, height: 1600, digest: `${String(index).padStart(2, '0')}${'ab'.repeat(31)}` });
    }
    const cache = join(dir, 'cache');
    const started = performance.now();
    const first = await writePhotoVariants(sources, join(dir, 'site-1'), cache);
    const ms = performance.now() - started;
    const sizes: Record<string, number> = {};
    for (const name of await readdir(join(dir, 'site-1', photoFolder)))
      if (name.startsWith('00'))
        sizes[name.replace(/^[0-9a-f]+-/, '')] = (await stat(join(dir, 'site-1', photoFolder, name))).size;

    // 1,000 photos whose every size the cache holds, as after the builds that first showed them.
    const many: PhotoSource[] = [];
    // The build keeps the sizes in `<cache>/photos/` (src/build/photo-variants.ts).
    const kept = join(cache, 'photos');
    const cached = await readdir(kept);
    for (let index = 0; index < 1000; index++) {
      const digest = `${index.toString(16).padStart(4, '0')}${'cd'.repeat(30)}`;
      const model = sources[index % photos];
      if (model === undefined) continue;
      many.push({ ...model, digest });
      const prefix = model.digest.slice(0, 16);
      for (const name of cached.filter((file) => file.startsWith(prefix)))
        await link(join(kept, name), join(kept, name.replace(prefix, digest.slice(0, 16))));
    }
    const again = performance.now();
    const rebuild = await writePhotoVariants(many, join(dir, 'site-2'), cache);
    return {
      made: {
        photos,
        width: 2400,
        height: 1600,
        originalBytes: Math.round(originalBytes / photos),
        msPerPhoto: ms / photos,
        filesPerPhoto: first.made / photos,
      },
      sizes,
      rebuild: { photos: many.length, files: rebuild.reused, made: rebuild.made, ms: performance.now() - again },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PhotoPageBytes {
  dpr: number;
  /** Bytes on the wire of the first view: everything, the photos alone, and the page with its photos unanswered. */
  total: number;
  photos: number;
  withoutPhotos: number;
  /** The lead photo's file and bytes. */
  lead: { file: string; bytes: number };
}

/** The first view of the fixture site's photo article at 390 px, at 2× and 3×. */
export async function measurePhotoPage(dir: string, port: number): Promise<PhotoPageBytes[]> {
  const server = await startServer(dir, port);
  const browser = await launch();
  try {
    const results: PhotoPageBytes[] = [];
    for (const dpr of [2, 3]) {
      const view = async (
        blockPhotos: boolean,
      ): Promise<{ total: number; photos: number; lead: { file: string; bytes: number } }> => {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr });
        const page = await context.newPage();
        if (blockPhotos) await page.route('**/photos/**', (route) => route.abort());
        const sizes: Promise<{ url: string; bytes: number }>[] = [];
        page.on('requestfinished', (request) =>
          sizes.push(
            request.sizes().then((size) => ({ url: request.url(), bytes: size.responseBodySize + size.responseHeadersSize })),
          ),
        );
        await page.goto(`http://localhost:${port}/zh-hant/articles/fixture-harbour-photos/`, { waitUntil: 'networkidle' });
        const leadSrc = await page.locator('.article__header img').evaluate((img: HTMLImageElement) => img.currentSrc);
        const all = await Promise.all(sizes);
        await context.close();
        const photoBytes = all.filter(({ url }) => url.includes(`/${photoFolder}/`));
        const lead = all.find(({ url }) => url === leadSrc);
        return {
          total: all.reduce((sum, { bytes }) => sum + bytes, 0),
          photos: photoBytes.reduce((sum, { bytes }) => sum + bytes, 0),
          lead: { file: leadSrc.replace(/^.*\//, ''), bytes: lead?.bytes ?? 0 },
        };
      };
      const shown = await view(false);
      const without = await view(true);
      results.push({ dpr, total: shown.total, photos: shown.photos, withoutPhotos: without.total, lead: shown.lead });
    }
    return results;
  } finally {
    await browser.close();
    server.kill();
  }
}
