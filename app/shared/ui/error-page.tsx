import { useT } from '../i18n/react.tsx';

export type ErrorKind = 'forbidden' | 'notFound' | 'unauthenticated' | 'serverError';

export function errorKindOf(status: number): ErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  return 'serverError';
}

/** The i18n key of an error page's title, for `meta` and the heading alike. */
export function errorTitleKey(status: number): string {
  return `errors.page.${errorKindOf(status)}.title`;
}

/** Translated 401, 403, 404 and 500 pages; never a raw server message or a stack. */
export function ErrorPage({ status }: { status: number }) {
  const t = useT();
  return (
    <div className="error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(errorTitleKey(status))}</h1>
      <p>{t(`errors.page.${errorKindOf(status)}.body`)}</p>
    </div>
  );
}
