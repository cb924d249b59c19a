/**
 * Pagefind's page fragments without the text they store twice. A fragment
 * (what `result.data()` returns) holds the page's text (`content`, with a
 * zero-width space between words) and, for every element with an id (our
 * paragraphs and headings), that element's text again (`anchors`): about
 * 40 % of its bytes. At build time each anchor's text becomes its range of
 * `content` (`compactFragment`, written into the bundle by
 * `src/indexer/compact-fragments.ts`); the browser puts the text back
 * (`expandAnchors`). Pure, and safe for the browser bundle.
 *
 * Pagefind's own excerpts and sub-results (`result.data().excerpt`,
 * `sub_results`) are computed from the anchors' text and the zero-width
 * spaces, so they are wrong on a compacted fragment: the site never uses
 * them (it asks for `excerptLength: 0` and makes its own from `content`), and
 * nothing else may.
 */

/** One anchor of a fragment: an element with an id, and its text or its range of `content`. */
export interface FragmentAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
  /** Where `text` is in `content`, once the text is dropped. */
  start?: number;
  end?: number;
}

/** The fields of a fragment we read or rewrite; the others are kept as they are. */
export interface Fragment {
  url: string;
  content: string;
  anchors: FragmentAnchor[];
  [field: string]: unknown;
}

/**
 * The fragment with zero-width spaces taken out of `content` (Pagefind's
 * browser code takes them out anyway) and each anchor's text replaced by its
 * range of `content`. An anchor whose text is not found in order keeps it.
 */
export function compactFragment(fragment: Fragment): Fragment {
  const content = fragment.content.replace(/\u200B/g, '');
  let cursor = 0;
  const anchors = fragment.anchors.map((anchor) => {
    const start = anchor.text === '' ? -1 : content.indexOf(anchor.text, cursor);
    if (start === -1) return anchor;
    cursor = start + anchor.text.length;
    return { ...anchor, text: '', start, end: cursor };
  });
  return { ...fragment, content, anchors };
}

/** The text of every anchor, from its range where the text was dropped (`compactFragment`). */
export function expandAnchors(
  content: string,
  anchors: readonly FragmentAnchor[],
): { element: string; id: string; text: string }[] {
  return anchors.map(({ element, id, text, start, end }) => ({
    element,
    id,
    text: text === '' && start !== undefined && end !== undefined ? content.slice(start, end) : text,
  }));
}
