/** React side of i18n: the provider, a `useT()` shortcut and helpers for translatable fields. */
import { createContext, type ReactNode, useContext } from 'react';
import { createIntl, createIntlCache, type IntlShape, RawIntlProvider, useIntl } from 'react-intl';
import { getCatalog } from './catalog-store.ts';
import { directionOf, type Locale } from './locales.ts';

const LocaleContext = createContext<Locale>('en');

const intlCache = createIntlCache();
/**
 * One IntlShape per catalog object: the server's catalogs are loaded once per process, so every
 * request reuses the same formatters instead of building them anew (a measurable cost per page).
 */
const intlByCatalog = new WeakMap<Record<string, string>, IntlShape>();

function intlFor(locale: Locale, messages: Record<string, string>): IntlShape {
  let intl = intlByCatalog.get(messages);
  if (!intl || intl.locale !== locale) {
    intl = createIntl({ locale, messages, defaultLocale: 'en', onError: () => {} }, intlCache);
    intlByCatalog.set(messages, intl);
  }
  return intl;
}

const noMessages: Record<string, string> = {};

/** Provides `locale`'s catalog (from the catalog store unless `messages` is given). */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages?: Record<string, string>; children: ReactNode }) {
  return (
    <LocaleContext.Provider value={locale}>
      <RawIntlProvider value={intlFor(locale, messages ?? getCatalog(locale) ?? noMessages)}>{children}</RawIntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useDirection(): 'rtl' | 'ltr' {
  return directionOf(useLocale());
}

export type TranslateValues = Record<string, string | number | Date | ReactNode>;

/** `t('identity.signIn.title')`, `t('shell.items', { count })`. */
export function useT(): (id: string, values?: TranslateValues) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values as Record<string, string>) as string;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * Formats plain counts in the page's language with one `Intl.NumberFormat` per language for the
 * process: `intl.formatNumber` looks its formatter up by serialising the arguments on every call,
 * which a page of a hundred counts (the directory's facets) feels.
 */
export function useFormatCount(): (count: number) => string {
  const locale = useLocale();
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format;
}
