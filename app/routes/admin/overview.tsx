/** /{locale}/admin: the staff area's entry, one card per section the viewer may open. */
import { FormattedNumber } from 'react-intl';
import { Link } from 'react-router';
import { canSeeImports } from '#app/modules/directory/index.ts';
import { can } from '#app/shared/auth/can.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { listJobs } from '#app/shared/jobs/index.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/overview';
import { asErrorResponse, requireAdminPage } from './admin.server.ts';

export const meta = titled('admin.overview.title', 'admin.overview.lead');

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'admin.access');
  const jobCounts = can(actor, 'jobs.read') ? (await listJobs(actor, {}).catch(asErrorResponse)).counts : null;
  return {
    sections: {
      outbox: can(actor, 'mail.outbox.read'),
      jobs: can(actor, 'jobs.read'),
      audit: can(actor, 'audit.read'),
      directoryRequests: can(actor, 'directory.requests.decide'),
      directoryImport: canSeeImports(actor),
    },
    jobCounts,
  };
}

export default function AdminOverview({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { sections, jobCounts } = loaderData;
  const visible = (['outbox', 'jobs', 'audit', 'directoryRequests'] as const).filter((key) => sections[key]);
  return (
    <>
      <h1>{t('admin.overview.title')}</h1>
      <p className="lead">{t('admin.overview.lead')}</p>
      {visible.length === 0 && !sections.directoryImport ? (
        <p>{t('admin.overview.nothing')}</p>
      ) : (
        <ul className="card-grid">
          {visible.map((key) => (
            <li key={key} className="card">
              <h2 className="admin-card__title">
                <Link to={`/${locale}/admin/${key === 'directoryRequests' ? 'directory/requests' : key}`}>{t(`admin.nav.${key}`)}</Link>
              </h2>
              <p>{t(`admin.overview.${key}`)}</p>
              {key === 'jobs' && jobCounts && (
                <dl className="meta-list">
                  {(['pending', 'running', 'failed'] as const).map((status) => (
                    <div key={status}>
                      <dt>{t(`admin.jobs.status.${status}`)}</dt>
                      <dd>
                        <FormattedNumber value={jobCounts[status]} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
          {sections.directoryImport && (
            <li className="card">
              <h2 className="admin-card__title">
                <Link to={`/${locale}/admin/directory/import`}>{t('directory.import.title')}</Link>
              </h2>
              <p>{t('directory.import.overview')}</p>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
