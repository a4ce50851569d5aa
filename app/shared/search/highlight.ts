/**
 * Highlighting of search matches on the ORIGINAL text: the text is folded character by character
 * with the search rules while remembering where each folded character came from, so a match found
 * in search form maps back to the characters shown, Arabic harakat and tatweel included. A word is
 * highlighted whole when a query term (or a lexeme the search matched) starts it, or starts it
 * after an Arabic article or و: "فسيفساء" highlights "الفُسَيْفِسَاء". Pure.
 */
import { foldCharacter, searchTerms, stripArabicPrefixes } from './normalise.ts';

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/** Terms of one letter would light up half the text. */
const MIN_TERM_LENGTH = 2;

/** The first letters of the Arabic article and its clitic forms, and و. */
const ARABIC_PREFIX_START = 'اوبكفل';

export function highlightMatches(text: string, query: string | readonly string[]): HighlightSegment[] {
  const terms = (typeof query === 'string' ? searchTerms(query) : query).filter((term) => term.length >= MIN_TERM_LENGTH);
  if (text.length === 0) return [];
  if (terms.length === 0) return [{ text, match: false }];

  // folded[k] came from the original character starting at owner[k] (UTF-16 index).
  let folded = '';
  const owner: number[] = [];
  let index = 0;
  for (const character of text) {
    const part = foldCharacter(character);
    folded += part;
    for (let k = 0; k < part.length; k++) owner.push(index);
    index += character.length;
  }
  const originalStart = (k: number) => (k < owner.length ? owner[k]! : text.length);

  const ranges: [number, number][] = [];
  for (const word of folded.matchAll(/[^ ]+/g)) {
    const start = word.index;
    const end = start + word[0].length;
    // Only a word starting like an Arabic article or و can lose a prefix (ARABIC_ARTICLE_PREFIXES).
    const stemStart = ARABIC_PREFIX_START.includes(word[0][0] ?? '') ? end - stripArabicPrefixes(word[0]).length : start;
    if (terms.some((term) => folded.startsWith(term, start) || folded.startsWith(term, stemStart))) {
      ranges.push([originalStart(start), originalStart(end)]);
    }
  }

  const segments: HighlightSegment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
