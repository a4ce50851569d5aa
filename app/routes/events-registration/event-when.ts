/** Event times on the registration pages, formatted alike on the server and in the browser. */
import type { Locale } from '#app/shared/i18n/locales.ts';

/** "Tuesday 9 December 2026, 09:00 – 17:00" in the reader's language, at the venue's time. */
export function eventWhenText(locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}
