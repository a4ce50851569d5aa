/**
 * /{locale}/events/{slug}/agenda: the agenda editor, for those who manage the event. Sessions by
 * day at the venue; each can be changed or removed; a new one is added with its day and hours at
 * the venue's clock, room, languages, interpretation and speakers (one per line). A session
 * outside the event's days is refused with the reason beside the day.
 */
import { data, Form } from 'react-router';
import { formatDayHeading, formatLocalHours } from '#app/modules/events/components/event-display.tsx';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import {
  addSession,
  canCheckIn,
  getEvent,
  groupSessionsByDay,
  loadReadableEvent,
  removeSession,
  toLocalInput,
  updateSession,
} from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/agenda';
import { readSessionForm } from './event-form.ts';
import { asErrorResponse, formFailure, typedFailure } from './event-page.server.ts';
import '#app/styles/events.css';

export const meta: Route.MetaFunction = ({ matches }) => namedPageMeta(matches, pageMessage(matches, 'events.agenda.title'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const event = await getEvent(actor, params.slug).catch(asErrorResponse);
  if (!event.canManage) throw new Response(null, { status: 403 });
  const row = await loadReadableEvent(actor, params.slug);
  const local = (iso: string) => toLocalInput(new Date(iso), event.timeZone);
  const days = groupSessionsByDay(event.sessions, event.timeZone).map((g) => ({
    key: g.key,
    sessions: g.items.map((s) => ({
      ...s,
      day: local(s.startsAt).slice(0, 10),
      from: local(s.startsAt).slice(11),
      to: local(s.endsAt).slice(11),
    })),
  }));
  return {
    event: { slug: event.slug, title: event.title, sourceLocale: event.sourceLocale, timeZone: event.timeZone, status: event.status },
    firstDay: local(event.startsAt).slice(0, 10),
    lastDay: local(new Date(new Date(event.endsAt).getTime() - 1).toISOString()).slice(0, 10),
    days,
    access: { manage: true, checkIn: canCheckIn(actor, row) },
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const event = await getEvent(actor, params.slug).catch(asErrorResponse);
  const form = await request.formData();
  const intent = form.get('intent');
  const sessionId = String(form.get('session') ?? '');
  const back = `/${locale}/events/${params.slug}/agenda`;
  try {
    if (intent === 'remove') {
      await removeSession(actor, params.slug, sessionId);
      return redirectWithFlash(back, { key: 'events.agenda.removed', kind: 'success' });
    }
    const { input, fieldErrors } = readSessionForm(form, event.timeZone, event.sourceLocale);
    if (Object.keys(fieldErrors).length > 0) {
      const { status, ...failure } = typedFailure(fieldErrors);
      return data({ session: sessionId, ...failure }, { status });
    }
    if (intent === 'update') await updateSession(actor, params.slug, sessionId, input as never);
    else await addSession(actor, params.slug, input as never);
    return redirectWithFlash(back, { key: intent === 'update' ? 'events.agenda.saved' : 'events.agenda.added', kind: 'success' });
  } catch (error) {
    const { status, ...failure } = formFailure(error);
    return data({ session: sessionId, ...failure }, { status });
  }
}

interface SessionValue {
  id?: string;
  title?: Partial<Record<string, string>>;
  day?: string;
  from?: string;
  to?: string;
  room?: string | null;
  languages?: string[];
  interpretation?: string[];
  speakers?: { name: string; affiliation: Partial<Record<string, string>> | null }[];
}

function SessionFields({
  value,
  prefix,
  errors,
  min,
  max,
  sourceLocale,
}: {
  value: SessionValue;
  prefix: string;
  errors: Record<string, string>;
  min: string;
  max: string;
  sourceLocale: string;
}) {
  const t = useT();
  const error = (field: string) =>
    errors[field] ? (
      <p id={`${prefix}-${field}-error`} className="field__error">
        {t(errors[field]!)}
      </p>
    ) : null;
  const speakers = (value.speakers ?? [])
    .map((p) => [p.name, p.affiliation ? textIn(p.affiliation, sourceLocale as 'en') : ''].filter(Boolean).join(' | '))
    .join('\n');
  return (
    <>
      <fieldset className="field" aria-describedby={errors.title ? `${prefix}-title-error` : undefined}>
        <legend>{t('events.agenda.sessionTitle')}</legend>
        <div className="event-form__languages">
          {LOCALES.map((lang) => (
            <div key={lang} className="field">
              <label htmlFor={`${prefix}-title-${lang}`}>{t(`shell.language.${lang}`)}</label>
              <input
                id={`${prefix}-title-${lang}`}
                name={`title.${lang}`}
                lang={lang}
                dir="auto"
                defaultValue={value.title?.[lang] ?? ''}
              />
            </div>
          ))}
        </div>
        {error('title')}
      </fieldset>
      <div className="event-form__row">
        <div className="field">
          <label htmlFor={`${prefix}-day`}>{t('events.agenda.day')}</label>
          <input
            id={`${prefix}-day`}
            name="day"
            type="date"
            min={min}
            max={max}
            required
            defaultValue={value.day ?? min}
            aria-describedby={errors.startsAt ? `${prefix}-startsAt-error` : undefined}
          />
          {error('startsAt')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-from`}>{t('events.agenda.from')}</label>
          <input id={`${prefix}-from`} name="from" type="time" required defaultValue={value.from ?? '09:00'} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-to`}>{t('events.agenda.to')}</label>
          <input
            id={`${prefix}-to`}
            name="to"
            type="time"
            required
            defaultValue={value.to ?? '10:00'}
            aria-describedby={errors.endsAt ? `${prefix}-endsAt-error` : undefined}
          />
          {error('endsAt')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-room`}>{t('events.session.room')}</label>
          <input id={`${prefix}-room`} name="room" dir="auto" defaultValue={value.room ?? ''} />
        </div>
      </div>
      {(['languages', 'interpretation'] as const).map((name) => (
        <fieldset key={name} className="field">
          <legend>{t(`events.session.${name}`)}</legend>
          {LOCALES.map((lang) => (
            <label key={lang} className="choice">
              <input type="checkbox" name={name} value={lang} defaultChecked={value[name]?.includes(lang)} /> {t(`shell.language.${lang}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`${prefix}-speakers`}>{t('events.agenda.speakers')}</label>
        <p id={`${prefix}-speakers-hint`} className="field__hint">
          {t('events.agenda.speakersHint')}
        </p>
        <textarea
          id={`${prefix}-speakers`}
          name="speakers"
          rows={3}
          dir="auto"
          defaultValue={speakers}
          aria-describedby={`${prefix}-speakers-hint`}
        />
      </div>
    </>
  );
}

export default function AgendaPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { event, days, firstDay, lastDay, access } = loaderData;
  const editable = event.status !== 'cancelled';
  const errorsFor = (id: string) => (actionData && actionData.session === id ? actionData.fieldErrors : {});
  return (
    <div className="event-agenda">
      <EventTabs slug={event.slug} current="agenda" access={access} />
      <h1>
        {t('events.agenda.title')}: <bdi dir="auto">{textIn(event.title, locale, event.sourceLocale, event.slug)}</bdi>
      </h1>
      <p className="lead">{t('events.agenda.lead', { zone: t(`events.zone.${event.timeZone}`) })}</p>
      {actionData && (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      )}
      {days.length === 0 && <p>{t('events.page.agendaEmpty')}</p>}
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`agenda-${day.key}`}>
          <h2 id={`agenda-${day.key}`}>{formatDayHeading(locale, day.key)}</h2>
          <ol className="event-sessions">
            {day.sessions.map((s) => (
              <li key={s.id} className="event-session">
                <p className="event-session__time">{formatLocalHours(locale, s.startsAt, s.endsAt, event.timeZone)}</p>
                <div>
                  <p className="event-session__title" dir="auto">
                    {textIn(s.title, locale, event.sourceLocale)}
                  </p>
                  {editable && (
                    <>
                      <details>
                        <summary>{t('events.agenda.edit')}</summary>
                        <Form method="post" className="form">
                          <input type="hidden" name="intent" value="update" />
                          <input type="hidden" name="session" value={s.id} />
                          <SessionFields
                            value={s}
                            prefix={`s-${s.id}`}
                            errors={errorsFor(s.id)}
                            min={firstDay}
                            max={lastDay}
                            sourceLocale={event.sourceLocale}
                          />
                          <button type="submit" className="button">
                            {t('events.agenda.save')}
                          </button>
                        </Form>
                      </details>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="session" value={s.id} />
                        <button type="submit" className="button button--danger">
                          {t('events.agenda.remove')}
                        </button>
                      </Form>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {editable && (
        <section aria-labelledby="agenda-add">
          <h2 id="agenda-add">{t('events.agenda.add')}</h2>
          <Form method="post" className="form" key={actionData?.session === '' ? 'failed' : 'fresh'}>
            <input type="hidden" name="intent" value="add" />
            <SessionFields value={{}} prefix="new" errors={errorsFor('')} min={firstDay} max={lastDay} sourceLocale={event.sourceLocale} />
            <button type="submit" className="button button--primary">
              {t('events.agenda.addSubmit')}
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}
