/** React side of i18n: the provider, a `useT()` shortcut and helpers for translatable fields. */
import { createContext, type ReactNode, useContext } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { directionOf, type Locale } from './locales.ts';

const LocaleContext = createContext<Locale>('en');

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Record<string, string>; children: ReactNode }) {
  return (
    <LocaleContext.Provider value={locale}>
      <IntlProvider locale={locale} messages={messages} defaultLocale="en" onError={() => {}}>
        {children}
      </IntlProvider>
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
