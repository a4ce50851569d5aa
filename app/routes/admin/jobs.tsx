/**
 * /{locale}/admin/jobs: the background job queue, filterable by status, a page at a time. Failed
 * jobs can be retried (needs `jobs.manage`; audited). Works without JavaScript.
 */
import { FormattedNumber } from 'react-intl';
import { Form, useNavigation } from 'react-router';
import { can } from '#app/shared/auth/can.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { listJobs, retryJob } from '#app/shared/jobs/index.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/jobs';
import { asErrorResponse, requireAdminPage, searchParamsOf } from './admin.server.ts';
import { AdminTable, DateTime, Pagination } from './admin-ui.tsx';

export const meta = titled('admin.jobs.title', 'admin.jobs.lead');

/** Sent with the data so the page's browser bundle never imports the server-side queue. */
const STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const;

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'jobs.read');
  const page = await listJobs(actor, searchParamsOf(args.request)).catch(asErrorResponse);
  return { ...page, statuses: STATUSES, canRetry: can(actor, 'jobs.manage') };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = await requireAdminPage(args, 'jobs.manage');
  const form = await args.request.formData();
  const url = new URL(args.request.url);
  const back = `/${locale}/admin/jobs${url.search}`;
  try {
    await retryJob(actor, { id: String(form.get('jobId') ?? '') });
  } catch (error) {
    // A job that finished or vanished meanwhile: say so on the list rather than on an error page.
    if (isAppError(error) && (error.code === 'PLATFORM_JOB_NOT_RETRYABLE' || error.code === 'PLATFORM_JOB_NOT_FOUND')) {
      return redirectWithFlash(back, { key: `errors.${error.code}`, kind: 'error' });
    }
    asErrorResponse(error);
  }
  return redirectWithFlash(back, { key: 'admin.jobs.retried', kind: 'success' });
}

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const navigation = useNavigation();
  const { jobs, counts, status, statuses, page, hasNext, canRetry } = loaderData;
  return (
    <>
      <h1>{t('admin.jobs.title')}</h1>
      <p className="lead">{t('admin.jobs.lead')}</p>

      <section aria-labelledby="jobs-counts">
        <h2 id="jobs-counts" className="visually-hidden">
          {t('admin.jobs.countsTitle')}
        </h2>
        <dl className="meta-list meta-list--inline">
          {statuses.map((s) => (
            <div key={s}>
              <dt>{t(`admin.jobs.status.${s}`)}</dt>
              <dd>
                <FormattedNumber value={counts[s]} />
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <Form method="get" className="filters" aria-label={t('admin.jobs.filter.label')}>
        <div className="field">
          <label htmlFor="jobs-status">{t('admin.jobs.filter.status')}</label>
          <select id="jobs-status" name="status" defaultValue={status ?? ''}>
            <option value="">{t('admin.jobs.filter.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`admin.jobs.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('admin.filter.apply')}
        </button>
      </Form>

      {jobs.length === 0 ? (
        <p>{t('admin.jobs.empty')}</p>
      ) : (
        <AdminTable id="jobs" caption={t('admin.jobs.caption', { page })}>
          <thead>
            <tr>
              <th scope="col">{t('admin.jobs.col.kind')}</th>
              <th scope="col">{t('admin.jobs.col.status')}</th>
              <th scope="col">{t('admin.jobs.col.attempts')}</th>
              <th scope="col">{t('admin.jobs.col.created')}</th>
              <th scope="col">{t('admin.jobs.col.when')}</th>
              <th scope="col">{t('admin.jobs.col.error')}</th>
              {canRetry && <th scope="col">{t('admin.jobs.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row">
                  <code>{job.kind}</code>
                </th>
                <td>
                  <span className={`status status--${job.status}`}>{t(`admin.jobs.status.${job.status}`)}</span>
                </td>
                <td>{t('admin.jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}</td>
                <td>
                  <DateTime value={job.createdAt} />
                </td>
                <td>
                  {job.finishedAt
                    ? t('admin.jobs.finishedAt', { date: <DateTime key="d" value={job.finishedAt} /> })
                    : t('admin.jobs.runAt', { date: <DateTime key="d" value={job.runAt} /> })}
                </td>
                <td className="job-error">{job.lastError ? <span dir="ltr">{job.lastError}</span> : t('admin.jobs.noError')}</td>
                {canRetry && (
                  <td>
                    {job.status === 'failed' && (
                      <Form method="post">
                        <input type="hidden" name="jobId" value={job.id} />
                        <button
                          type="submit"
                          className="button"
                          aria-label={t('admin.jobs.retryLabel', { kind: job.kind, id: job.id.slice(0, 8) })}
                          disabled={navigation.state === 'submitting'}
                        >
                          {t('admin.jobs.retry')}
                        </button>
                      </Form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
      <Pagination page={page} hasNext={hasNext} />
    </>
  );
}
