/** Work over a list a few at a time (`src/build/at-once.ts`): results in order, never more in flight than allowed, failures where they are taken. */
import { expect, test } from 'vitest';
import { mapAtOnce, readAhead } from '../../src/build/at-once.ts';

/** A reader that answers after a delay that shrinks with the item, so answers arrive out of order, and counts what is in flight. */
function slowReader() {
  const seen = { inFlight: 0, most: 0 };
  const read = async (item: number): Promise<string> => {
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 20 - (item % 10) * 2));
    seen.inFlight -= 1;
    if (item === 13) throw new Error('item 13 cannot be read');
    return `#${item}`;
  };
  return { seen, read };
}

test('mapAtOnce gives every result in the items’ order, with at most `width` under way', async () => {
  const { seen, read } = slowReader();
  const items = Array.from({ length: 12 }, (_, n) => n);
  expect(await mapAtOnce(items, 4, read)).toEqual(items.map((n) => `#${n}`));
  expect(seen.most).toBe(4);
});

test('readAhead hands results out in order, keeps `width` reads ahead, and throws a failure where it is taken', async () => {
  const { seen, read } = slowReader();
  const taken: string[] = [];
  const items = Array.from({ length: 20 }, (_, n) => n);
  await expect(
    (async () => {
      for await (const [item, result] of readAhead(items, 5, read)) {
        expect(result).toBe(`#${item}`);
        taken.push(result);
      }
    })(),
  ).rejects.toThrow('item 13 cannot be read');
  expect(taken).toEqual(items.slice(0, 13).map((n) => `#${n}`));
  expect(seen.most).toBe(5);
});
