/**
 * /{locale}/admin/directory/import/{runId}: one import. A draft shows its columns with sample
 * values and the field each fills (guessed, changeable), with "dry run" and "import" buttons; a
 * running import shows a progress bar that refreshes itself (a meta refresh without JavaScript,
 * a short poll with it); a finished one shows its summary and the rows not imported with their
 * reasons, downloadable as CSV, and a dry run can then be imported for real.
 */
import { useEffect } from 'react';
import { FormattedNumber } from 'react-intl';
import { data, Form, Link, redirect, useNavigation, useRevalidator } from 'react-router';
import { canImport, getImportRun, type ImportRunView, previewImportRun, startImportRun } from '#app/modules/directory/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { asErrorResponse, requireAdminPage } from '../admin/admin.server.ts';
import { AdminTable, DateTime } from '../admin/admin-ui.tsx';
import type { Route } from './+types/run';
import { fieldLabel, issueReason, RunStatus } from './import-ui.tsx';
import '#app/styles/directory-import.css';

const REFRESH_SECONDS = 2;
const isBusy = (run: Pick<ImportRunView, 'status'>) => run.status === 'pending' || run.status === 'running';

export const meta = titled('directory.import.run.title', 'directory.import.lead');

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'admin.access');
  const run = await getImportRun(actor, args.params.runId).catch(asErrorResponse);
  const preview = run.status === 'draft' ? await previewImportRun(actor, run.id).catch(asErrorResponse) : null;
  return { run, preview, canStart: canImport(actor, run.kind) };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = await requireAdminPage(args, 'admin.access');
  const form = await args.request.formData();
  const targets: (string | null)[] = [];
  for (const [name, value] of form) {
    const match = /^target\.(\d+)$/.exec(name);
    if (match) targets[Number(match[1])] = String(value) || null;
  }
  try {
    const { runId } = await startImportRun(actor, args.params.runId, {
      targets: Array.from(targets, (target) => target ?? null),
      dryRun: form.get('intent') !== 'import',
    });
    return redirect(`/${locale}/admin/directory/import/${runId}`);
  } catch (error) {
    if (isAppError(error) && error.status < 500 && error.status !== 401 && error.status !== 403) {
      return data({ error: error.code, targets: (error.details?.targets as string[] | undefined) ?? [] }, { status: error.status });
    }
    return asErrorResponse(error);
  }
}

function ProgressPanel({ run }: { run: ImportRunView }) {
  const t = useT();
  const { revalidate, state } = useRevalidator();
  // With JavaScript: a short poll of this page's data instead of waiting for the reload.
  useEffect(() => {
    const timer = setInterval(() => {
      if (state === 'idle') revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [revalidate, state]);
  return (
    <section aria-labelledby="import-progress" className="card">
      {/* Without JavaScript the page reloads itself while the import runs. Inside <noscript> so a
          browser running scripts never schedules it (the poll above does the work there). */}
      <noscript>
        <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
      </noscript>
      <h2 id="import-progress">{t('directory.import.progress.title')}</h2>
      <label htmlFor="import-progress-bar">
        {run.total === null
          ? t('directory.import.progress.rowsSoFar', { processed: run.processed })
          : t('directory.import.progress.rows', { processed: run.processed, total: run.total })}
      </label>
      {run.total === null ? (
        <progress id="import-progress-bar" className="import-progress" />
      ) : (
        <progress id="import-progress-bar" className="import-progress" max={Math.max(run.total, 1)} value={run.processed} />
      )}
      <p className="field__hint">{t('directory.import.progress.refresh')}</p>
    </section>
  );
}

function Summary({ run }: { run: ImportRunView }) {
  const t = useT();
  const counts = [
    ['processed', run.processed],
    [run.dryRun ? 'wouldCreate' : 'created', run.created],
    ['duplicates', run.duplicates],
    ['rejected', run.rejected],
  ] as const;
  return (
    <dl className="meta-list meta-list--inline import-summary">
      {counts.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`directory.import.summary.${key}`)}</dt>
          <dd>
            <FormattedNumber value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Report({ run }: { run: ImportRunView }) {
  const t = useT();
  const locale = useLocale();
  if (run.report.length === 0) return <p>{t('directory.import.report.none')}</p>;
  const recordPath = run.kind === 'organisations' ? 'organisations' : 'clusters';
  return (
    <>
      <AdminTable id="import-report" caption={t('directory.import.report.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('directory.import.report.row')}</th>
            <th scope="col">{t('directory.import.report.outcome')}</th>
            <th scope="col">{t('directory.import.report.field')}</th>
            <th scope="col">{t('directory.import.report.value')}</th>
            <th scope="col">{t('directory.import.report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {run.report.map((issue) => (
            // A row can have several issues, on different fields or values.
            <tr key={`${issue.row}-${issue.field}-${issue.code}-${issue.value ?? ''}`}>
              <td>
                <FormattedNumber value={issue.row} />
              </td>
              <td>{t(`directory.import.outcome.${issue.outcome}`)}</td>
              <td>{fieldLabel(t, locale, issue.field)}</td>
              <td dir="auto">{issue.value}</td>
              <td>
                {issueReason(t, issue)}
                {issue.duplicateOf && (
                  <>
                    {' '}
                    {'slug' in issue.duplicateOf ? (
                      <Link to={`/${locale}/${recordPath}/${issue.duplicateOf.slug}`}>
                        {t('directory.import.report.duplicateOfRecord', { slug: issue.duplicateOf.slug })}
                      </Link>
                    ) : (
                      t('directory.import.report.duplicateOfRow', { row: issue.duplicateOf.row })
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </AdminTable>
      {run.reportOmitted > 0 && <p>{t('directory.import.report.omitted', { count: run.reportOmitted })}</p>}
      <p>
        <a href={`/${locale}/admin/directory/import/${run.id}/report.csv`} download>
          {t('directory.import.report.download')}
        </a>
      </p>
    </>
  );
}

export default function ImportRun({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { run, preview, canStart } = loaderData;
  const submitting = navigation.state === 'submitting';
  const finished = run.status === 'succeeded' || run.status === 'failed';
  return (
    <div className="import-page">
      <p>
        <Link to={`/${locale}/admin/directory/import`}>{t('directory.import.backToList')}</Link>
      </p>
      <h1>
        {t('directory.import.run.title')}: <bdi>{run.fileName}</bdi>
      </h1>
      <dl className="meta-list">
        <div>
          <dt>{t('directory.import.runs.kind')}</dt>
          <dd>{t(`directory.import.kind.${run.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('directory.import.runs.status')}</dt>
          <dd>
            <RunStatus status={run.status} dryRun={run.dryRun} />
          </dd>
        </div>
        <div>
          <dt>{t('directory.import.runs.date')}</dt>
          <dd>
            <DateTime value={run.createdAt} />
          </dd>
        </div>
      </dl>

      {preview && (
        <section aria-labelledby="import-mapping">
          <h2 id="import-mapping">{t('directory.import.mapping.title')}</h2>
          <p>{t('directory.import.mapping.lead')}</p>
          <p id="import-mapping-required" className="field__hint">
            {t('directory.import.mapping.required', {
              fields: preview.required.map((field) => fieldLabel(t, locale, field)).join(t('directory.import.listSeparator')),
            })}
          </p>
          <Form method="post" className="form">
            {actionData?.error && (
              <div className="form-error" role="alert">
                <p>{t(`errors.${actionData.error}`)}</p>
                {actionData.targets.length > 0 && (
                  <ul>
                    {actionData.targets.map((target) => (
                      <li key={target}>{fieldLabel(t, locale, target)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            <AdminTable id="import-columns" caption={t('directory.import.mapping.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('directory.import.mapping.column')}</th>
                  <th scope="col">{t('directory.import.mapping.samples')}</th>
                  <th scope="col">{t('directory.import.mapping.field')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((column, index) => (
                  // Columns are identified by their position: headers may repeat.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the position is the column's identity
                  <tr key={index}>
                    <th scope="row" dir="auto">
                      {column.header || t('directory.import.mapping.untitled', { position: index + 1 })}
                    </th>
                    <td dir="auto" className="import-samples">
                      {column.samples.join(' · ')}
                    </td>
                    <td>
                      <label htmlFor={`target-${index}`} className="visually-hidden">
                        {t('directory.import.mapping.fieldFor', { column: column.header || String(index + 1) })}
                      </label>
                      <select
                        id={`target-${index}`}
                        name={`target.${index}`}
                        defaultValue={column.target ?? ''}
                        aria-describedby="import-mapping-required"
                      >
                        <option value="">{t('directory.import.mapping.ignore')}</option>
                        {preview.targets.map((target) => (
                          <option key={target} value={target}>
                            {fieldLabel(t, locale, target)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </AdminTable>
            {canStart && (
              <div className="import-actions">
                <button type="submit" name="intent" value="dry-run" className="button" disabled={submitting}>
                  {t('directory.import.mapping.dryRun')}
                </button>
                <button type="submit" name="intent" value="import" className="button button--primary" disabled={submitting}>
                  {t('directory.import.mapping.import')}
                </button>
              </div>
            )}
            <p className="field__hint">{t('directory.import.mapping.dryRunHint')}</p>
          </Form>
        </section>
      )}

      {isBusy(run) && <ProgressPanel run={run} />}

      {finished && (
        <section aria-labelledby="import-result">
          <h2 id="import-result">{t(run.dryRun ? 'directory.import.result.dryRunTitle' : 'directory.import.result.title')}</h2>
          {run.status === 'failed' ? (
            <p className="form-error" role="alert">
              {t(`errors.${run.errorCode ?? 'COMMON_INTERNAL'}`)}
            </p>
          ) : (
            <>
              <Summary run={run} />
              <h3>{t('directory.import.report.title')}</h3>
              <Report run={run} />
              {run.dryRun && canStart && (
                <Form method="post">
                  {run.mapping.map((column, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the position is the column's identity
                    <input key={index} type="hidden" name={`target.${index}`} value={column.field ?? ''} />
                  ))}
                  <p>{t('directory.import.result.importNowHint')}</p>
                  <button type="submit" name="intent" value="import" className="button button--primary" disabled={submitting}>
                    {t('directory.import.result.importNow')}
                  </button>
                </Form>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
