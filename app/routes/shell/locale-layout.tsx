import { isRouteErrorResponse, Outlet, redirect, useRouteLoaderData } from 'react-router';
import type { loader as rootLoader } from '#app/root.tsx';
import { isLocale, negotiateLocale } from '#app/shared/i18n/locales.ts';
import { I18nProvider } from '#app/shared/i18n/react.tsx';
import { AppShell } from '#app/shared/ui/app-shell.tsx';
import { ErrorPage, errorTitleKey } from '#app/shared/ui/error-page.tsx';
import { pageTitle, rootMessages } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/locale-layout';

/** A path without a known locale prefix is sent to the same path under the reader's language. */
export function loader({ params, request }: Route.LoaderArgs) {
  if (!isLocale(params.lang)) {
    const url = new URL(request.url);
    throw redirect(`/${negotiateLocale(request.headers.get('accept-language'))}${url.pathname}${url.search}`);
  }
  return null;
}

/** Error pages rendered by this boundary (404 and the like) get their translated title here. */
export const meta: Route.MetaFunction = ({ error, matches }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(rootMessages(matches), errorTitleKey(status));
};

export default function LocaleLayout() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  if (!root) return null;
  return (
    <I18nProvider locale={root.locale}>
      <AppShell viewer={root.viewer} flash={root.flash}>
        <Outlet />
      </AppShell>
    </I18nProvider>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  if (!root) throw error;
  return (
    <I18nProvider locale={root.locale}>
      <AppShell viewer={root.viewer} flash={null}>
        <RouteError error={error} />
      </AppShell>
    </I18nProvider>
  );
}

function RouteError({ error }: { error: unknown }) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} />;
}
