/**
 * The sizes and formats every published photo is made in, and their
 * addresses: pure, so the pages, the feeds, the build step that makes the
 * files and the publish checks agree on one plan. A photo's files are named
 * by the digest of its original, so a changed photo gets new addresses and
 * an unchanged one is made once and reused.
 */

/** What the build knows of a photo once it has been checked: its pixels and the digest of its file. */
export interface PhotoFacts {
  /** Width and height in pixels, upright (EXIF orientation applied). */
  width: number;
  height: number;
  /** SHA-256 of the original file, hex. */
  digest: string;
}

/**
 * Widths made of every photo, capped at the original's: a 320 px phone, 390 px
 * and 414 px phones at 1× to 2× (640, 800), tablets and the desktop text
 * column (720 px at 1× and 2×: 1440), and 1280 px screens.
 */
export const photoWidths = [320, 480, 640, 800, 960, 1280, 1440] as const;

/** The formats, best first; JPEG is the fallback every browser shows. */
export const photoFormats = [
  { extension: 'avif', type: 'image/avif' },
  { extension: 'webp', type: 'image/webp' },
  { extension: 'jpg', type: 'image/jpeg' },
] as const;

export type PhotoExtension = (typeof photoFormats)[number]['extension'];

/**
 * How wide a photo is drawn: the text column, at most 720 px (38 em of 19 px
 * text, less nothing: figures span the column), and the screen less its
 * margins below that.
 */
export const photoSizes = '(min-width: 48rem) 720px, calc(100vw - 2rem)';

/** The folder of the published photos, below the site's base. */
export const photoFolder = 'photos';

/** The widths made of a photo `width` pixels wide: those of the plan below it, and its own if it is narrower than the widest. */
export function widthsOf(width: number): number[] {
  const below: number[] = photoWidths.filter((planned) => planned <= width);
  const widest = photoWidths[photoWidths.length - 1] ?? width;
  return width < widest && !below.includes(width) ? [...below, width] : below.length > 0 ? below : [width];
}

/** The file name of one size and format of a photo, below `photoFolder`. */
export const photoFileName = (digest: string, width: number, extension: PhotoExtension): string =>
  `${digest.slice(0, 16)}-${width}.${extension}`;

/** The address of one size and format of a photo, under the site's `base`. */
export const photoUrl = (base: string, digest: string, width: number, extension: PhotoExtension): string =>
  `${base.endsWith('/') ? base : `${base}/`}${photoFolder}/${photoFileName(digest, width, extension)}`;

/** The height of a photo drawn `width` pixels wide, rounded as the resized file is. */
export const heightAt = (facts: Pick<PhotoFacts, 'width' | 'height'>, width: number): number =>
  Math.max(1, Math.round((facts.height * width) / facts.width));

/** The `srcset` of a photo in one format. */
export function photoSrcset(base: string, facts: PhotoFacts, extension: PhotoExtension): string {
  return widthsOf(facts.width)
    .map((width) => `${photoUrl(base, facts.digest, width, extension)} ${width}w`)
    .join(', ');
}

/** The JPEG a browser without `srcset` shows, and the feeds carry: 960 px or the widest below. */
export function fallbackWidth(facts: Pick<PhotoFacts, 'width'>): number {
  const widths = widthsOf(facts.width);
  return widths.filter((width) => width <= 960).at(-1) ?? widths[0] ?? facts.width;
}

/** A share card's size: what Facebook, X and LinkedIn draw a large link preview at. */
export const shareCardSize = { width: 1200, height: 630 } as const;

/** The file name of a photo's share card (cropped to 1200 × 630), below `photoFolder`. */
export const photoCardFileName = (digest: string): string => `${digest.slice(0, 16)}-card.jpg`;

/** The address of a photo's share card under the site's `base`. */
export const photoCardUrl = (base: string, digest: string): string =>
  `${base.endsWith('/') ? base : `${base}/`}${photoFolder}/${photoCardFileName(digest)}`;

/** The site's own card, for a page with no photo: drawn by `scripts/commands/share-cards.ts` into `public/`. */
export const siteCardFile = (script: string): string => `share-card-${script}.png`;
