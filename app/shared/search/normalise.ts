/**
 * Search normalisation (decision 0008). The same rules exist in SQL (migration
 * `search-fast-indexing`): `mosaic_fold` (characters) builds the indexed documents, and
 * `mosaic_normalise` (characters, then words) the names and the queries; `search.int.test.ts` runs
 * a corpus through both engines to prove they agree. Pure: no I/O.
 *
 * Characters: lower case; canonical decomposition (NFD) when the text holds a letter it changes
 * (Latin with diacritics, Arabic hamza forms: أ إ آ become ا, ؤ becomes و, ئ becomes ي); combining
 * marks removed (Latin accents, Arabic harakat, tanween, shadda, sukun, dagger alef, honorific and
 * Quranic signs: with every mark gone, canonical reordering cannot differ between engines); the
 * letters decomposition leaves alone folded by a table (ٱ, ى, ة, tatweel, Persian yeh and kaf,
 * Arabic-Indic digits, æ, œ, ß, ø, ł...); punctuation and symbols become spaces.
 * Words (normalise only): the Arabic article and its clitic forms (وال, بال, كال, فال, لل, ال)
 * removed when at least two letters remain, then a leading و when at least three remain (light
 * stemming, as in Larkey's light10). Documents keep the prefixes; a query word matches them through
 * its prefixed forms (`mosaic_search_query`), which keeps indexing free of per-word work.
 */

/** Combining marks removed: Latin diacritics, Arabic harakat, honorific and Quranic signs. */
export const COMBINING_MARKS = '\\u0300-\\u036f\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06ed';

/** Letters whose presence makes the text decomposed (NFD): Latin with diacritics, Arabic hamza forms. */
export const DECOMPOSABLE = '\\u00c0-\\u024f\\u0622-\\u0626\\u1e00-\\u1eff';

/** Punctuation, symbols and controls (ASCII, Latin-1, Arabic, general and CJK punctuation). */
export const SEPARATORS =
  '\\u0001-\\u001f\\u0021-\\u002f\\u003a-\\u0040\\u005b-\\u0060\\u007b-\\u00bf\\u00d7\\u00f7\\u060c\\u061b\\u061f\\u066a-\\u066d\\u06d4\\u2000-\\u206f\\u3000-\\u303f\\ufeff';

/** Letters that decomposition leaves alone, folded to their search form (after lower-casing). */
export const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ة: 'ه',
  ى: 'ي',
  ـ: '',
  ٱ: 'ا',
  ی: 'ي',
  ک: 'ك',
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
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ĳ: 'ij',
};

const COMBINING_MARK = new RegExp(`[${COMBINING_MARKS}]`, 'gu');
const DECOMPOSABLE_LETTER = new RegExp(`[${DECOMPOSABLE}]`, 'u');
const SEPARATOR = new RegExp(`[${SEPARATORS}]`, 'gu');

/** The Arabic article and its clitic forms, removed when at least two letters remain. */
export const ARABIC_ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const ARTICLE = new RegExp(`^(?:${ARABIC_ARTICLE_PREFIXES.join('|')})(?=[^ ]{2})`, 'u');
const CONJUNCTION = /^و(?=[^ ]{3})/u;

/** Any letter of LETTER_FOLDS (one regular expression: faster than a lookup per character). */
const FOLDED_LETTER = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

function foldLowered(lowered: string, decompose: boolean): string {
  return (decompose ? lowered.normalize('NFD') : lowered)
    .replace(COMBINING_MARK, '')
    .replace(FOLDED_LETTER, (letter) => LETTER_FOLDS[letter]!)
    .replace(SEPARATOR, ' ');
}

/** Text with its characters in search form (`mosaic_fold`); spaces are kept as they are. */
export function foldText(text: string): string {
  const lowered = text.toLowerCase();
  return foldLowered(lowered, DECOMPOSABLE_LETTER.test(lowered));
}

/** One character (a code point) in search form, always decomposed: for highlighting. */
export function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = foldLowered(character.toLowerCase(), true);
    if (foldedCharacters.size >= FOLDED_CHARACTERS_KEPT) foldedCharacters.clear();
    foldedCharacters.set(character, folded);
  }
  return folded;
}

/**
 * Characters already folded: highlighting folds every character of a page of results (thousands),
 * and folding one (lower case, NFD, two regular expressions) costs far more than a lookup. Texts
 * use few distinct characters; the bound only guards against a text of every code point.
 */
const foldedCharacters = new Map<string, string>();
const FOLDED_CHARACTERS_KEPT = 4096;

/** The search form of one word (already folded, without spaces). */
export function stripArabicPrefixes(word: string): string {
  return word.replace(ARTICLE, '').replace(CONJUNCTION, '');
}

/** Text in search form (`mosaic_normalise`): folded, single spaces, Arabic prefixes removed per word. */
export function normaliseForSearch(text: string): string {
  return foldText(text)
    .split(' ')
    .filter((word) => word.length > 0)
    .map(stripArabicPrefixes)
    .join(' ');
}

/** The distinct words of a query in search form, in order. */
export function searchTerms(query: string): string[] {
  return [...new Set(normaliseForSearch(query).split(' ').filter(Boolean))];
}
