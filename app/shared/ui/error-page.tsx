import { useT } from '../i18n/react.tsx';

/** Translated 403, 404 and 500 pages; never a raw server message or a stack. */
export function ErrorPage({ status }: { status: number }) {
  const t = useT();
  const kind = status === 403 ? 'forbidden' : status === 404 ? 'notFound' : status === 401 ? 'unauthenticated' : 'serverError';
  return (
    <main id="main" className="error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(`errors.page.${kind}.title`)}</h1>
      <p>{t(`errors.page.${kind}.body`)}</p>
    </main>
  );
}
