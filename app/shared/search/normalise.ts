/**
 * Search normalisation (decision 0008). The same rules exist as the IMMUTABLE SQL function
 * `mosaic_normalise(text)` (migration `search-normaliser`), used when documents are indexed; this
 * copy is used for queries, highlighting and tests, and `normalise.int.test.ts` runs a corpus
 * through both to prove they agree. Pure: no I/O.
 *
 * Per character: lower case, canonical decomposition (NFD) with combining marks removed (Latin
 * accents, Arabic harakat, tanween, shadda, sukun, dagger alef, Quranic marks), so أ إ آ become ا,
 * ؤ becomes و and ئ becomes ي by decomposition; then the letters decomposition leaves alone (ٱ, ى,
 * ة, tatweel, Persian yeh and kaf, Arabic-Indic digits, æ, œ, ß, ø, ł...) by an explicit table;
 * punctuation and symbols become spaces. Per word: the Arabic article and its clitic forms (وال,
 * بال, كال, فال, لل, ال) are removed when at least two letters remain, then a leading و when at
 * least three remain (light stemming, as in Larkey's light10: the cost is that a word truly
 * starting with و is indexed without it, the same way on both sides).
 */

/** Combining marks removed after decomposition: Latin diacritics, Arabic harakat and Quranic marks. */
export const COMBINING_MARKS = '\\u0300-\\u036f\\u064b-\\u065f\\u0670\\u06d6-\\u06ed';

/** Punctuation, symbols, controls and spaces (ASCII, Latin-1, Arabic, general and CJK punctuation). */
export const SEPARATORS =
  '\\u0001-\\u002f\\u003a-\\u0040\\u005b-\\u0060\\u007b-\\u00bf\\u00d7\\u00f7\\u060c\\u061b\\u061f\\u066a-\\u066d\\u06d4\\u2000-\\u206f\\u3000-\\u303f\\ufeff';

/** Letters that decomposition leaves alone, folded to their search form (after lower-casing). */
export const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ک: 'ك',
  ـ: '',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ĳ: 'ij',
  ð: 'd',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  ŀ: 'l',
  ŋ: 'n',
  ŧ: 't',
  ſ: 's',
};

const COMBINING_MARK = new RegExp(`[${COMBINING_MARKS}]`, 'gu');
const SEPARATOR = new RegExp(`[${SEPARATORS}]`, 'gu');

/** The Arabic article and its clitic forms, removed when at least two letters remain. */
export const ARABIC_ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const ARTICLE = new RegExp(`^(?:${ARABIC_ARTICLE_PREFIXES.join('|')})(?=[^ ]{2})`, 'u');
const CONJUNCTION = /^و(?=[^ ]{3})/u;

/** One character (a code point) in its search form: '' (dropped), ' ' (a separator) or letters. */
export function foldCharacter(character: string): string {
  let folded = '';
  for (const part of character.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '')) {
    folded += LETTER_FOLDS[part] ?? part;
  }
  return folded.replace(SEPARATOR, ' ');
}

/** The search form of one word (already folded, without spaces). */
export function stripArabicPrefixes(word: string): string {
  return word.replace(ARTICLE, '').replace(CONJUNCTION, '');
}

/** Text in its search form: folded characters, single spaces, Arabic prefixes removed per word. */
export function normaliseForSearch(text: string): string {
  let folded = '';
  for (const character of text) folded += foldCharacter(character);
  return folded
    .split(' ')
    .filter((word) => word.length > 0)
    .map(stripArabicPrefixes)
    .join(' ');
}

/** The distinct words of a query in search form, in order. */
export function searchTerms(query: string): string[] {
  return [...new Set(normaliseForSearch(query).split(' ').filter(Boolean))];
}
