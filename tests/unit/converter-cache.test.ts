import { describe, expect, test, vi } from 'vitest';

// Count how often OpenCC builds a converter: its dictionaries load once per variant.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('opencc-js/t2cn', async (importOriginal) => {
  const original = await importOriginal<typeof import('opencc-js/t2cn')>();
  return {
    ...original,
    Converter: (options: { from: string; to: string }) => {
      built.count += 1;
      return original.Converter(options);
    },
  };
});

describe('openccConverter', () => {
  test('a converter is built once per variant, however many texts are converted', async () => {
    const { toSimplified } = await import('../../src/lib/convert.ts');
    for (let page = 0; page < 50; page++) {
      toSimplified('北京會見了俄羅斯總理', { variant: 'zh-TW' });
      toSimplified('中俄關係不封頂', { variant: 'zh-HK' });
    }
    expect(built.count).toBe(2);
  });
});
