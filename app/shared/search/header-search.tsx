/** The search box in every page's header: a labelled GET form to /{locale}/search (works without JavaScript). */
import { useLocale, useT } from '../i18n/react.tsx';
import '../../styles/search.css';

export function HeaderSearch() {
  const t = useT();
  const locale = useLocale();
  return (
    <search aria-label={t('search.header.label')}>
      <form method="get" action={`/${locale}/search`} className="header-search">
        <label htmlFor="header-search-query" className="visually-hidden">
          {t('search.header.label')}
        </label>
        <input id="header-search-query" type="search" name="q" maxLength={200} dir="auto" autoComplete="off" />
        <button type="submit" className="button">
          {t('search.header.submit')}
        </button>
      </form>
    </search>
  );
}
