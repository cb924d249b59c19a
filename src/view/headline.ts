/**
 * Where a Chinese headline may break: at the spaces between its clauses
 * first, and inside a clause that is longer than a line only between words,
 * never inside a name (米舒斯京, 習近平, 莫斯科). Browsers break Chinese
 * anywhere, so the page keeps each clause together, forbids breaks inside
 * it (`word-break: keep-all`) and offers them only where this module says.
 *
 * Words come from the platform's dictionary segmenter (ICU), which knows
 * common words but cuts names it does not know into single characters
 * (米|舒|斯|京). So: consecutive single characters are read as one word, and
 * a lone single character is bound to the word after it (向莫斯科, 習近平),
 * or, if it is a suffix or particle (冷戰式, 不封頂) or ends the clause, to
 * the word before it. That breaks less often than it could, never inside a
 * name.
 */

/** A clause of a headline: the space before it (none for the first) and its words; joined, they are the headline. */
export interface HeadlineClause {
  space: string;
  words: string[];
}

const han = /^\p{Script=Han}$/u;
/** Marks that end a clause piece: a break may follow them, never precede them. */
const closing = /^[\p{Pe}\p{Pf}\p{Po}]+$/u;
/** Marks that open: a break may precede them, never follow them. */
const opening = /^[\p{Ps}\p{Pi}]+$/u;

/** Spaces between clauses: a space with no Latin letter or digit on either side. */
const clauseSpace = /((?<![\p{Script=Latin}\p{N}])[ \u3000]+(?![\p{Script=Latin}\p{N}]))/u;

/** Single characters that end the word before them: suffixes and particles, in both scripts. */
const suffixes = new Set(Array.from('式性化者們们家界型率度後后上下內内外間间裡里的了著着過过得地嗎吗呢吧'));

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (found === undefined) {
    found = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, found);
  }
  return found;
}

/** The words of one clause, with the breaks allowed between them. */
function clauseWords(clause: string, lang: string): string[] {
  // Runs of single Han characters read as one word: a name the dictionary does not know.
  const groups: { text: string; singles: number }[] = [];
  for (const { segment } of segmenter(lang).segment(clause)) {
    const last = groups.at(-1);
    const single = han.test(segment);
    if (single && last !== undefined && last.singles > 0) {
      last.text += segment;
      last.singles += 1;
    } else groups.push({ text: segment, singles: single ? 1 : 0 });
  }
  const lone = (group: { singles: number } | undefined): boolean => group?.singles === 1;
  /** A lone character that belongs to the word before it. */
  const bindsBack = (index: number): boolean => {
    const group = groups[index];
    const next = groups[index + 1];
    return lone(group) && (suffixes.has(group?.text ?? '') || next === undefined || closing.test(next.text));
  };
  const words: string[] = [];
  groups.forEach((group, index) => {
    const previous = groups[index - 1];
    const breakBefore =
      previous !== undefined &&
      !closing.test(group.text) &&
      !opening.test(previous.text) &&
      !bindsBack(index) &&
      !(lone(previous) && !bindsBack(index - 1));
    if (breakBefore || words.length === 0) words.push(group.text);
    else words[words.length - 1] += group.text;
  });
  return words;
}

/** Headlines already cut: each is shown on its page and on every list and neighbour link that names it. */
const cut = new Map<string, readonly HeadlineClause[]>();

/** The clauses of a headline, each as its words, with the space written before it. `lang` is the page's language tag. */
export function headlineClauses(title: string, lang: string): readonly HeadlineClause[] {
  const key = `${lang}\u0000${title}`;
  let clauses = cut.get(key);
  if (clauses === undefined) {
    const parts = title.split(clauseSpace);
    clauses = parts.flatMap((text, index): HeadlineClause[] => {
      if (index % 2 === 1 || text === '') return [];
      return [{ space: parts[index - 1] ?? '', words: clauseWords(text, lang) }];
    });
    cut.set(key, clauses);
  }
  return clauses;
}
