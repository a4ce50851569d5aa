/**
 * Slugs of events: ASCII words from the title (Arabic is transliterated; a Latin title is
 * preferred), then the venue's start date, unique with a numeric suffix: `atelier-design-2026-06-10`.
 * Given once at creation and frozen (grants with the `event` scope and links name it). Pure.
 */
import { slugify } from 'transliteration';
import type { Translatable } from '#app/shared/db/columns.ts';
import { localDayKey } from './calendar/zoned-time.ts';

export const EVENT_SLUG_MAX_LENGTH = 80;
/** Room for `-YYYY-MM-DD` and a `-NN` suffix. */
const TITLE_MAX_LENGTH = EVENT_SLUG_MAX_LENGTH - 11 - 4;

function asciiWords(text: string): string {
  return slugify(text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, TITLE_MAX_LENGTH)
    .replace(/-+$/, '');
}

/** The title's words (source language first among Latin ones, Arabic transliterated last) and the venue's start day. */
export function eventSlugBase(title: Translatable, sourceLocale: string, startsAt: Date, timeZone: string): string {
  const latin = sourceLocale === 'fr' ? [title.fr, title.en] : [title.en, title.fr];
  let words = '';
  for (const text of [...latin, title.ar]) {
    if (!text) continue;
    words = asciiWords(text);
    if (words.length >= 2) break;
  }
  return `${words.length >= 2 ? words : 'event'}-${localDayKey(startsAt, timeZone)}`;
}

/** `base` when free, else `base-2`, `base-3`... the first one not taken. */
export function uniqueEventSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
