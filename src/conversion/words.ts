/**
 * Word boundaries of Simplified text, from jieba (`@node-rs/jieba`, its own
 * dictionary of about 350,000 mainland words, no HMM guessing): OpenCC's
 * maximum forward match knows phrases but not words, so it binds 的钟 in
 * 艺术的钟情 or 体制 in 半导体制造 across the words. The converter lets a
 * phrase match stand only where it does not cross these boundaries.
 *
 * HMM is off on purpose: with it, jieba glues unknown characters into new
 * "words" (他于, 人和范, 欢案), which would hide the very boundaries between a
 * preposition and a name that the surname rule reads. Without it, a
 * character jieba does not know as part of a word stands alone, which is
 * what a given name usually is.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let segmenter: Jieba | undefined;

/** The words of `text`, in order; joined, they are `text` again. */
export function simplifiedWords(text: string): string[] {
  segmenter ??= Jieba.withDict(dict);
  return segmenter.cut(text, false);
}

/** jieba's part-of-speech tag for a word of its dictionary (`nr` a person's name, `ns` a place…), or `x`. */
export function dictionaryTag(word: string): string {
  segmenter ??= Jieba.withDict(dict);
  const [only, ...more] = segmenter.tag(word, false);
  return only === undefined || more.length > 0 ? 'x' : only.tag;
}
