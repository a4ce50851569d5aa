/**
 * /{locale}/events/{slug}/statistics: the event's funnel and its breakdowns for its managers, with
 * the downloads (the statistics as XLSX, the participant list to share and the logistics list).
 */
import { isRouteErrorResponse, Link } from 'react-router';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import { countryNames, getEventStatistics, groupLabel, STATISTICS_DIMENSIONS, STATISTICS_MEASURES } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/statistics';
import { asErrorResponse, localeOf } from './downloads.server.ts';
import { BreakdownTables, FunnelTable, useFormatShare } from './tables.tsx';
import '#app/styles/events-statistics.css';

export const meta = titled('events.statistics.title');
export const headers = () => ({ 'Cache-Control': 'private, no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const view = await getEventStatistics(actor, params.slug).catch(asErrorResponse);
  const countries = await countryNames(locale);
  const measures = STATISTICS_MEASURES.filter((m) => m !== 'invited' || view.statistics.totals.invited !== null);
  return {
    slug: view.event.slug,
    title: textIn(view.event.title, locale, view.event.sourceLocale, view.event.slug),
    ended: view.event.ended,
    computedAt: view.computedAt,
    totals: view.statistics.totals,
    measures,
    breakdowns: STATISTICS_DIMENSIONS.map((dimension) => ({
      dimension,
      rows: view.statistics.breakdowns[dimension].map((row) => ({ ...row, label: groupLabel(locale, dimension, row.key, countries) })),
    })),
  };
}

export default function EventStatisticsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const share = useFormatShare();
  const base = `/${locale}/events/${d.slug}`;
  const women = d.breakdowns.find((b) => b.dimension === 'gender')?.rows.find((r) => r.key === 'woman')?.counts.attended ?? 0;
  const computed = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d.computedAt));
  return (
    <div className="statistics-page">
      <EventTabs slug={d.slug} current="statistics" access={{ manage: true, checkIn: true }} />
      <h1>{t('events.statistics.page.title', { event: d.title })}</h1>
      <p>{t('events.statistics.page.lead')}</p>
      <p className="statistics-note">
        {t('events.statistics.page.computedAt', { time: computed })}{' '}
        {t(d.ended ? 'events.statistics.noShow.counted' : 'events.statistics.noShow.notYet')}
        {d.totals.invited === null ? ` ${t('events.statistics.page.invitedNotCounted')}` : ''}
      </p>
      <p>
        {(d.totals.attended ?? 0) > 0
          ? t('events.statistics.page.womenAttended', { share: share(women, d.totals.attended) })
          : t('events.statistics.page.nobodyAttended')}
      </p>
      <FunnelTable id="statistics-funnel" totals={d.totals} measures={d.measures} caption={t('events.statistics.page.funnelCaption')} />
      <h2>{t('events.statistics.page.breakdownHeading')}</h2>
      <BreakdownTables breakdowns={d.breakdowns} measures={d.measures} totals={d.totals} />
      <section aria-labelledby="statistics-downloads">
        <h2 id="statistics-downloads">{t('events.statistics.page.downloads')}</h2>
        <ul className="statistics-downloads">
          <li>
            <a href={`${base}/statistics.xlsx`} download>
              {t('events.statistics.page.download.statistics')}
            </a>
          </li>
          {(['sharing', 'logistics'] as const).map((list) =>
            (['xlsx', 'csv'] as const).map((format) => (
              <li key={`${list}-${format}`}>
                <a href={`${base}/participants.${format}?list=${list}`} download>
                  {t(`events.statistics.page.download.${list}`, { format: format.toUpperCase() })}
                </a>
              </li>
            )),
          )}
        </ul>
      </section>
      <p>
        <Link to={`/${locale}/events/statistics`}>{t('events.statistics.page.programmeLink')}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
