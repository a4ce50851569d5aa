/**
 * /{locale}/events/statistics: attendance and participation across the events the reader manages,
 * filtered by type, country and year (a GET form, in the URL), for the results framework: one row
 * per event, then the breakdowns of them all.
 */
import { Form, isRouteErrorResponse, Link } from 'react-router';
import {
  countryNames,
  EVENT_TYPES,
  getProgrammeStatistics,
  groupLabel,
  PROGRAMME_EVENTS_LIMIT,
  STATISTICS_DIMENSIONS,
  STATISTICS_MEASURES,
} from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { Route } from './+types/programme';
import { asErrorResponse, localeOf } from './downloads.server.ts';
import { BreakdownTables, FunnelTable, useFormatShare } from './tables.tsx';
import '#app/styles/events-statistics.css';

export const meta = titled('events.statistics.programme.title');
export const headers = () => ({ 'Cache-Control': 'private, no-store' });

const FIRST_YEAR = 2024;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const search = new URL(request.url).searchParams;
  const query = {
    type: (search.get('type') || undefined) as never,
    country: search.get('country') || undefined,
    year: search.get('year') || undefined,
  };
  const view = await getProgrammeStatistics(actor, query).catch(asErrorResponse);
  const countries = await countryNames(locale);
  const measures = STATISTICS_MEASURES.filter((m) => m !== 'invited' || view.statistics.totals.invited !== null);
  const thisYear = new Date().getUTCFullYear();
  return {
    filter: view.filter,
    types: [...EVENT_TYPES],
    countries: [...countries].map(([iso2, name]) => ({ iso2, name })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    years: Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i),
    truncated: view.truncated,
    limit: PROGRAMME_EVENTS_LIMIT,
    events: view.events.map((e) => ({
      slug: e.slug,
      title: textIn(e.title, locale, e.sourceLocale, e.slug),
      startsAt: e.startsAt,
      registered: e.totals.registered,
      attended: e.totals.attended,
      noShow: e.totals.noShow,
      womenAttendedPercent: e.womenAttendedPercent,
    })),
    totals: view.statistics.totals,
    measures,
    breakdowns: STATISTICS_DIMENSIONS.map((dimension) => ({
      dimension,
      rows: view.statistics.breakdowns[dimension].map((row) => ({ ...row, label: groupLabel(locale, dimension, row.key, countries) })),
    })),
  };
}

export default function ProgrammeStatisticsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const count = useFormatCount();
  const share = useFormatShare();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <div className="statistics-page">
      <h1>{t('events.statistics.programme.title')}</h1>
      <p>{t('events.statistics.programme.lead')}</p>
      <Form method="get" className="statistics-filters" aria-label={t('events.statistics.programme.filters')}>
        <div className="field">
          <label htmlFor="filter-type">{t('events.statistics.programme.filter.type')}</label>
          <select id="filter-type" name="type" defaultValue={d.filter.type ?? ''}>
            <option value="">{t('events.statistics.programme.filter.any')}</option>
            {d.types.map((type) => (
              <option key={type} value={type}>
                {t(`events.statistics.eventType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-country">{t('events.statistics.programme.filter.country')}</label>
          <select id="filter-country" name="country" defaultValue={d.filter.country ?? ''}>
            <option value="">{t('events.statistics.programme.filter.any')}</option>
            {d.countries.map((c) => (
              <option key={c.iso2} value={c.iso2}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-year">{t('events.statistics.programme.filter.year')}</label>
          <select id="filter-year" name="year" defaultValue={d.filter.year === null ? '' : String(d.filter.year)}>
            <option value="">{t('events.statistics.programme.filter.any')}</option>
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('events.statistics.programme.filter.submit')}
        </button>
      </Form>
      {d.truncated ? <p role="status">{t('events.statistics.programme.truncated', { limit: d.limit })}</p> : null}
      <ScrollTable id="statistics-events" caption={t('events.statistics.programme.eventsCaption', { count: d.events.length })}>
        <thead>
          <tr>
            <th scope="col">{t('events.statistics.programme.event')}</th>
            <th scope="col">{t('events.statistics.programme.date')}</th>
            <th scope="col">{t('events.statistics.measure.registered')}</th>
            <th scope="col">{t('events.statistics.measure.attended')}</th>
            <th scope="col">{t('events.statistics.measure.noShow')}</th>
            <th scope="col">{t('events.statistics.programme.womenAttended')}</th>
          </tr>
        </thead>
        <tbody>
          {d.events.map((e) => (
            <tr key={e.slug}>
              <th scope="row">
                <Link to={`/${locale}/events/${e.slug}/statistics`} dir="auto">
                  {e.title}
                </Link>
              </th>
              <td>{date.format(new Date(e.startsAt))}</td>
              <td className="statistics-number">{count(e.registered ?? 0)}</td>
              <td className="statistics-number">{count(e.attended ?? 0)}</td>
              <td className="statistics-number">{count(e.noShow ?? 0)}</td>
              <td className="statistics-number">{e.womenAttendedPercent === null ? '—' : share(e.womenAttendedPercent, 100)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2>{t('events.statistics.programme.totalsCaption')}</h2>
      <FunnelTable id="statistics-funnel" totals={d.totals} measures={d.measures} caption={t('events.statistics.page.funnelCaption')} />
      <BreakdownTables breakdowns={d.breakdowns} measures={d.measures} totals={d.totals} />
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
