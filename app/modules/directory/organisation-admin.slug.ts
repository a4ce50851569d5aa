/**
 * Slugs of new organisations: ASCII words from the name (Arabic is transliterated), unique with a
 * numeric suffix. A slug is stable once given (role scopes and URLs use it), so it is derived once,
 * at creation. Pure.
 */
import { slugify } from 'transliteration';
import type { TranslatableText } from './directory.contracts.ts';

export const SLUG_MAX_LENGTH = 80;
/** Room left for a `-NN` suffix. */
const BASE_MAX_LENGTH = SLUG_MAX_LENGTH - 6;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Printable ASCII (and tabs): what needs no transliteration. */
const ASCII = /^[\t\x20-\x7e]*$/;

/**
 * The text in ASCII: Latin letters with accents lose them (what the transliteration does to them,
 * for a tenth of its cost: an import derives 100,000 slugs); other scripts are transliterated.
 */
function asciiOf(text: string): string {
  if (ASCII.test(text)) return text;
  const stripped = text.normalize('NFD').replace(COMBINING_MARKS, '');
  return ASCII.test(stripped) ? stripped : slugify(text, { lowercase: true, separator: '-', trim: true });
}

/** The name's Latin-script version reads best in a URL, so it is preferred to a transliteration. */
export function slugBase(name: TranslatableText, sourceLocale: string): string {
  const order = [name.en, name.fr, sourceLocale === 'ar' ? name.ar : undefined, name.ar];
  for (const text of order) {
    if (!text) continue;
    const slug = asciiOf(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, BASE_MAX_LENGTH)
      .replace(/-$/, '');
    if (slug.length >= 2) return slug;
  }
  return 'organisation';
}

/** `base` when free, else `base-2`, `base-3`... the first one not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
