/**
 * Reasons of the twins finder as sentences in the reader's language ("Same subsector: Fashion",
 * "Shared materials and techniques: Silver and Enamel", "Works in Arabic and French"). Pure: the
 * pages pass `useT()`, the API and the exports the server's `translate`.
 * Catalog keys: `directory.twins.reason.<code>` in `locales/<l>/directory.twins.json`.
 */
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import type { TranslatableText } from './directory.contracts.ts';
import type { TwinReason } from './twins.ts';

/** Names of the codes that reasons and filters use, in every language. */
export interface TwinNames {
  subsectors: Record<string, TranslatableText>;
  families: Record<string, TranslatableText>;
  materials: Record<string, TranslatableText>;
  countries: Record<string, TranslatableText>;
}

export type Translate = (id: string, values?: Record<string, string | number>) => string;

function list(locale: Locale, values: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(values);
}

function named(locale: Locale, names: Record<string, TranslatableText>, codes: readonly string[]): string {
  return list(
    locale,
    codes.map((code) => textIn(names[code], locale, null, code)),
  );
}

/** A working language's name in the reader's language (`fr` -> "French", "français", "الفرنسية"). */
export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function describeTwinReason(reason: TwinReason, locale: Locale, names: TwinNames, t: Translate): string {
  const key = `directory.twins.reason.${reason.code}`;
  const markets = (codes: readonly string[]) =>
    list(
      locale,
      codes.map((code) => t(`directory.market.${code}`)),
    );
  switch (reason.code) {
    case 'same-subsector':
      return t(key, { subsectors: named(locale, names.subsectors, reason.subsectors) });
    case 'same-family':
      return t(key, { families: named(locale, names.families, reason.families) });
    case 'shared-materials':
      return t(key, { materials: named(locale, names.materials, reason.materials) });
    case 'complementary-value-chain':
      return t(key, {
        pairs: list(
          locale,
          reason.pairs.map((pair) =>
            t('directory.twins.reason.valueChainPair', {
              source: t(`directory.valueChain.${pair.source}`),
              twin: t(`directory.valueChain.${pair.twin}`),
            }),
          ),
        ),
      });
    case 'complementary-markets':
      if (reason.newMarkets.length === 0) return t(`${key}.shared`, { markets: markets(reason.sharedExportMarkets) });
      if (reason.sharedExportMarkets.length === 0) return t(`${key}.new`, { markets: markets(reason.newMarkets) });
      return t(`${key}.both`, { newMarkets: markets(reason.newMarkets), sharedMarkets: markets(reason.sharedExportMarkets) });
    case 'shared-language':
      return t(key, {
        languages: list(
          locale,
          reason.languages.map((code) => languageName(locale, code)),
        ),
      });
    case 'similar-size':
      return t(key, { size: t(`directory.size.${reason.sizeClass}`) });
  }
}
