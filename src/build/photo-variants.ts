/**
 * Makes the published sizes of the photos (`src/site/photos.ts`): each
 * width in AVIF, WebP and JPEG, turned upright, in sRGB, with no metadata at
 * all (sharp writes none unless asked: no EXIF, so no GPS position, camera
 * serial number or date), from originals already checked
 * (`src/content/photo-check.ts`). A file is named by the original's digest,
 * so each is made once and kept in the cache folder, then linked into the
 * site on every later build while the photo is unchanged. The original is
 * never copied into the site.
 */
import { copyFile, link, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import {
  heightAt,
  photoCardFileName,
  photoFileName,
  photoFolder,
  photoFormats,
  shareCardSize,
  widthsOf,
  type PhotoExtension,
  type PhotoFacts,
} from '../site/photos.ts';

/** A checked original to publish. */
export interface PhotoSource extends PhotoFacts {
  path: string;
}

/** Encoder settings: a photo at 390 px on a 2× phone (800 px AVIF) stays near 50 kB. */
const encoders: Record<PhotoExtension, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 72 }),
  jpg: (image) => image.jpeg({ quality: 75, mozjpeg: true, progressive: true }),
};

/** The most pixels an original may have: checked already, held again here so no path skips it. */
const limitInputPixels = 50_000_000;

export interface PhotoVariantsResult {
  /** Files made now. */
  made: number;
  /** Files taken from the cache. */
  reused: number;
  /** Bytes of every file published. */
  bytes: number;
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** One size and format of `source`, encoded. */
async function encode(original: Buffer, facts: PhotoFacts, width: number, extension: PhotoExtension): Promise<Buffer> {
  const image = sharp(original, { limitInputPixels, failOn: 'warning' })
    .rotate()
    .resize({ width, height: heightAt(facts, width), fit: 'fill' })
    .toColourspace('srgb');
  return encoders[extension](image).toBuffer();
}

/** A photo's share card: 1200 × 630, cropped around what draws the eye (sharp's attention strategy), as JPEG. */
async function encodeCard(original: Buffer): Promise<Buffer> {
  return sharp(original, { limitInputPixels, failOn: 'warning' })
    .rotate()
    .resize({ ...shareCardSize, fit: 'cover', position: sharp.strategy.attention })
    .toColourspace('srgb')
    .jpeg({ quality: 80, mozjpeg: true, progressive: true })
    .toBuffer();
}

/** Writes every size of every photo, and its share card, into `<site>/photos/`, making what the cache does not hold. */
export async function writePhotoVariants(
  photos: readonly PhotoSource[],
  site: string,
  cacheDir: string,
): Promise<PhotoVariantsResult> {
  const cache = join(cacheDir, 'photos');
  const out = join(site, photoFolder);
  await mkdir(cache, { recursive: true });
  await mkdir(out, { recursive: true });
  const result: PhotoVariantsResult = { made: 0, reused: 0, bytes: 0 };
  for (const photo of photos) {
    let original: Buffer | undefined;
    const files = [
      ...widthsOf(photo.width).flatMap((width) =>
        photoFormats.map(({ extension }) => ({
          name: photoFileName(photo.digest, width, extension),
          make: (bytes: Buffer) => encode(bytes, photo, width, extension),
        })),
      ),
      { name: photoCardFileName(photo.digest), make: encodeCard },
    ];
    for (const { name, make } of files) {
      const cached = join(cache, name);
      if (await exists(cached)) result.reused += 1;
      else {
        original ??= await readFile(photo.path);
        const bytes = await make(original);
        // Written aside and renamed: a build killed mid-write leaves no half file under the final name.
        const partial = `${cached}.${process.pid}.partial`;
        await writeFile(partial, bytes);
        await rename(partial, cached);
        result.made += 1;
      }
      const target = join(out, name);
      await link(cached, target).catch(() => copyFile(cached, target));
      result.bytes += (await stat(target)).size;
    }
  }
  return result;
}
