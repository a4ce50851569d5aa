/**
 * /{locale}/events: the public calendar. Upcoming events first (soonest first), or past ones
 * (latest first), filtered by type, country and cluster with a plain GET form: every view is a
 * shareable URL and the page works without JavaScript. Events sit under their month; each says
 * its date and time at the venue with the zone named, its type, its place or "online" and its
 * host. Managers also see their drafts; the calendar feed can be subscribed to.
 */
import { Form, Link } from 'react-router';
import { listCountries } from '#app/modules/directory/index.ts';
import { EventPlace, EventWhen } from '#app/modules/events/components/event-display.tsx';
import {
  EVENT_LIST_WHEN,
  EVENT_TYPES,
  eventFormChoices,
  groupEventsByMonth,
  hasPersonalFeed,
  listEvents,
  listManagedDrafts,
  personalFeedPath,
  renewPersonalFeed,
} from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { titled } from '#app/shared/ui/meta.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/list';
import '#app/styles/events.css';

export const meta = titled('events.calendar.title', 'events.calendar.lead');

function readFilters(params: URLSearchParams) {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = params.get(name);
    return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const country = params.get('country');
  const cluster = params.get('cluster');
  const page = Number(params.get('page'));
  return {
    when: pick('when', EVENT_LIST_WHEN) ?? 'upcoming',
    type: pick('type', EVENT_TYPES),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    cluster: cluster && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(cluster) && cluster.length <= 80 ? cluster : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  const filters = readFilters(new URL(request.url).searchParams);
  const [list, drafts, countries, choices, hasFeed] = await Promise.all([
    listEvents(actor, filters),
    listManagedDrafts(actor),
    listCountries(),
    actor.kind === 'user' ? eventFormChoices(actor) : Promise.resolve(null),
    hasPersonalFeed(actor),
  ]);
  const months = groupEventsByMonth(list.items).map((g) => ({
    key: g.key,
    first: g.items[0]!.startsAt,
    timeZone: g.items[0]!.timeZone,
    events: g.items,
  }));
  const query = (overrides: Record<string, string | number | undefined>) => {
    const merged = { ...filters, ...overrides };
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(merged))
      if (v !== undefined && !(k === 'page' && v === 1) && !(k === 'when' && v === 'upcoming')) search.set(k, String(v));
    const text = search.toString();
    return `/${locale}/events${text ? `?${text}` : ''}`;
  };
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return {
    filters,
    months,
    total: list.total,
    drafts,
    types: [...EVENT_TYPES],
    countries: countries.map((c) => ({ iso2: c.iso2, name: c.name as Record<string, string> })),
    canCreate: Boolean(choices?.canCreate),
    signedIn: actor.kind === 'user',
    hasFeed,
    previous: filters.page > 1 ? query({ page: filters.page - 1 }) : null,
    next: filters.page < pages ? query({ page: filters.page + 1 }) : null,
    upcomingHref: query({ when: 'upcoming', page: 1 }),
    pastHref: query({ when: 'past', page: 1 }),
  };
}

/** Makes (or renews) the person's secret feed address and shows it once. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { token } = await renewPersonalFeed(actor);
  return { feedUrl: `${getConfig().publicUrl}${personalFeedPath(locale, token)}` };
}

type Summary = Route.ComponentProps['loaderData']['drafts'][number];

function EventItem({ event, countryName }: { event: Summary; countryName: (iso2: string | null) => string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="event-card">
      <h3 className="event-card__title">
        <Link to={`/${locale}/events/${event.slug}`} dir="auto">
          {textIn(event.title, locale, event.sourceLocale, event.slug)}
        </Link>
      </h3>
      <p className="event-card__meta">
        <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
      </p>
      <p className="event-card__meta">
        {t(`events.type.${event.type}`)} ·{' '}
        <EventPlace
          format={event.format}
          city={event.city}
          venueName={null}
          countryName={countryName(event.countryIso2)}
          sourceLocale={event.sourceLocale}
        />{' '}
        ·{' '}
        {event.hostCluster ? (
          <bdi dir="auto">{textIn(event.hostCluster.name, locale, null, event.hostCluster.slug)}</bdi>
        ) : (
          t('events.page.hostProgramme')
        )}
        {event.status !== 'published' && (
          <>
            {' '}
            <span className={`event-status event-status--${event.status}`}>{t(`events.status.${event.status}`)}</span>
          </>
        )}
      </p>
    </li>
  );
}

export default function EventsCalendarPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { filters, months, total, drafts, types, countries, canCreate, signedIn, hasFeed, previous, next, upcomingHref, pastHref } =
    loaderData;
  const countryName = (iso2: string | null) => (iso2 ? textIn(countries.find((c) => c.iso2 === iso2)?.name, locale, null, iso2) : null);
  return (
    <div className="events-page">
      <h1>{t('events.calendar.title')}</h1>
      <p className="lead">{t('events.calendar.lead')}</p>
      <p className="event-actions">
        {canCreate && (
          <Link to={`/${locale}/events/new`} className="button">
            {t('events.new.link')}
          </Link>
        )}{' '}
        <a href={`/${locale}/events/feed.ics`}>{t('events.calendar.subscribe')}</a>
      </p>
      <nav aria-label={t('events.calendar.whenLabel')} className="event-when-nav">
        <ul>
          <li>
            <Link to={upcomingHref} aria-current={filters.when === 'upcoming' ? 'page' : undefined}>
              {t('events.calendar.upcoming')}
            </Link>
          </li>
          <li>
            <Link to={pastHref} aria-current={filters.when === 'past' ? 'page' : undefined}>
              {t('events.calendar.past')}
            </Link>
          </li>
        </ul>
      </nav>
      <form method="get" className="event-filters">
        <input type="hidden" name="when" value={filters.when} />
        <div className="field">
          <label htmlFor="filter-type">{t('events.form.type')}</label>
          <select id="filter-type" name="type" defaultValue={filters.type ?? ''}>
            <option value="">{t('events.calendar.any')}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`events.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-country">{t('events.form.country')}</label>
          <select id="filter-country" name="country" defaultValue={filters.country ?? ''}>
            <option value="">{t('events.calendar.any')}</option>
            {countries.map((c) => (
              <option key={c.iso2} value={c.iso2}>
                {countryName(c.iso2)}
              </option>
            ))}
          </select>
        </div>
        {filters.cluster && <input type="hidden" name="cluster" value={filters.cluster} />}
        <button type="submit" className="button">
          {t('events.calendar.filter')}
        </button>
      </form>
      {drafts.length > 0 && (
        <section aria-labelledby="events-drafts">
          <h2 id="events-drafts">{t('events.calendar.drafts')}</h2>
          <ul className="event-list">
            {drafts.map((event) => (
              <EventItem key={event.slug} event={event} countryName={countryName} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="events-list-title">
        <h2 id="events-list-title">{t('events.calendar.count', { count: total })}</h2>
        {months.length === 0 && <p>{t('events.calendar.empty')}</p>}
        {months.map((month) => (
          <section key={month.key} aria-labelledby={`month-${month.key}`}>
            <h3 id={`month-${month.key}`} className="event-month">
              {new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: month.timeZone }).format(new Date(month.first))}
            </h3>
            <ul className="event-list">
              {month.events.map((event) => (
                <EventItem key={event.slug} event={event} countryName={countryName} />
              ))}
            </ul>
          </section>
        ))}
      </section>
      {signedIn && (
        <section aria-labelledby="events-feed" className="event-feed">
          <h2 id="events-feed">{t('events.calendar.personalFeed')}</h2>
          <p>{t('events.calendar.personalFeedLead')}</p>
          {actionData?.feedUrl && (
            <div className="field">
              <label htmlFor="personal-feed-url">{t('events.calendar.personalFeedUrl')}</label>
              <p id="personal-feed-hint" className="field__hint">
                {t('events.calendar.personalFeedKeep')}
              </p>
              <input id="personal-feed-url" readOnly value={actionData.feedUrl} dir="ltr" aria-describedby="personal-feed-hint" />
            </div>
          )}
          <Form method="post">
            <button type="submit" className="button">
              {t(hasFeed || actionData?.feedUrl ? 'events.calendar.personalFeedRenew' : 'events.calendar.personalFeedCreate')}
            </button>
          </Form>
        </section>
      )}
      {(previous || next) && (
        <nav aria-label={t('events.calendar.pages')} className="event-pages">
          {previous && <Link to={previous}>{t('events.calendar.previous')}</Link>}{' '}
          {next && <Link to={next}>{t('events.calendar.next')}</Link>}
        </nav>
      )}
    </div>
  );
}
