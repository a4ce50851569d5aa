/** Shared by the pages answering through an invitation: refusals as translated pages (404 unknown link, 410 expired or withdrawn). */
import { isRouteErrorResponse } from 'react-router';
import { isAppError } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';

export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

/** A refused or missing thing becomes its error page (404, 410, 403…); anything else is rethrown. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
  throw error;
}

export function SurveyLinkErrorBoundary({ error }: { error: unknown }) {
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  if (status !== 404 && status !== 410) return <ErrorPage status={status} />;
  const kind = status === 410 ? 'gone' : 'notFound';
  return (
    <div className="error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(`needs.invitations.link.${kind}.title`)}</h1>
      <p>{t(`needs.invitations.link.${kind}.body`)}</p>
    </div>
  );
}
