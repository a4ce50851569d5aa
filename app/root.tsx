import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunctionArgs,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import arErrors from '../locales/ar/errors.json' with { type: 'json' };
import enErrors from '../locales/en/errors.json' with { type: 'json' };
import frErrors from '../locales/fr/errors.json' with { type: 'json' };
import type { Route } from './+types/root';
import { presentViewer } from './shared/auth/viewer.ts';
import { readFlash } from './shared/http/flash.server.ts';
import { useNonce } from './shared/http/nonce.tsx';
import { requestContext } from './shared/http/request-context.ts';
import { catalogVersion } from './shared/i18n/catalog.server.ts';
import { catalogUrl, ensureCatalog, getCatalog } from './shared/i18n/catalog-store.ts';
import { directionOf, isLocale, type Locale, negotiateLocale } from './shared/i18n/locales.ts';
import { I18nProvider, useT } from './shared/i18n/react.tsx';
import { ErrorPage, errorTitleKey } from './shared/ui/error-page.tsx';
import './styles/app.css';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale: Locale = isLocale(params.lang) ? params.lang : negotiateLocale(request.headers.get('accept-language'));
  const { actor } = context.get(requestContext);
  const { flash, clear } = await readFlash(request);
  return data(
    { locale, catalogUrl: catalogUrl(locale, catalogVersion(locale)), viewer: presentViewer(actor), flash },
    clear ? { headers: { 'Set-Cookie': clear } } : undefined,
  );
}

/** A client-side navigation into another language first fetches that language's catalog. */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await ensureCatalog(data.locale, data.catalogUrl);
  return data;
}

/**
 * The root data (viewer, flash, which catalog) changes only with the language or after a form
 * submission (sign-in, sign-out, profile): plain navigations reuse it instead of refetching the
 * whole catalog.
 */
export function shouldRevalidate({ formMethod, currentParams, nextParams, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formMethod && formMethod !== 'GET') return defaultShouldRevalidate;
  return currentParams.lang !== nextParams.lang;
}

/** The locale of the page from the URL, for when the root loader did not run (error pages). */
function localeFromPath(pathname: string): Locale {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : 'en';
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root');
  const location = useLocation();
  const nonce = useNonce();
  const locale = rootData?.locale ?? localeFromPath(location.pathname);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {rootData?.catalogUrl && <meta name="mosaic-catalog" content={rootData.catalogUrl} />}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const fallbackErrors: Record<Locale, Record<string, string>> = { ar: arErrors, fr: frErrors, en: enErrors };

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>('root');
  const location = useLocation();
  const locale = rootData?.locale ?? localeFromPath(location.pathname);
  const messages = getCatalog(locale) ?? Object.fromEntries(Object.entries(fallbackErrors[locale]).map(([k, v]) => [`errors.${k}`, v]));
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <I18nProvider locale={locale} messages={messages}>
      <main id="main" className="page">
        <ErrorTitle status={status} />
        <ErrorPage status={status} />
      </main>
    </I18nProvider>
  );
}

/** When the root itself failed, `meta` has no data to work with: React 19 hoists this title. */
function ErrorTitle({ status }: { status: number }) {
  const t = useT();
  return <title>{t(errorTitleKey(status))}</title>;
}
