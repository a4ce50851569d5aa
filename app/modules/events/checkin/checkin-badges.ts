/**
 * What each badge shows, as the data the Typst layout reads (pure, tested alone). A badge speaks
 * its holder's language (the registration's): the event's title in it first (then in the other
 * languages, smaller), the name as written (Arabic shaped by the layout), the organisation and the
 * country in that language when known, and the check-in QR code with its code printed under it.
 */
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { type TranslatableValue, textIn } from '#app/shared/i18n/translatable.ts';

export interface BadgeHolder {
  registrationId: string;
  name: string;
  locale: string;
  organisationName: TranslatableValue | null;
  organisationLocale: string | null;
  countryName: TranslatableValue | null;
  code: string;
}

export interface BadgeEvent {
  title: TranslatableValue;
  sourceLocale: string;
}

export interface Badge {
  lang: Locale;
  dir: 'rtl' | 'ltr';
  label: string;
  title: string;
  otherTitles: string[];
  name: string;
  organisation: string;
  country: string;
  code: string;
  qrAlt: string;
}

/** Labels of one language: `t(locale, id, values)`. */
export type Translate = (locale: Locale, id: string, values?: Record<string, string>) => string;

export const badgeLocale = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en');

export function badgeOf(holder: BadgeHolder, event: BadgeEvent, t: Translate): Badge {
  const lang = badgeLocale(holder.locale);
  const title = textIn(event.title, lang, event.sourceLocale);
  const otherTitles = LOCALES.filter((other) => other !== lang)
    .map((other) => event.title[other])
    .filter((text): text is string => Boolean(text) && text !== title);
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    label: t(lang, 'events.checkin.badge.participant'),
    title,
    otherTitles,
    name: holder.name,
    organisation: textIn(holder.organisationName, lang, holder.organisationLocale),
    country: textIn(holder.countryName, lang),
    code: holder.code,
    qrAlt: t(lang, 'events.checkin.badge.qrAlt', { code: holder.code }),
  };
}

export function badgeFileName(slug: string, registrationId?: string): string {
  return registrationId ? `badge-${slug}.pdf` : `badges-${slug}.pdf`;
}
