import { Link, useRouteLoaderData } from 'react-router';
import type { loader as rootLoader } from '#app/root.tsx';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';

export const meta = titled('shell.home.title', 'shell.home.lead');

export default function Home() {
  const t = useT();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('shell.home.title')}</h1>
        <p className="lead">{t('shell.home.lead')}</p>
        {!root?.viewer && (
          <p className="hero__actions">
            <Link className="button button--primary" to={`/${locale}/account/sign-up`}>
              {t('shell.home.cta.signUp')}
            </Link>
            <Link className="button" to={`/${locale}/account/sign-in`}>
              {t('shell.home.cta.signIn')}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="home-capabilities">
        <h2 id="home-capabilities">{t('shell.home.capabilities.title')}</h2>
        <ul className="card-grid">
          {(['map', 'needs', 'events', 'cooperation', 'knowledge', 'results'] as const).map((key) => (
            <li key={key} className="card">
              <h3>{t(`shell.home.capabilities.${key}.title`)}</h3>
              <p>{t(`shell.home.capabilities.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
