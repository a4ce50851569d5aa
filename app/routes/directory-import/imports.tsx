/**
 * /{locale}/admin/directory/import: upload a CSV or XLSX file of organisations or clusters (it
 * becomes a draft whose column mapping is confirmed on the next page) and the list of past
 * imports. Programme staff only; works without JavaScript.
 */
import { FormattedNumber } from 'react-intl';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { createImportDraft, IMPORT_KINDS, listImportRuns, MAX_IMPORT_FILE_BYTES } from '#app/modules/directory/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { asErrorResponse, requireAdminPage, searchParamsOf } from '../admin/admin.server.ts';
import { AdminTable, DateTime, Pagination } from '../admin/admin-ui.tsx';
import type { Route } from './+types/imports';
import { RunStatus } from './import-ui.tsx';
import '#app/styles/directory-import.css';

export const meta = titled('directory.import.title', 'directory.import.lead');

/** Staff pages show who did what: never cached. */
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'admin.access');
  const page = Number.parseInt(searchParamsOf(args.request).page ?? '1', 10);
  const runs = await listImportRuns(actor, { page: Number.isFinite(page) ? page : 1 }).catch(asErrorResponse);
  return { ...runs, kinds: IMPORT_KINDS, maxMegabytes: MAX_IMPORT_FILE_BYTES / 1024 / 1024 };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = await requireAdminPage(args, 'admin.access');
  // Refused before the body is read: the upload limit holds however large the request.
  const length = Number(args.request.headers.get('Content-Length') ?? '0');
  if (length > MAX_IMPORT_FILE_BYTES + 64 * 1024) return data({ error: 'DIRECTORY_IMPORT_FILE_TOO_LARGE' }, { status: 413 });
  const form = await args.request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return data({ error: 'DIRECTORY_IMPORT_FILE_EMPTY' }, { status: 400 });
  try {
    const { runId } = await createImportDraft(
      actor,
      { kind: String(form.get('kind') ?? ''), locale: String(form.get('locale') ?? locale) },
      { name: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
    );
    return redirect(`/${locale}/admin/directory/import/${runId}`);
  } catch (error) {
    if (isAppError(error) && error.status < 500 && error.status !== 401 && error.status !== 403) {
      return data({ error: error.code }, { status: error.status });
    }
    return asErrorResponse(error);
  }
}

export default function Imports({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { runs, page, hasNext, kinds, maxMegabytes } = loaderData;
  const error = actionData?.error;
  return (
    <div className="import-page">
      <p>
        <Link to={`/${locale}/admin`}>{t('directory.import.backToAdmin')}</Link>
      </p>
      <h1>{t('directory.import.title')}</h1>
      <p className="lead">{t('directory.import.lead')}</p>

      <section aria-labelledby="import-upload" className="card">
        <h2 id="import-upload">{t('directory.import.upload.title')}</h2>
        <Form method="post" encType="multipart/form-data" className="form" aria-describedby={error ? 'import-upload-error' : undefined}>
          {error && (
            <p id="import-upload-error" className="form-error" role="alert">
              {t(`errors.${error}`)}
            </p>
          )}
          <div className="field">
            <label htmlFor="import-kind">{t('directory.import.upload.kind')}</label>
            <select id="import-kind" name="kind" defaultValue="organisations">
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`directory.import.kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-locale">{t('directory.import.upload.locale')}</label>
            <select id="import-locale" name="locale" defaultValue={locale} aria-describedby="import-locale-hint">
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`admin.language.${l}`)}
                </option>
              ))}
            </select>
            <p id="import-locale-hint" className="field__hint">
              {t('directory.import.upload.localeHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('directory.import.upload.file')}</label>
            <input
              id="import-file"
              name="file"
              type="file"
              required
              accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-hint"
              aria-invalid={error ? true : undefined}
            />
            <p id="import-file-hint" className="field__hint">
              {t('directory.import.upload.fileHint', { megabytes: maxMegabytes })}
            </p>
          </div>
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {t('directory.import.upload.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="import-runs">
        <h2 id="import-runs">{t('directory.import.runs.title')}</h2>
        {runs.length === 0 ? (
          <p>{t('directory.import.runs.empty')}</p>
        ) : (
          <AdminTable id="import-runs-table" caption={t('directory.import.runs.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('directory.import.runs.file')}</th>
                <th scope="col">{t('directory.import.runs.kind')}</th>
                <th scope="col">{t('directory.import.runs.status')}</th>
                <th scope="col">{t('directory.import.summary.created')}</th>
                <th scope="col">{t('directory.import.summary.duplicates')}</th>
                <th scope="col">{t('directory.import.summary.rejected')}</th>
                <th scope="col">{t('directory.import.runs.date')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td>
                    <Link to={`/${locale}/admin/directory/import/${run.id}`}>
                      <bdi>{run.fileName}</bdi>
                    </Link>
                  </td>
                  <td>{t(`directory.import.kind.${run.kind}`)}</td>
                  <td>
                    <RunStatus status={run.status} dryRun={run.dryRun} />
                  </td>
                  <td>
                    <FormattedNumber value={run.created} />
                  </td>
                  <td>
                    <FormattedNumber value={run.duplicates} />
                  </td>
                  <td>
                    <FormattedNumber value={run.rejected} />
                  </td>
                  <td>
                    <DateTime value={run.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
        )}
        <Pagination page={page} hasNext={hasNext} />
      </section>
    </div>
  );
}
