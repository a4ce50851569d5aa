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
  return labelOfAnyText(text);
}

/** The rule for any text, which the fast paths of `normaliseLabel` agree with (exported for their test). */
export function labelOfAnyText(text: string): string {
  const folded = foldText(ASCII_OR_ARABIC.test(text) ? text : text.normalize('NFKC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? folded.split(' ').map(dropArticle).join(' ') : '';
}
