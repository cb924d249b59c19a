import { describe, expect, test, vi } from 'vitest';

// Count how often OpenCC builds a converter: its dictionaries load once per direction.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('opencc-js', async (importOriginal) => {
  const original = await importOriginal<typeof import('opencc-js')>();
  return {
    ...original,
    Converter: (options: { from: string; to: string }) => {
      built.count += 1;
      return original.Converter(options);
    },
  };
});

describe('openccConverter', () => {
  test('a converter is built once per direction, however many texts are converted', async () => {
    const { convertText } = await import('../../src/conversion/index.ts');
    for (let page = 0; page < 50; page++) {
      convertText('北京會見了俄羅斯總理', { from: 'zh-TW', to: 'zh-hans' });
      convertText('中俄關係不封頂', { from: 'zh-HK', to: 'zh-hans' });
      convertText('中俄关系不封顶', { from: 'zh-CN', to: 'zh-hant' });
      convertText('北京會見了俄羅斯總理', { from: 'zh-TW', to: 'zh-hant' });
    }
    // Two: Taiwan and Hong Kong Traditional to Simplified. Simplified to Traditional runs on the dictionaries
    // directly, word by word (word-bounded.ts), loaded once as well.
    expect(built.count).toBe(2);
  });
});
