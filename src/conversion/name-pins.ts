/**
 * People's names pinned wherever they appear: the byline's names of an
 * article written in Simplified, converted as names (surname kept: 于洪君 →
 * 于洪君, not 於洪君), so that the byline, the author page and every
 * mention in the text agree even where the names rule would not see a name.
 * Only names whose conversion as a name differs from the text's conversion
 * become pins: the rest need none.
 */
import { scriptInfo, scriptOfVariant, type SourceVariant } from '../site/scripts.ts';
import type { Glossary, GlossaryEntry } from './types.ts';
import { convertSimplifiedByWords, convertSimplifiedName } from './word-bounded.ts';

const han = /\p{Script=Han}/u;

/** Pins for the Simplified `names` whose form as a name differs from OpenCC's reading of them as text. */
export function namePins(names: Iterable<string>): GlossaryEntry[] {
  const pins: GlossaryEntry[] = [];
  for (const name of new Set(names)) {
    if (!han.test(name)) continue;
    const asName = convertSimplifiedName(name);
    if (asName !== convertSimplifiedByWords(name).output.join(''))
      pins.push({ 'zh-hans': name, 'zh-hant': asName, note: 'a byline name: its surname keeps its form' });
  }
  return pins;
}

/**
 * An article's glossary: its own entries, then its byline's names, then the
 * site's. The site's own array where the article adds nothing, since
 * compiled glossaries are cached by array.
 */
export function articleGlossary({
  own,
  names,
  variant,
  site,
}: {
  own: Glossary;
  names: readonly string[];
  variant: SourceVariant;
  site: Glossary;
}): Glossary {
  const pins = scriptInfo(scriptOfVariant(variant)).family === 'simplified' ? namePins(names) : [];
  return own.length === 0 && pins.length === 0 ? site : [...own, ...pins, ...site];
}
