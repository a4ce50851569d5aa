import type { ReactNode } from 'react';
import { Form, Link, NavLink, useLocation } from 'react-router';
import type { Viewer } from '../auth/viewer.ts';
import type { Flash } from '../http/flash.server.ts';
import { LOCALES, switchLocaleInPath } from '../i18n/locales.ts';
import { useLocale, useT } from '../i18n/react.tsx';
import { HeaderSearch } from '../search/header-search.tsx';
import { mainNavigation } from './navigation.ts';

const LANGUAGE_NAMES = { ar: 'العربية', fr: 'Français', en: 'English' } as const;

export function AppShell({ viewer, flash, children }: { viewer: Viewer | null; flash: Flash | null; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={`/${locale}/`} className="brand" aria-label={t('shell.brandHome')}>
            <span aria-hidden="true" className="brand__mark" />
            {t('shell.brand')}
          </Link>
          <nav aria-label={t('shell.nav.label')} className="main-nav">
            <ul>
              {mainNavigation
                .filter((item) => !item.when || item.when(viewer))
                .map((item) => (
                  <li key={item.path}>
                    <NavLink to={`/${locale}${item.path}`} end={item.path === '/'}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <div className="site-header__end">
            <HeaderSearch />
            <nav aria-label={t('shell.language.label')} className="language-switcher">
              <ul>
                {LOCALES.map((l) => (
                  <li key={l}>
                    <a href={switchLocaleInPath(here, l)} hrefLang={l} lang={l} aria-current={l === locale ? 'true' : undefined}>
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {viewer ? (
              <div className="account-menu">
                <Link to={`/${locale}/account`}>
                  <bdi>{viewer.name}</bdi>
                </Link>
                <Form method="post" action={`/${locale}/account/sign-out`}>
                  <button type="submit" className="link-button">
                    {t('shell.signOut')}
                  </button>
                </Form>
              </div>
            ) : (
              <Link to={`/${locale}/account/sign-in`}>{t('shell.signIn')}</Link>
            )}
          </div>
        </div>
      </header>
      {flash && (
        <div className={`flash flash--${flash.kind}`} role="status">
          {t(flash.key)}
        </div>
      )}
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer.about')}</p>
      </footer>
    </>
  );
}
