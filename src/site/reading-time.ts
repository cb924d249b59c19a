/**
 * Reading time of Chinese text, counted in Han characters: a Chinese reader
 * reads about 300 to 500 characters a minute; we use 400 and say so on the page.
 */
export const charactersPerMinute = 400;

/** Number of Han characters in a text (punctuation, digits and Latin not counted). */
export function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** Whole minutes, at least one. */
export function readingMinutes(hanCharacters: number): number {
  return Math.max(1, Math.round(hanCharacters / charactersPerMinute));
}
