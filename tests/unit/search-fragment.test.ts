import { describe, expect, test } from 'vitest';
import { compactFragment, expandAnchors, type Fragment } from '../../src/search/fragment.ts';

describe('fragments', () => {
  const fragment: Fragment = {
    url: '/a/',
    content: '標題.\u200B 中俄\u200B關係\u200B不封頂。 經濟\u200B現實. 制裁\u200B有著。',
    anchors: [
      { element: 'p', id: 'p1', text: '中俄關係不封頂。', location: 2 },
      { element: 'h2', id: '經濟現實', text: '經濟現實', location: 5 },
      { element: 'p', id: 'p2', text: '制裁有著。', location: 7 },
      { element: 'p', id: 'p3', text: '不在內文', location: 9 },
    ],
    meta: { title: '標題' },
  };

  test('anchor texts become ranges of the content, zero-width spaces go, and the browser gets the texts back', () => {
    const compact = compactFragment(fragment);
    expect(compact.content).not.toContain('\u200B');
    expect(compact.anchors.slice(0, 3).every((anchor) => anchor.text === '')).toBe(true);
    expect(compact.meta).toEqual({ title: '標題' });
    expect(expandAnchors(compact.content, compact.anchors)).toEqual(
      fragment.anchors.map(({ element, id, text }) => ({ element, id, text })),
    );
  });

  test('an anchor whose text is not in the content keeps its text', () => {
    expect(compactFragment(fragment).anchors[3]?.text).toBe('不在內文');
  });

  test('the browser reads a fragment that was never compacted as it is (a reader may hold one in cache)', () => {
    expect(expandAnchors(fragment.content, fragment.anchors)).toEqual(
      fragment.anchors.map(({ element, id, text }) => ({ element, id, text })),
    );
  });
});
