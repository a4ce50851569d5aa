/**
 * One comparison form for headers, vocabulary labels and names typed by people in three
 * languages: lower case, Latin accents dropped, Arabic letters folded (hamza and alef forms, ta
 * marbuta, alef maqsura, diacritics, tatweel, Arabic-Indic digits, a leading ال on each word),
 * punctuation turned into single spaces. `Coopérative` = `cooperative`, `التعاونية` = `تعاونيه`.
 * Pure.
 */

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const COMBINING_MARKS = /\p{M}/gu;

function foldArabicLetters(text: string): string {
  return text
    .replace(ARABIC_DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

/** Drops a leading ال (and وال) from Arabic words of more than two letters after it. */
function dropArticle(word: string): string {
  const match = /^و?ال(.{2,})$/u.exec(word);
  return match && /^[\u0621-\u064A]/u.test(match[1]!) ? match[1]! : word;
}

export function normaliseLabel(text: string): string {
  const folded = foldArabicLetters(text.normalize('NFKC'))
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? folded.split(' ').map(dropArticle).join(' ') : '';
}
