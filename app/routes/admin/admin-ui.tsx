/** Pieces the admin pages share: tables, dates, pagination, language names and text with clickable links. */
import { Fragment, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { splitLinks } from './text-links.ts';

/**
 * In UTC, with the zone named: the same text on the server and in the browser, and unambiguous
 * for staff in different countries. Digits and month names follow the reader's locale.
 */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
};

export function DateTime({ value }: { value: Date | string }) {
  const intl = useIntl();
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{intl.formatDate(date, DATE_TIME)}</time>;
}

export function LanguageName({ locale }: { locale: string }) {
  const t = useT();
  return <>{t(`admin.language.${locale}`)}</>;
}

/** Plain text (a mail's text part) with its web addresses as links; line breaks are kept by CSS. */
export function LinkedText({ text, locale, dir }: { text: string; locale: Locale | string; dir: 'rtl' | 'ltr' }) {
  // Each part is keyed by where it starts in the text: stable and unique.
  let offset = 0;
  const parts = splitLinks(text).map((part) => {
    const at = offset;
    offset += part.kind === 'link' ? part.url.length : part.text.length;
    return { ...part, at };
  });
  return (
    <div className="plain-text" lang={locale} dir={dir}>
      {parts.map((part) =>
        part.kind === 'link' ? (
          <a key={part.at} href={part.url} dir="ltr">
            {part.url}
          </a>
        ) : (
          <Fragment key={part.at}>{part.text}</Fragment>
        ),
      )}
    </div>
  );
}

/** Previous / next links that keep the page's other query parameters (filters). */
export function Pagination({ page, hasNext }: { page: number; hasNext: boolean }) {
  const t = useT();
  const location = useLocation();
  if (page === 1 && !hasNext) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target === 1) params.delete('page');
    else params.set('page', String(target));
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  };
  return (
    <nav className="pagination" aria-label={t('admin.pagination.label')}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t('admin.pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('admin.pagination.page', { page })}</span>
      {hasNext ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t('admin.pagination.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A captioned admin table that scrolls sideways on narrow screens. */
export function AdminTable({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  return (
    <ScrollTable id={id} caption={caption} tableClassName="admin-table">
      {children}
    </ScrollTable>
  );
}
