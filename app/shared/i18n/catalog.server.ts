/**
 * UI catalogs live in locales/{ar,fr,en}/<namespace>.json as flat ICU messages keyed
 * `<namespace>.<key>` (a file `<namespace>.<module>.json` adds to `<namespace>`). They are read
 * once per process; the browser fetches its locale's catalog from `/i18n/<locale>.<version>.json`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { type Messages, setCatalog } from './catalog-store.ts';
import { LOCALES, type Locale } from './locales.ts';

export type { Messages };

const localesDir = path.resolve(process.env.MOSAIC_LOCALES_DIR ?? 'locales');
const cache = new Map<Locale, Messages>();

export function loadCatalog(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(localesDir, locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    // `errors.identity.json` adds to the `errors` namespace: modules keep their error texts apart.
    const namespace = file.slice(0, file.indexOf('.'));
    const entries = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(entries)) messages[`${namespace}.${key}`] = value;
  }
  cache.set(locale, messages);
  setCatalog(locale, messages);
  return messages;
}

const versions = new Map<Locale, string>();

/** A short hash of the catalog's content: the browser may cache `/i18n/<locale>.<version>.json` for ever. */
export function catalogVersion(locale: Locale): string {
  let version = versions.get(locale);
  if (!version) {
    version = createHash('sha256')
      .update(JSON.stringify(loadCatalog(locale)))
      .digest('base64url')
      .slice(0, 12);
    versions.set(locale, version);
  }
  return version;
}

export function loadAllCatalogs(): Record<Locale, Messages> {
  return Object.fromEntries(LOCALES.map((l) => [l, loadCatalog(l)])) as Record<Locale, Messages>;
}

const intlCache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

/** A server-side translator (mail, API problem titles, CLI). */
export function getIntl(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale, messages: loadCatalog(locale), onError: reportIntlError }, intlCache);
    intls.set(locale, intl);
  }
  return intl;
}

export function translate(locale: Locale, id: string, values?: Record<string, string | number | Date>): string {
  return getIntl(locale).formatMessage({ id }, values) as string;
}

function reportIntlError(error: { code?: string; message: string }): void {
  // A missing key is caught by the catalog tests; at run time we log and show the key.
  if (process.env.NODE_ENV !== 'production') console.warn(`[i18n] ${error.code ?? ''} ${error.message}`);
}
