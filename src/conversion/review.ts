/**
 * The review list: where the conversion of an author's text into the other
 * script may have taken the wrong sense, and what to write if it did.
 *
 * Only a character decided by its own default is asked about, and only if
 * its other senses are common in news writing (data/sense-forms.ts): a
 * phrase OpenCC knows, a name (surnames.ts), a rule or a glossary pin has
 * already decided the rest. Each item names the word it stands in (jieba's
 * word, for Simplified text) and the rule that would pin the other form,
 * so that an editor who finds it wrong copies the fix.
 */
import * as OpenCC from 'opencc-js';
import { scriptInfo, scriptOfVariant, scripts, type Script, type SourceVariant } from '../site/scripts.ts';
import { simplifiedSenses, traditionalSenses } from './data/sense-forms.ts';
import { parseRules } from './rules.ts';
import { convertRunAligned } from './text.ts';
import type { Glossary } from './types.ts';
import { surnameForms } from './surnames.ts';
import { dictionaryTag, simplifiedWords } from './words.ts';

/** Whether a word could be (the start of) a given name: Han, at most two characters, not a time, place, number or locative. */
function mayStartName(word: string | undefined): boolean {
  return word !== undefined && /^\p{Script=Han}{1,2}$/u.test(word) && !/^(t|ns|m|mq|f|s|nt|q)$/.test(dictionaryTag(word));
}

export interface ReviewItem {
  /** UTF-16 offset of the character in the text given. */
  index: number;
  character: string;
  /** The form the page in the other script shows. */
  chosen: string;
  /** The other forms the character could take. */
  alternatives: string[];
  /** The word it stands in, as written. */
  word: string;
  /** The rule to write in place of the word if another form is meant (the first alternative). */
  fix: string;
  /** The text around the character (up to four characters each side), and the character's offset in it. */
  context: string;
  contextOffset: number;
}

let traditionalSegmenter: OpenCC.Trie | undefined;

/** OpenCC's Traditional → Simplified phrases and characters, for where its own longest match falls. */
function traditionalSegments(text: string): string[] {
  if (traditionalSegmenter === undefined) {
    traditionalSegmenter = new OpenCC.Trie();
    for (const group of OpenCC.Locale.to['cn'] ?? []) traditionalSegmenter.loadDictGroup(group);
  }
  return traditionalSegmenter.segment(text);
}

/** The script a text written in `variant` is shown in besides its own. */
function otherScript(variant: SourceVariant): Script | undefined {
  const family = scriptInfo(scriptOfVariant(variant)).family;
  return scripts.find((script) => scriptInfo(script).family !== family);
}

/** Offsets (UTF-16) where each word of `words` starts, with the word. */
function wordAt(words: readonly string[]): (index: number) => { start: number; word: string; position: number } {
  const starts: number[] = [];
  let offset = 0;
  for (const word of words) {
    starts.push(offset);
    offset += word.length;
  }
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return { start: starts[low] ?? 0, word: words[low] ?? '', position: low };
  };
}

function ruleFor(
  word: string,
  offsetInWord: number,
  alternative: string,
  source: Script,
  target: Script,
  converted: string,
): string {
  const characters = Array.from(converted);
  const at = Array.from(word.slice(0, offsetInWord)).length;
  characters[at] = alternative;
  return `-{${source}:${word};${target}:${characters.join('')}}-`;
}

/**
 * The review items of one run of text (no Markdown in it; rules allowed)
 * written in `variant`, with the site's and the article's glossary.
 */
export function reviewConversion(
  text: string,
  { variant, glossary }: { variant: SourceVariant; glossary: Glossary },
): ReviewItem[] {
  const target = otherScript(variant);
  if (target === undefined) return [];
  const source = scriptOfVariant(variant);
  const simplifiedSource = scriptInfo(source).family === 'simplified';
  const senses = simplifiedSource ? traditionalSenses : simplifiedSenses;
  const items: ReviewItem[] = [];
  for (const segment of parseRules(text).segments) {
    if (segment.type !== 'text') continue;
    if (!Array.from(segment.value).some((character) => senses.has(character))) continue;
    const converted = convertRunAligned(segment.value, { from: variant, to: target, glossary });
    const { aligned, fixed, decisions } = converted;
    // The conversion's own words where it segmented; segmenting again only for text beyond the BMP.
    const words = simplifiedSource ? (converted.words ?? simplifiedWords(segment.value)) : traditionalSegments(segment.value);
    const findWord = wordAt(words);
    let index = 0;
    Array.from(segment.value).forEach((character, at) => {
      const offset = index;
      index += character.length;
      const forms = senses.get(character);
      if (forms === undefined || fixed.has(at)) return;
      const { start, word } = findWord(offset);
      // Simplified text: decided by one character's default. Traditional text: OpenCC matched it alone.
      const byDefault = decisions === undefined ? Array.from(word).length === 1 : decisions[at] === 'character';
      if (!byDefault) return;
      // A surname character alone (于, 余) is a question only where a name could follow it: not before a time,
      // a place, a number or a locative (于明年, 于北京, 余人); the names rule already kept the names it saw.
      if (simplifiedSource && surnameForms.has(character) && !mayStartName(words[findWord(offset).position + 1])) return;
      const chosen = aligned[at] ?? character;
      const alternatives = forms.filter((form) => form !== chosen);
      const first = alternatives[0];
      if (first === undefined) return;
      const wordStart = Array.from(segment.value.slice(0, start)).length;
      const converted = aligned.slice(wordStart, wordStart + Array.from(word).length).join('');
      const contextStart = Math.max(0, offset - 4);
      items.push({
        index: segment.start + offset,
        context: segment.value.slice(contextStart, offset + character.length + 4),
        contextOffset: offset - contextStart,
        character,
        chosen,
        alternatives,
        word,
        fix: ruleFor(word, offset - start, first, source, target, converted),
      });
    });
  }
  return items;
}
