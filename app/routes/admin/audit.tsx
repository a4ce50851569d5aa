/**
 * /{locale}/admin/audit: who did what, as whom, to which subject and when; newest first, a page at
 * a time, filterable by subject type and action. Needs `audit.read`.
 */
import { Form, Link } from 'react-router';
import { listAuditEntries } from '#app/shared/audit/index.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/audit';
import { asErrorResponse, requireAdminPage, searchParamsOf } from './admin.server.ts';
import { AdminTable, DateTime, Pagination } from './admin-ui.tsx';

export const meta = titled('admin.audit.title', 'admin.audit.lead');

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'audit.read');
  return listAuditEntries(actor, searchParamsOf(args.request)).catch(asErrorResponse);
}

type Entry = Route.ComponentProps['loaderData']['entries'][number];

function Person({ name, email, id }: { name: string | null; email?: string | null; id: string }) {
  const t = useT();
  if (!name) return <>{t('admin.audit.unknownPerson', { id: <code key="id">{id}</code> })}</>;
  return (
    <>
      <bdi>{name}</bdi>
      {email && (
        <>
          <br />
          <bdi dir="ltr" className="muted">
            {email}
          </bdi>
        </>
      )}
    </>
  );
}

function Actor({ entry }: { entry: Entry }) {
  const t = useT();
  if (!entry.actorId) return <>{t('admin.audit.system')}</>;
  return <Person name={entry.actorName} email={entry.actorEmail} id={entry.actorId} />;
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { entries, subjectTypes, filter, page, hasNext } = loaderData;
  const filtered = Boolean(filter.subjectType || filter.action);
  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <p className="lead">{t('admin.audit.lead')}</p>

      <Form method="get" className="filters" aria-label={t('admin.audit.filter.label')}>
        <div className="field">
          <label htmlFor="audit-subject">{t('admin.audit.filter.subjectType')}</label>
          <select id="audit-subject" name="subjectType" defaultValue={filter.subjectType ?? ''}>
            <option value="">{t('admin.audit.filter.any')}</option>
            {subjectTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('admin.audit.filter.action')}</label>
          <input
            id="audit-action"
            name="action"
            dir="ltr"
            defaultValue={filter.action ?? ''}
            aria-describedby="audit-action-hint"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
          />
          <p id="audit-action-hint" className="field__hint">
            {t('admin.audit.filter.actionHint')}
          </p>
        </div>
        <button type="submit" className="button">
          {t('admin.filter.apply')}
        </button>
        {filtered && <Link to={`/${locale}/admin/audit`}>{t('admin.filter.clear')}</Link>}
      </Form>

      {entries.length === 0 ? (
        <p>{t(filtered ? 'admin.audit.noMatch' : 'admin.audit.empty')}</p>
      ) : (
        <AdminTable id="audit" caption={t('admin.audit.caption', { page })}>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.col.when')}</th>
              <th scope="col">{t('admin.audit.col.actor')}</th>
              <th scope="col">{t('admin.audit.col.action')}</th>
              <th scope="col">{t('admin.audit.col.subject')}</th>
              <th scope="col">{t('admin.audit.col.via')}</th>
              <th scope="col">{t('admin.audit.col.data')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <DateTime value={entry.createdAt} />
                </th>
                <td>
                  <Actor entry={entry} />
                  {entry.actingAsId && (
                    <p className="acting-as">
                      {t('admin.audit.actingAs', {
                        person: <Person key="p" name={entry.actingAsName} id={entry.actingAsId} />,
                      })}
                    </p>
                  )}
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <code>{entry.subjectType}</code>
                  {entry.subjectId && (
                    <>
                      <br />
                      <code className="muted">{entry.subjectId}</code>
                    </>
                  )}
                </td>
                <td>{t(`admin.audit.via.${entry.via ?? 'system'}`)}</td>
                <td>
                  {entry.data ? (
                    <details>
                      <summary>{t('admin.audit.showData')}</summary>
                      <pre className="source" dir="ltr" translate="no">
                        <code>{JSON.stringify(entry.data, null, 2)}</code>
                      </pre>
                    </details>
                  ) : (
                    t('admin.audit.noData')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
      <Pagination page={page} hasNext={hasNext} />
    </>
  );
}
