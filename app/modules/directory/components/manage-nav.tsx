/** The management pages of one organisation: its profile form, its people, its history. */
import { Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';

export function ManageNav({ slug, current }: { slug: string; current: 'edit' | 'people' | 'history' }) {
  const t = useT();
  const locale = useLocale();
  return (
    <nav className="manage-nav" aria-label={t('directory.manage.nav.label')}>
      <ul>
        {(['edit', 'people', 'history'] as const).map((key) => (
          <li key={key}>
            <Link to={`/${locale}/organisations/${slug}/${key}`} aria-current={key === current ? 'page' : undefined}>
              {t(`directory.manage.nav.${key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
