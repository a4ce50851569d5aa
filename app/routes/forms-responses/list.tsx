/**
 * /{locale}/forms/manage/{code}/responses: a form's responses for its managers, newest first, a
 * page at a time (plain links), filtered by version and status with a GET form (works without
 * JavaScript); each response links to its reading with its own version; the XLSX of every
 * response (or the submitted ones) in the page's language.
 */
import { FormattedDate } from 'react-intl';
import { Link } from 'react-router';
import { listResponses, listVersions, RESPONSE_STATUSES } from '#app/modules/forms/index.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { Route } from './+types/list';
import { asErrorResponse, managerPage } from './responses.server.ts';
import './forms-responses.css';

export const meta = titled('forms.responses.title', 'forms.responses.lead');
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

type Status = (typeof RESPONSE_STATUSES)[number];

export async function loader(args: Route.LoaderArgs) {
  const { actor } = managerPage(args);
  const code = args.params.code;
  const search = new URL(args.request.url).searchParams;
  // Unknown filter values are ignored rather than refused: the page shows every response instead.
  const versionText = search.get('version') ?? '';
  const version = /^[1-9]\d{0,5}$/.test(versionText) ? Number(versionText) : undefined;
  const statusText = search.get('status') ?? '';
  const status = (RESPONSE_STATUSES as readonly string[]).includes(statusText) ? (statusText as Status) : undefined;
  const cursorText = search.get('cursor') ?? '';
  const cursor = /^[A-Za-z0-9_-]{1,200}$/.test(cursorText) ? cursorText : undefined;

  const { form, versions } = await listVersions(actor, code).catch(asErrorResponse);
  const page = await listResponses(actor, code, { version, status, cursor }).catch(asErrorResponse);
  return {
    form: { code: form.code, title: form.title },
    versions: versions.filter((v) => v.publishedAt !== null).map((v) => v.version),
    statuses: RESPONSE_STATUSES,
    filters: { version: version ?? null, status: status ?? null },
    first: cursor === undefined,
    items: page.items,
    nextCursor: page.nextCursor,
  };
}

export default function FormResponsesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  // The statuses come with the data: the module's index is server code, kept out of the browser bundle.
  const { form, versions, statuses, filters, items, nextCursor, first } = loaderData;
  const base = `/${locale}/forms/manage/${form.code}/responses`;
  const title = textIn(form.title, locale, null, form.code);
  const query = (extra: Record<string, string | null>) => {
    const params = new URLSearchParams();
    if (filters.version !== null) params.set('version', String(filters.version));
    if (filters.status !== null) params.set('status', filters.status);
    for (const [key, value] of Object.entries(extra)) if (value !== null) params.set(key, value);
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  return (
    <div className="responses-page">
      <p className="responses-page__up">
        <Link to={`/${locale}/forms/manage/${form.code}`}>
          <bdi dir="auto">{title}</bdi>
        </Link>
      </p>
      <h1>{t('forms.responses.heading', { title: <bdi key="title">{title}</bdi> })}</h1>
      <p className="lead">{t('forms.responses.lead')}</p>

      <section aria-labelledby="responses-download" className="responses-download">
        <h2 id="responses-download">{t('forms.responses.download')}</h2>
        <p className="field__hint">{t('forms.responses.download.help')}</p>
        <ul>
          <li>
            <a href={`${base}.xlsx`} download>
              {t('forms.responses.download.all')}
            </a>
          </li>
          <li>
            <a href={`${base}.xlsx?status=submitted`} download>
              {t('forms.responses.download.submitted')}
            </a>
          </li>
        </ul>
      </section>

      <form method="get" action={base} className="responses-filters" aria-labelledby="responses-filters-title">
        <h2 id="responses-filters-title" className="visually-hidden">
          {t('forms.responses.filters')}
        </h2>
        <div className="field">
          <label htmlFor="responses-version">{t('forms.responses.filter.version')}</label>
          <select id="responses-version" name="version" defaultValue={filters.version === null ? '' : String(filters.version)}>
            <option value="">{t('forms.responses.filter.any')}</option>
            {versions.map((version) => (
              <option key={version} value={String(version)}>
                {t('forms.responses.filter.versionOption', { version })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="responses-status">{t('forms.responses.filter.status')}</label>
          <select id="responses-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('forms.responses.filter.any')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`forms.responses.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit" className="button">
            {t('forms.responses.filter.apply')}
          </button>
        </p>
      </form>

      {items.length === 0 ? (
        <p>{t('forms.responses.empty')}</p>
      ) : (
        <ScrollTable id="responses" caption={t('forms.responses.table.caption')} tableClassName="responses-table">
          <thead>
            <tr>
              <th scope="col">{t('forms.responses.table.respondent')}</th>
              <th scope="col">{t('forms.responses.table.version')}</th>
              <th scope="col">{t('forms.responses.table.status')}</th>
              <th scope="col">{t('forms.responses.table.started')}</th>
              <th scope="col">{t('forms.responses.table.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const name = item.respondent?.name ?? t('forms.responses.unknownPerson');
              return (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`${base}/${item.id}`}>
                      <bdi dir="auto">{name}</bdi>
                    </Link>
                    {item.enteredBy && (
                      <span className="responses-table__note">
                        {t('forms.responses.enteredBy', {
                          name: <bdi key="by">{item.enteredBy.name ?? t('forms.responses.unknownPerson')}</bdi>,
                        })}
                      </span>
                    )}
                  </th>
                  <td>{item.version}</td>
                  <td>{t(`forms.responses.status.${item.status}`)}</td>
                  <td>
                    <FormattedDate value={item.createdAt} dateStyle="medium" />
                  </td>
                  <td>{item.submittedAt ? <FormattedDate value={item.submittedAt} dateStyle="medium" /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}

      <nav className="responses-pages" aria-label={t('forms.responses.table.caption')}>
        {!first && <Link to={`${base}${query({})}`}>{t('forms.responses.first')}</Link>}
        {nextCursor && (
          <Link to={`${base}${query({ cursor: nextCursor })}`} rel="next">
            {t('forms.responses.next')}
          </Link>
        )}
      </nav>
    </div>
  );
}
