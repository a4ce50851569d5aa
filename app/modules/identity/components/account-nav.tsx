/** The account pages' own navigation: profile, sessions, two-factor and API tokens. */
import { NavLink } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';

const ACCOUNT_PAGES = [
  { path: 'account', label: 'identity.nav.profile' },
  { path: 'account/sessions', label: 'identity.nav.sessions' },
  { path: 'account/two-factor', label: 'identity.nav.twoFactor' },
  { path: 'account/tokens', label: 'identity.nav.tokens' },
] as const;

export function AccountNav() {
  const t = useT();
  const locale = useLocale();
  return (
    <nav className="account-nav" aria-label={t('identity.nav.label')}>
      <ul>
        {ACCOUNT_PAGES.map((page) => (
          <li key={page.path}>
            <NavLink to={`/${locale}/${page.path}`} end>
              {t(page.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
