/**
 * /{locale}/events/{slug}: an event's page: what and for whom, when (the venue's clock, its zone
 * named) and where, seats left, the agenda by day with rooms, languages, interpretation and
 * speakers, "Register" (the registration pages) and "Add to calendar" (ICS). Its managers get the
 * staff tab bar and the publish and cancel buttons (cancelling mails every registrant).
 */
import { Form, Link } from 'react-router';
import { listCountries } from '#app/modules/directory/index.ts';
import { EventPlace, EventWhen, formatDayHeading, formatLocalHours } from '#app/modules/events/components/event-display.tsx';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import { canCheckIn, cancelEvent, getEvent, groupSessionsByDay, loadReadableEvent, publishEvent } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/event';
import { asErrorResponse } from './event-page.server.ts';
import '#app/styles/events.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const locale = localeOf(params);
  if (!loaderData) return namedPageMeta(matches, pageMessage(matches, 'errors.EVENTS_NOT_FOUND'));
  const { event } = loaderData;
  return namedPageMeta(
    matches,
    textIn(event.title, locale, event.sourceLocale, event.slug),
    textIn(event.description, locale, event.sourceLocale),
  );
};

export async function loader({ params, context }: Route.LoaderArgs) {
  const actor = context.get(requestContext).actor;
  const event = await getEvent(actor, params.slug).catch(asErrorResponse);
  const row = await loadReadableEvent(actor, params.slug);
  const countries = await listCountries();
  const countryNames = Object.fromEntries(countries.map((c) => [c.iso2, c.name as Record<string, string>]));
  const days = groupSessionsByDay(event.sessions, event.timeZone).map((g) => ({
    key: g.key,
    sessions: g.items,
    first: g.items[0]!.startsAt,
  }));
  return { event, days, countryNames, access: { manage: event.canManage, checkIn: canCheckIn(actor, row) } };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = form.get('intent');
  const base = `/${locale}/events/${params.slug}`;
  if (intent === 'publish') {
    await publishEvent(actor, params.slug).catch(asErrorResponse);
    return redirectWithFlash(base, { key: 'events.page.published', kind: 'success' });
  }
  if (intent === 'cancel') {
    const reason = form.get('reason');
    await cancelEvent(actor, params.slug, { reason: typeof reason === 'string' && reason.trim() ? reason.trim() : undefined }).catch(
      asErrorResponse,
    );
    return redirectWithFlash(base, { key: 'events.page.cancelled', kind: 'success' });
  }
  throw new Response(null, { status: 400 });
}

export default function EventPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { event, days, countryNames, access } = loaderData;
  const base = `/${locale}/events/${event.slug}`;
  const title = textIn(event.title, locale, event.sourceLocale, event.slug);
  const description = textIn(event.description, locale, event.sourceLocale);
  const countryName = event.countryIso2 ? textIn(countryNames[event.countryIso2], locale, null, event.countryIso2) : null;
  const seatsLeft = event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken);
  const open = event.status === 'published' && new Date(event.endsAt).getTime() > Date.now();

  return (
    <article className="event-page" aria-labelledby="event-title">
      <EventTabs slug={event.slug} current="overview" access={access} />
      <p className="event-page__meta">
        <Link to={`/${locale}/events`}>{t('events.calendar.title')}</Link> · {t(`events.type.${event.type}`)}
        {event.status !== 'published' && (
          <>
            {' '}
            <span className={`event-status event-status--${event.status}`}>{t(`events.status.${event.status}`)}</span>
          </>
        )}
      </p>
      <h1 id="event-title" dir="auto">
        {title}
      </h1>
      <dl className="event-facts">
        <div>
          <dt>{t('events.page.when')}</dt>
          <dd>
            <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} style="full" />
          </dd>
        </div>
        <div>
          <dt>{t('events.page.where')}</dt>
          <dd>
            <EventPlace
              format={event.format}
              city={event.city}
              venueName={event.venueName}
              countryName={countryName}
              sourceLocale={event.sourceLocale}
            />
            {event.venueAddress && (
              <>
                <br />
                <bdi dir="auto">{event.venueAddress}</bdi>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('events.page.host')}</dt>
          <dd>
            {event.hostCluster ? (
              <Link to={`/${locale}/clusters/${event.hostCluster.slug}`}>
                <bdi dir="auto">{textIn(event.hostCluster.name, locale, null, event.hostCluster.slug)}</bdi>
              </Link>
            ) : (
              t('events.page.hostProgramme')
            )}
          </dd>
        </div>
        {event.clusters.length > 0 && (
          <div>
            <dt>{t('events.page.clusters')}</dt>
            <dd>
              <ul className="event-clusters">
                {event.clusters.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/${locale}/clusters/${c.slug}`}>
                      <bdi dir="auto">{textIn(c.name, locale, null, c.slug)}</bdi>
                    </Link>{' '}
                    ({textIn(countryNames[c.countryIso2], locale, null, c.countryIso2)})
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('events.page.seats')}</dt>
          <dd>
            {seatsLeft === null
              ? t('events.page.seatsUnlimited')
              : t('events.page.seatsLeft', { left: seatsLeft, capacity: event.capacity ?? 0 })}
          </dd>
        </div>
      </dl>
      <p className="event-actions">
        {open && (
          <Link to={`${base}/register`} className="button button--primary">
            {t('events.page.register')}
          </Link>
        )}{' '}
        <a href={`${base}/calendar.ics`} className="button" download>
          {t('events.page.addToCalendar')}
        </a>
      </p>
      {description && (
        <section aria-labelledby="event-about">
          <h2 id="event-about">{t('events.page.about')}</h2>
          <div className="event-description" dir="auto">
            {description.split(/\n{2,}/).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="event-agenda">
        <h2 id="event-agenda">{t('events.page.agenda')}</h2>
        {days.length === 0 ? (
          <p>{t('events.page.agendaEmpty')}</p>
        ) : (
          days.map((day) => (
            <section key={day.key} className="event-day" aria-labelledby={`day-${day.key}`}>
              <h3 id={`day-${day.key}`}>{formatDayHeading(locale, day.key)}</h3>
              <ol className="event-sessions">
                {day.sessions.map((s) => (
                  <li key={s.id} className="event-session">
                    <p className="event-session__time">{formatLocalHours(locale, s.startsAt, s.endsAt, event.timeZone)}</p>
                    <div>
                      <p className="event-session__title" dir="auto">
                        {textIn(s.title, locale, event.sourceLocale)}
                      </p>
                      {s.room && (
                        <p className="event-session__meta">
                          {t('events.session.room')}: <bdi dir="auto">{s.room}</bdi>
                        </p>
                      )}
                      {s.languages.length > 0 && (
                        <p className="event-session__meta">
                          {t('events.session.languages')}: {s.languages.map((l) => t(`shell.language.${l}`)).join(', ')}
                        </p>
                      )}
                      {s.interpretation.length > 0 && (
                        <p className="event-session__meta">
                          {t('events.session.interpretation')}: {s.interpretation.map((l) => t(`shell.language.${l}`)).join(', ')}
                        </p>
                      )}
                      {s.speakers.length > 0 && (
                        <ul className="event-speakers">
                          {s.speakers.map((p) => (
                            <li key={p.id}>
                              <bdi dir="auto">{p.name}</bdi>
                              {p.affiliation && (
                                <>
                                  {' '}
                                  (<bdi dir="auto">{textIn(p.affiliation, locale, event.sourceLocale)}</bdi>)
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          ))
        )}
      </section>
      {access.manage && event.status !== 'cancelled' && (
        <section aria-labelledby="event-manage" className="event-manage">
          <h2 id="event-manage">{t('events.page.manage')}</h2>
          {event.status === 'draft' && (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <p className="field__hint">{t('events.page.publishHint')}</p>
              <button type="submit" className="button button--primary">
                {t('events.page.publish')}
              </button>
            </Form>
          )}
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="cancel" />
            <div className="field">
              <label htmlFor="cancel-reason">{t('events.page.cancelReason')}</label>
              <p id="cancel-reason-hint" className="field__hint">
                {t('events.page.cancelHint')}
              </p>
              <textarea id="cancel-reason" name="reason" rows={2} dir="auto" aria-describedby="cancel-reason-hint" />
            </div>
            <button type="submit" className="button button--danger">
              {t('events.page.cancel')}
            </button>
          </Form>
        </section>
      )}
    </article>
  );
}
