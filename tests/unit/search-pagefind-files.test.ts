import { createHash } from 'node:crypto';
import { encode } from 'cborg';
import { describe, expect, test } from 'vitest';
import { compactFragment, expandAnchors, type Fragment } from '../../src/search/fragment.ts';
import {
  ContentNames,
  decodeIndexChunk,
  decodeMeta,
  encodeIndexChunk,
  encodeMeta,
  pack,
  splitIndex,
  unpack,
  type IndexWord,
} from '../../src/indexer/pagefind-files.ts';

const word = (text: string, positions: number): IndexWord => [text, [[0, Array.from({ length: positions }, (_, at) => at)]], []];

describe('splitIndex', () => {
  const words = ['中俄', '中國', '制裁', '制定', '北京', '北約', '普丁', '普遍'].map((text) => word(text, 3));

  test('chunks hold about the target, never splitting words that share a first character', () => {
    const chunks = splitIndex(words, 5);
    expect(chunks.map((chunk) => chunk.words.map(([text]) => text))).toEqual([
      ['中俄', '中國'],
      ['制裁', '制定'],
      ['北京', '北約'],
      ['普丁', '普遍'],
    ]);
  });

  test('each chunk answers for every word and prefix starting with its characters, and nothing between', () => {
    const chunks = splitIndex(words, 5);
    const lookup = (term: string): number => chunks.findIndex((chunk) => term >= chunk.from && term <= chunk.to);
    expect(lookup('制裁')).toBe(1);
    expect(lookup('制')).toBe(1);
    expect(lookup('制裁陰影')).toBe(1);
    expect(lookup('普')).toBe(3);
    expect(lookup('丁')).toBe(-1);
  });

  test('a small index stays one chunk', () => {
    expect(splitIndex(words, 1000)).toHaveLength(1);
  });
});

describe('index and metadata files', () => {
  test('a chunk decodes and re-encodes to the same bytes', () => {
    const data = encodeIndexChunk([word('制裁', 2), word('北京', 1)]);
    const decoded = decodeIndexChunk(unpack(pack(data)));
    expect(decoded.map(([text]) => text)).toEqual(['制裁', '北京']);
    expect(Buffer.from(encodeIndexChunk(decoded))).toEqual(Buffer.from(data));
  });

  test('files not laid out as Pagefind 1.x writes them are refused', () => {
    expect(() => decodeIndexChunk(encode({ words: [] }))).toThrow(/unexpected index chunk layout/);
    expect(() => decodeMeta(encode(['1.6.0', [], [['a', 'b']]]))).toThrow(/unexpected metadata layout/);
    expect(() => unpack(pack(Buffer.from('x')).subarray(0, 5))).toThrow();
  });

  test('metadata keeps every field but the chunks it is given', () => {
    const meta = decodeMeta(encodeMeta(['1.6.0', [['zh-hant_1234567', 10]], [['a', 'z', 'zh-hant_abcdef0']], [], [], ['title']]));
    expect(meta[2]).toEqual([['a', 'z', 'zh-hant_abcdef0']]);
    expect(meta.slice(3)).toEqual([[], [], ['title']]);
  });
});

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
});

describe('ContentNames', () => {
  const data = (text: string): Uint8Array => Buffer.from(text);

  test('names a content by a short hash of it, the same name each time', () => {
    const names = new ContentNames();
    const name = names.name('zh-hant', data('甲'));
    expect(name).toMatch(/^zh-hant_[0-9a-f]{7}$/);
    expect(names.name('zh-hant', data('甲'))).toBe(name);
  });

  test('two contents whose short hashes collide get different names, the second a longer one', () => {
    // Search for two contents whose hashes share their first 3 hex digits (a collision forced at a short length).
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let index = 0; pair === undefined; index++) {
      const text = `片段${index}`;
      const prefix = createHash('sha256').update(text).digest('hex').slice(0, 3);
      const earlier = seen.get(prefix);
      if (earlier !== undefined) pair = [earlier, text];
      seen.set(prefix, text);
    }
    const names = new ContentNames();
    const first = names.name('zh-hans', data(pair[0]), 3);
    const second = names.name('zh-hans', data(pair[1]), 3);
    expect(first).toHaveLength('zh-hans_'.length + 3);
    expect(second).not.toBe(first);
    expect(second.startsWith(first)).toBe(true);
    expect(second.length).toBeGreaterThan(first.length);
    // Asked again, each keeps its own name.
    expect(names.name('zh-hans', data(pair[1]), 3)).toBe(second);
    expect(names.name('zh-hans', data(pair[0]), 3)).toBe(first);
  });
});
