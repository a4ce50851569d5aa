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
/**
 * Printable ASCII and plain Arabic letters: no hamza form to decompose (آ أ ؤ إ ئ), no tatweel, no
 * mark, no Arabic digit or punctuation. Of the folds, only ة and ى apply.
 */
const PLAIN_ASCII_OR_ARABIC = /^[\x20-\x7e\u0621\u0627-\u063a\u0641-\u064a]*$/;
const ARTICLE_START = /(?:^| )و?ال/;
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
  if (PLAIN_ASCII_OR_ARABIC.test(text)) {
    const words = text
      .toLowerCase()
      .replace(/ة/g, 'ه')
      .replace(/ى/g, 'ي')
      .replace(/[^a-z0-9\u0621-\u064a]+/g, ' ')
      .trim();
    return ARTICLE_START.test(words) ? words.split(' ').map(dropArticle).join(' ') : words;
  }
  if (LATIN_1.test(text)) return latin1Label(text);
  return labelOfAnyText(text);
}

/** The rule for any text, which the fast paths of `normaliseLabel` agree with (exported for their test). */
export function labelOfAnyText(text: string): string {
  const folded = foldText(ASCII_OR_ARABIC.test(text) ? text : text.normalize('NFKC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? folded.split(' ').map(dropArticle).join(' ') : '';
}
