/**
 * What a screenshot shows, pixel by pixel: Playwright's PNGs decoded here
 * (8-bit RGB or RGBA, not interlaced, as Chromium writes them), and WCAG's
 * contrast between two colours. The browser tests use them as oracles
 * independent of the stylesheet: a focus ring is what changed on screen,
 * a contrast is measured between painted pixels, not read from `color`.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel, row by row. */
  data: Uint8Array;
}

export type Colour = readonly [red: number, green: number, blue: number];

/** Decodes a PNG as Chromium writes it. */
export function decodePng(png: Buffer): Image {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const compressed: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const chunk = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const [depth, colourType, , , interlace] = [chunk[8], chunk[9], chunk[10], chunk[11], chunk[12]];
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0)
        throw new Error(`unexpected PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') compressed.push(chunk);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(compressed));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        predicted = a <= b && a <= c ? left : b <= c ? up : upLeft;
      }
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    for (let channel = 0; channel < 3; channel++) data[pixel * 4 + channel] = rows[pixel * channels + channel] ?? 0;
    data[pixel * 4 + 3] = channels === 4 ? (rows[pixel * channels + 3] ?? 255) : 255;
  }
  return { width, height, data };
}

/** The colour of pixel (x, y). */
export function pixel(image: Image, x: number, y: number): Colour {
  const at = (y * image.width + x) * 4;
  return [image.data[at] ?? 0, image.data[at + 1] ?? 0, image.data[at + 2] ?? 0];
}

/** WCAG 2's relative luminance of an sRGB colour. */
export function luminance([red, green, blue]: Colour): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** WCAG 2's contrast ratio of two colours, 1 to 21. */
export function contrast(a: Colour, b: Colour): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The colour most pixels of the image have: the background of a small crop. */
export function commonest(image: Image): Colour {
  const counts = new Map<number, number>();
  for (let at = 0; at < image.data.length; at += 4) {
    const key = ((image.data[at] ?? 0) << 16) | ((image.data[at + 1] ?? 0) << 8) | (image.data[at + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return [(key >> 16) & 0xff, (key >> 8) & 0xff, key & 0xff];
}

/**
 * The contrast of what is drawn on a crop against its background: the
 * largest contrast of any pixel with the crop's commonest colour, which for
 * text is its strokes' cores, as a reader sees them after anti-aliasing.
 */
export function inkContrast(image: Image): number {
  const background = commonest(image);
  let best = 1;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) best = Math.max(best, contrast(pixel(image, x, y), background));
  return best;
}

/** How wide what is drawn on an image is, in pixels: from its first to its last column with ink (2:1 against the background). */
export function inkWidth(image: Image): number {
  const background = commonest(image);
  let first = image.width;
  let last = -1;
  for (let x = 0; x < image.width; x++)
    for (let y = 0; y < image.height; y++)
      if (contrast(pixel(image, x, y), background) >= 2) {
        first = Math.min(first, x);
        last = Math.max(last, x);
        break;
      }
  return last < first ? 0 : last - first + 1;
}
