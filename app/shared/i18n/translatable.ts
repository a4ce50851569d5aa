/**
 * Display of translatable fields (decision 0003): the requested locale, then the source locale,
 * then any language present. The caller learns which language it got, so the UI can say when it
 * shows a fallback and mark the block with its own `lang`. Pure: used on server and client.
 */
import { LOCALES, type Locale } from './locales.ts';

export type TranslatableValue = Partial<Record<Locale, string>>;

export interface DisplayedText {
  text: string;
  /** The language of `text`. */
  lang: Locale;
  /** True when `text` is not in the requested locale. */
  isFallback: boolean;
}

export function displayText(
  value: TranslatableValue | null | undefined,
  locale: Locale,
  sourceLocale?: string | null,
): DisplayedText | null {
  if (!value) return null;
  const order: Locale[] = [locale];
  if (sourceLocale && (LOCALES as readonly string[]).includes(sourceLocale)) order.push(sourceLocale as Locale);
  order.push(...LOCALES);
  for (const lang of order) {
    const text = value[lang];
    if (text) return { text, lang, isFallback: lang !== locale };
  }
  return null;
}

/** The plain string to show (titles, meta tags, exports), or `fallback` when there is no text at all. */
export function textIn(value: TranslatableValue | null | undefined, locale: Locale, sourceLocale?: string | null, fallback = ''): string {
  return displayText(value, locale, sourceLocale)?.text ?? fallback;
}

/**
 * The value cut down to the one language a page in `locale` shows (or null). A page that sends
 * many names to the browser (the directory's cards and facets) sends only what it shows; the
 * result still says which language that is, so `displayText` on it gives the same answer,
 * fallback note included.
 */
export function inLocaleOnly(
  value: TranslatableValue | null | undefined,
  locale: Locale,
  sourceLocale?: string | null,
): TranslatableValue | null {
  const shown = displayText(value, locale, sourceLocale);
  return shown ? { [shown.lang]: shown.text } : null;
}
