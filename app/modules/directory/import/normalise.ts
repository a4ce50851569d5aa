/**
 * One comparison form for headers, vocabulary labels and names typed by people in three
 * languages (`Coopérative` = `cooperative`, `التعاونية` = `تعاونيه`). Characters are folded by
 * the search normaliser's rules (`foldText`: case, accents, Arabic letter forms, diacritics,
 * tatweel, Arabic-Indic digits), after compatibility composition (NFKC: full-width letters,
 * ligatures, presentation forms). The words differ from search on purpose: every run of
 * punctuation or symbols becomes one space, and only a leading ال (or وال) is dropped, where search
 * also strips بال, كال, فال, لل and a leading و for recall. Matching a header or a vocabulary label,
 * or calling two records duplicates, must not merge different words (`ورشة`, "workshop", would
 * lose its و). Pure.
 */
import { foldText } from '#app/shared/search/normalise.ts';

/** Drops a leading ال (and وال) from Arabic words of more than two letters after it. */
function dropArticle(word: string): string {
  const match = /^و?ال(.{2,})$/u.exec(word);
  return match && /^[\u0621-\u064A]/u.test(match[1]!) ? match[1]! : word;
}

/** Printable ASCII: no accent, no Arabic letter, so the fast path below gives the same result. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** ASCII and the basic Arabic block only: nothing that compatibility composition would change. */
const ASCII_OR_ARABIC = /^[\x20-\x7e\u0600-\u06ff]*$/;
const ARTICLE_START = /(?:^| )و?ال/;

/**
 * What each character of U+0621-U+0669 becomes by the rule for any text, as a code: a letter
 * folded (ة -> ه, ى -> ي, a hamza form to its base letter: آ أ إ -> ا, ؤ -> و, ئ -> ي), a digit
 * to its ASCII digit, 0 for what is dropped (tatweel, the marks U+064B-U+0652), -1 for what the
 * loop below leaves to the rule for any text (U+063B-U+063F, U+0653-U+065F).
 */
const ARABIC_FOLDS = Int32Array.from({ length: 0x66a - 0x621 }, (_, i) => {
  const code = 0x621 + i;
  if (code >= 0x660) return 0x30 + code - 0x660;
  if (code === 0x640 || (code >= 0x64b && code <= 0x652)) return 0;
  if ((code >= 0x63b && code <= 0x63f) || code >= 0x653) return -1;
  const folded = foldText(String.fromCharCode(code));
  return folded.length === 1 ? folded.charCodeAt(0) : -1;
});

/** Codes of a label being built (a cell longer than this takes the rule for any text). */
const labelCodes = new Uint16Array(512);

/**
 * The label of printable ASCII mixed with the basic Arabic letters, marks and digits, in one pass
 * over the characters; null for text with any other character. Names in Arabic often carry hamza
 * forms (أبناؤه, النسائية), which made them take the rule for any text (NFD and three regular
 * expressions): five times slower, and computed for every record of the directory and of the file.
 */
function asciiOrArabicLabel(text: string): string | null {
  if (text.length > labelCodes.length) return null;
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      // kept as it is
    } else if (code >= 0x41 && code <= 0x5a) code += 0x20;
    else if (code >= 0x621 && code <= 0x669) {
      code = ARABIC_FOLDS[code - 0x621]!;
      if (code === 0) continue;
      if (code < 0) return null;
    } else if (code >= 0x20 && code <= 0x7e) {
      if (!space) {
        labelCodes[length++] = 0x20;
        space = true;
      }
      continue;
    } else return null;
    labelCodes[length++] = code;
    space = false;
  }
  if (length > 0 && labelCodes[length - 1] === 0x20) length--;
  const words = String.fromCharCode(...labelCodes.subarray(0, length));
  return ARTICLE_START.test(words) ? words.split(' ').map(dropArticle).join(' ') : words;
}
/** Printable ASCII and Latin-1's letters and signs (French names: `Émaux de Fès`). */
const LATIN_1 = /^[\x20-\x7e\u00a0-\u00ff]*$/;
/**
 * What each character of U+00A0-U+00FF becomes by the rule for any text, alone: its letters and
 * digits folded (`É` -> `e`, `æ` -> `ae`, `²` -> `2`), a space for anything else. None of them
 * composes with its neighbours, so a label of such characters is the concatenation of theirs.
 */
const LATIN_1_FOLDS = Array.from({ length: 0x60 }, (_, i) =>
  foldText(String.fromCharCode(0xa0 + i).normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, ' '),
);

/** The label of text matching LATIN_1 (ASCII letters and digits kept, other ASCII a space). */
function latin1Label(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xa0) folded += LATIN_1_FOLDS[code - 0xa0];
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) folded += text[i];
    else if (code >= 0x41 && code <= 0x5a) folded += String.fromCharCode(code + 0x20);
    else folded += ' ';
  }
  return folded.replace(/ {2,}/g, ' ').trim();
}

export function normaliseLabel(text: string): string {
  // Most cells of a large file are plain ASCII or plain Arabic; the Unicode passes below cost
  // several times more, for the same result (a unit test compares both on random text).
  if (PLAIN_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  if (LATIN_1.test(text)) return latin1Label(text);
  return asciiOrArabicLabel(text) ?? labelOfAnyText(text);
}

/** The rule for any text, which the fast paths of `normaliseLabel` agree with (exported for their test). */
export function labelOfAnyText(text: string): string {
  const folded = foldText(ASCII_OR_ARABIC.test(text) ? text : text.normalize('NFKC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? folded.split(' ').map(dropArticle).join(' ') : '';
}
