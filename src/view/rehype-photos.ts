/**
 * The body's figures as a reader's browser gets them: each
 * `<figure data-photo>` the pipeline made (`src/markdown/rehype-figures.ts`)
 * gets a `<picture>` of the photo's published sizes, AVIF and WebP with a
 * JPEG fallback, its width and height set so that nothing moves as it
 * loads, loaded lazily (the lead photo, above the text, is the page's own).
 * For a feed, one JPEG at its absolute address, as feed readers expect.
 * Runs on the converted body; a figure whose photo is unknown (a poisoned
 * cache) is an error, never an image of the original file.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { fallbackWidth, heightAt, photoFormats, photoSizes, photoSrcset, photoUrl, type PhotoFacts } from '../site/photos.ts';

export interface PhotosOptions {
  /** The article's photos by file name. */
  photos: Readonly<Record<string, PhotoFacts>>;
  /** The site's base (`/`, `/news/`), or for a feed the absolute address of the site's root. */
  base: string;
  /** `picture` for a page, `feed` for a feed item: one plain JPEG. */
  form: 'picture' | 'feed';
}

/** The `<picture>` of a photo: its formats' sizes, and the JPEG `<img>` every browser can show. */
export function photoPicture(facts: PhotoFacts, alt: string, base: string, loading: 'lazy' | 'eager'): Element {
  const [avif, webp, jpeg] = photoFormats;
  const width = fallbackWidth(facts);
  const source = (format: (typeof photoFormats)[number]): ElementContent => ({
    type: 'element',
    tagName: 'source',
    properties: { type: format.type, srcSet: photoSrcset(base, facts, format.extension), sizes: photoSizes },
    children: [],
  });
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      source(avif),
      source(webp),
      {
        type: 'element',
        tagName: 'img',
        properties: {
          src: photoUrl(base, facts.digest, width, jpeg.extension),
          srcSet: photoSrcset(base, facts, jpeg.extension),
          sizes: photoSizes,
          alt,
          width: facts.width,
          height: facts.height,
          loading,
          decoding: 'async',
        },
        children: [],
      },
    ],
  };
}

/** A feed's image: the JPEG fallback at its absolute address, with its size. */
function feedImage(facts: PhotoFacts, alt: string, base: string): Element {
  const width = fallbackWidth(facts);
  return {
    type: 'element',
    tagName: 'img',
    properties: { src: photoUrl(base, facts.digest, width, 'jpg'), alt, width, height: heightAt(facts, width) },
    children: [],
  };
}

export default function rehypePhotos({ photos, base, form }: PhotosOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'figure') return;
      const name = node.properties['dataPhoto'];
      if (typeof name !== 'string') return;
      const facts = Object.hasOwn(photos, name) ? photos[name] : undefined;
      if (facts === undefined) throw new Error(`the figure of "${name}" has no checked photo`);
      delete node.properties['dataPhoto'];
      node.children = node.children.map((child) => {
        if (child.type !== 'element' || child.tagName !== 'img') return child;
        const alt = String(child.properties['alt'] ?? '');
        return form === 'feed' ? feedImage(facts, alt, base) : photoPicture(facts, alt, base, 'lazy');
      });
      return 'skip';
    });
  };
}
