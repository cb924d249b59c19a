/**
 * A photo of an article, checked as a careful host checks an upload before
 * anything is made of it: a regular file inside `content/images/` (a link
 * that leads out of the content folder is refused), no larger than
 * `photoLimits.bytes`, in a photo format (JPEG, PNG, WebP, AVIF: an SVG can
 * carry script and is refused, whatever its name), whose header promises no
 * more pixels than `photoLimits.pixels` (a decompression bomb is refused
 * before it is decoded), and that decodes whole. What passes is described by
 * its upright size and the digest of its bytes (`PhotoFacts`).
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import type { PhotoFacts } from '../site/photos.ts';

/** What a photo may be. */
export const photoLimits = {
  /** A camera's full-size JPEG is 5–15 MB; a published photo needs far less. */
  bytes: 20_000_000,
  /** 50 megapixels: any camera's photo, and 200 MB of memory at most to decode it. */
  pixels: 50_000_000,
  /** The narrowest phone's column: a smaller photo would be drawn blurred. */
  minWidth: 320,
} as const;

/** The formats sharp reports for the photo types accepted (AVIF is read as HEIF with AV1). */
const photoFormats = new Set(['jpeg', 'png', 'webp', 'heif']);

/** Where a photo is named: the field and its line in the article file. */
export interface PhotoReference {
  name: string;
  field: string;
  line?: number | undefined;
}

export type PhotoCheck = { facts: PhotoFacts; problem?: undefined } | { facts?: undefined; problem: string };

const inside = (folder: string, path: string): boolean => path.startsWith(`${folder}${sep}`);

const megapixels = (pixels: number): string => `${(pixels / 1e6).toFixed(1)} megapixels`;

/** The file's problem, or its bytes. */
async function readPhoto(path: string, contentDir: string, shown: string): Promise<{ bytes?: Buffer; problem?: string }> {
  let stats;
  try {
    stats = await lstat(path);
  } catch {
    return { problem: `${shown} does not exist: photos are kept in content/images/, named there by their file name` };
  }
  if (stats.isSymbolicLink()) {
    const target = await realpath(path).catch(() => undefined);
    const folder = await realpath(contentDir);
    if (target === undefined) return { problem: `${shown} is a symbolic link to nothing` };
    if (!inside(folder, target)) return { problem: `${shown} is a symbolic link that leads out of the content folder` };
    stats = await lstat(target);
  }
  if (!stats.isFile()) return { problem: `${shown} is not a regular file` };
  if (stats.size > photoLimits.bytes)
    return {
      problem: `${shown} is ${(stats.size / 1e6).toFixed(1)} MB, over the ${photoLimits.bytes / 1e6} MB limit for a photo: export it smaller`,
    };
  return { bytes: await readFile(path) };
}

/** Checks the photo `name` of `content/images/` and describes it. */
export async function checkPhoto(name: string, contentDir: string, root: string): Promise<PhotoCheck> {
  const path = join(contentDir, 'images', name);
  const shown = relative(root, path);
  const { bytes, problem } = await readPhoto(path, contentDir, shown);
  if (bytes === undefined && (await lstat(join(contentDir, 'articles', name)).catch(() => undefined)) !== undefined)
    return {
      problem: `${shown} does not exist, but ${relative(root, join(contentDir, 'articles', name))} does: photos are kept in content/images/, not beside the articles; move it there`,
    };
  if (bytes === undefined) return { problem: problem ?? `${shown} cannot be read` };
  // Any markup is refused before a decoder reads it: an SVG, whatever its name, may carry script.
  if (/^\s*(?:\uFEFF)?\s*</.test(bytes.subarray(0, 64).toString('utf8')))
    return {
      problem: /<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8'))
        ? `${shown} is an SVG drawing, which can carry script: a photo must be a JPEG, PNG, WebP or AVIF file`
        : `${shown} is markup (HTML or XML), not a photo: a photo must be a JPEG, PNG, WebP or AVIF file`,
    };
  let metadata;
  try {
    // The header only: nothing is decoded yet.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return { problem: `${shown} is not an image that can be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const format = metadata.format === 'heif' && metadata.compression !== 'av1' ? 'heic' : metadata.format;
  if (!photoFormats.has(format))
    return {
      problem:
        format === 'svg'
          ? `${shown} is an SVG drawing, which can carry script: a photo must be a JPEG, PNG, WebP or AVIF file`
          : `${shown} is a ${format.toUpperCase()} file: a photo must be a JPEG, PNG, WebP or AVIF file`,
    };
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0) * Math.max(1, metadata.pages ?? 1);
  if (pixels > photoLimits.pixels)
    return {
      problem: `${shown} decodes to ${metadata.width} × ${metadata.height} pixels${(metadata.pages ?? 1) > 1 ? ` × ${metadata.pages} frames` : ''} (${megapixels(pixels)}), over the ${megapixels(photoLimits.pixels)} limit: export it smaller`,
    };
  if ((metadata.pages ?? 1) > 1) return { problem: `${shown} holds ${metadata.pages} frames: a photo is one picture` };
  // Decoded whole, once, as the sizes will be: a truncated or corrupt file fails here, not while the site is made.
  try {
    await sharp(bytes, { limitInputPixels: photoLimits.pixels, failOn: 'warning' }).resize({ width: 8 }).raw().toBuffer();
  } catch (error) {
    return { problem: `${shown} cannot be decoded (${error instanceof Error ? error.message : String(error)}): export it again` };
  }
  const upright = metadata.autoOrient;
  if (upright.width < photoLimits.minWidth)
    return {
      problem: `${shown} is ${upright.width} pixels wide: a photo must be at least ${photoLimits.minWidth} pixels wide to fill a phone's screen`,
    };
  return {
    facts: { width: upright.width, height: upright.height, digest: createHash('sha256').update(bytes).digest('hex') },
  };
}
