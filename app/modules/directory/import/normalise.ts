/**
 * One comparison form for headers, vocabulary labels and names typed by people in three
 * languages: lower case, Latin accents dropped, Arabic letters folded (hamza and alef forms, ta
 * marbuta, alef maqsura, diacritics, tatweel, Arabic-Indic digits, a leading ال on each word),
 * punctuation turned into single spaces. `Coopérative` = `cooperative`, `التعاونية` = `تعاونيه`.
 * Pure.
 */

const COMBINING_MARKS = /\p{M}/gu;

/** Arabic letter forms folded to one, diacritics and tatweel dropped, Arabic-Indic digits made ASCII. */
const ARABIC_FOLDS: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  ئ: 'ي',
  ى: 'ي',
  ة: 'ه',
  '\u0640': '',
};
const ARABIC_TO_FOLD = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640أإآٱؤئىة٠-٩۰-۹]/g;

function foldArabicCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ARABIC_FOLDS[character] ?? '';
}

/** Drops a leading ال (and وال) from Arabic words of more than two letters after it. */
function dropArticle(word: string): string {
  const match = /^و?ال(.{2,})$/u.exec(word);
  return match && /^[\u0621-\u064A]/u.test(match[1]!) ? match[1]! : word;
}

/** Printable ASCII: no accent, no Arabic letter, so the fast path below gives the same result. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** ASCII and the basic Arabic block only: nothing that Unicode normalisation would change. */
const ASCII_OR_ARABIC = /^[\x20-\x7e\u0600-\u06ff]*$/;

export function normaliseLabel(text: string): string {
  // Most cells of a large file are plain ASCII; the Unicode passes below cost ten times more.
  if (PLAIN_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const composed = ASCII_OR_ARABIC.test(text) ? text : text.normalize('NFKC');
  const arabicFolded = composed.replace(ARABIC_TO_FOLD, foldArabicCharacter);
  const folded = (ASCII_OR_ARABIC.test(arabicFolded) ? arabicFolded : arabicFolded.normalize('NFD').replace(COMBINING_MARKS, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? folded.split(' ').map(dropArticle).join(' ') : '';
}
