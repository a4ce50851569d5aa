/**
 * The history of one subject (an organisation, a cluster...) as a list, newest first: what was
 * done, by whom, on behalf of whom, when, and which fields changed. Modules name their actions and
 * fields through `actionLabel` and `fieldLabel`; paging is plain links, so it works without JavaScript.
 */
import type { ReactNode } from 'react';
import { FormattedDate } from 'react-intl';
import { Link } from 'react-router';
import { useT } from '../i18n/react.tsx';
import '#app/styles/history-list.css';

export interface HistoryListEntry {
  id: string;
  action: string;
  createdAt: Date | string;
  actorName: string | null;
  actingAsName: string | null;
  changed: string[];
}

interface Props<Entry extends HistoryListEntry> {
  entries: Entry[];
  actionLabel: (action: string) => string;
  /** What the entry was about, beyond the changed fields (a module's own detail, e.g. the member added). */
  detail?: (entry: Entry) => ReactNode;
  fieldLabel: (field: string) => string;
  page: number;
  hasNext: boolean;
  /** The URL of another page of the history. */
  pageHref: (page: number) => string;
}

export function HistoryList<Entry extends HistoryListEntry>({
  entries,
  actionLabel,
  detail,
  fieldLabel,
  page,
  hasNext,
  pageHref,
}: Props<Entry>) {
  const t = useT();
  if (entries.length === 0 && page === 1) return <p>{t('shell.history.empty')}</p>;
  return (
    <>
      <ol className="history-list">
        {entries.map((entry) => (
          <li key={entry.id} className="history-list__entry">
            <p className="history-list__what">{actionLabel(entry.action)}</p>
            {detail?.(entry)}
            <p className="history-list__who">
              <time dateTime={new Date(entry.createdAt).toISOString()}>
                <FormattedDate value={entry.createdAt} dateStyle="medium" timeStyle="short" />
              </time>
              {' · '}
              {entry.actorName ? <bdi>{entry.actorName}</bdi> : t('shell.history.system')}
              {entry.actingAsName && <> {t('shell.history.actingAs', { name: <bdi key="name">{entry.actingAsName}</bdi> })}</>}
            </p>
            {entry.changed.length > 0 && (
              <p className="history-list__changed">
                {t('shell.history.changed', { fields: entry.changed.map(fieldLabel).join(t('shell.history.separator')) })}
              </p>
            )}
          </li>
        ))}
      </ol>
      {(page > 1 || hasNext) && (
        <nav className="history-list__pages" aria-label={t('shell.history.pages')}>
          {page > 1 && <Link to={pageHref(page - 1)}>{t('shell.history.newer')}</Link>}
          {hasNext && <Link to={pageHref(page + 1)}>{t('shell.history.older')}</Link>}
        </nav>
      )}
    </>
  );
}
