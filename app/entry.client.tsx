/**
 * Hydrates the server-rendered page once the page's catalog is in hand. The catalog comes from
 * `/i18n/<locale>.<version>.json` (named in a meta tag by the root layout), cached by the browser
 * for as long as its content does not change.
 */
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { ensureCatalog } from './shared/i18n/catalog-store.ts';
import { isLocale } from './shared/i18n/locales.ts';

const locale = document.documentElement.lang;
const url = document.querySelector<HTMLMetaElement>('meta[name="mosaic-catalog"]')?.content;
if (isLocale(locale) && url) await ensureCatalog(locale, url);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter />
    </StrictMode>,
  );
});
