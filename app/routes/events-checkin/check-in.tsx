/**
 * /{locale}/events/{slug}/check-in: the door, for staff on a phone (issue 5, item 4). Those who may
 * check people in (`canCheckIn`: the service refuses anyone else, 403) find a person by name, type
 * or scan the code of their QR code, and check them in; the latest check-ins can be undone.
 *
 * Without JavaScript: a GET search form, plain POST forms (each carries a fresh UUID, so posting
 * one twice records one check-in). A `?code=` URL (a phone's camera reading the QR code) shows
 * that person ready to be checked in. With JavaScript (use-check-in-desk.ts): the list is kept on
 * the device and filtered as staff type; check-ins made without a connection wait in a queue shown
 * as "waiting to sync" and are sent when the connection returns; a service worker keeps the page.
 */
import { randomUUID } from 'node:crypto';
import { type FormEvent, useState } from 'react';
import { data, isRouteErrorResponse, useRevalidator } from 'react-router';
import { type AttendeeView, filterAttendees, parseCheckInScan } from '#app/modules/events/checkin/client.ts';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import {
  type Attendee,
  type CheckInOutcome,
  checkIn,
  getCheckInDesk,
  listAttendees,
  listCheckIns,
  undoCheckIn,
} from '#app/modules/events/index.ts';
import { requireAccountPage, TWO_FACTOR_REQUIRED_FLASH } from '#app/modules/identity/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { needsTwoFactorSetup } from '#app/shared/auth/can.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { asErrorResponse } from '../clusters/cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/check-in';
import { QrScanner } from './qr-scanner.tsx';
import { type DeskMessage, useCheckInDesk } from './use-check-in-desk.ts';
import '#app/styles/events-checkin.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'events.checkin.title'), pageMessage(matches, 'events.checkin.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

/** Shown without JavaScript: a search's or a scanned code's matches. */
const SHOWN_MAX = 50;

/** Signed in, and two-factor set up when a staff role asks for it (as the staff gate does); the service decides the rest. */
async function deskActor(actor: Actor, locale: Locale, request: Request) {
  const user = requireAccountPage(actor, locale, request);
  if (needsTwoFactorSetup(user)) {
    throw await redirectWithFlash(`/${locale}/account/two-factor?required=1`, { key: TWO_FACTOR_REQUIRED_FLASH, kind: 'info' });
  }
  return user;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = await deskActor(context.get(requestContext).actor, locale, request);
  const desk = await getCheckInDesk(actor, params.slug).catch(asErrorResponse);
  const search = new URL(request.url).searchParams;
  const q = (search.get('q') ?? '').trim().slice(0, 200);
  const scanned = search.get('code') ? parseCheckInScan(search.get('code') ?? '', params.slug) : null;
  const lookup = scanned?.ok ? scanned.code : q;
  const [results, recent] = await Promise.all([
    lookup ? listAttendees(actor, params.slug, { q: lookup }).catch(asErrorResponse) : null,
    listCheckIns(actor, params.slug).catch(asErrorResponse),
  ]);
  return {
    desk,
    q,
    scanned: scanned ? (scanned.ok ? { ok: true as const, code: scanned.code } : { ok: false as const, reason: scanned.reason }) : null,
    results: results ? { items: results.items.slice(0, SHOWN_MAX), total: results.total } : null,
    recent: recent.items.slice(0, 10),
    formId: randomUUID(),
  };
}

type ActionResult = { ok: true; outcome: CheckInOutcome | null; undone?: string } | { ok: false; code: string; name: string };

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = await deskActor(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  try {
    if (intent === 'check-in') {
      const registrationId = field('registrationId');
      const outcome = await checkIn(actor, params.slug, {
        id: field('id') ?? randomUUID(),
        ...(registrationId ? { registrationId } : { code: field('code') ?? '' }),
      });
      return { ok: true, outcome } satisfies ActionResult;
    }
    if (intent === 'undo') {
      await undoCheckIn(actor, params.slug, field('id') ?? '');
      return { ok: true, outcome: null, undone: field('name') ?? '' } satisfies ActionResult;
    }
  } catch (error) {
    if (!isAppError(error) || error.status >= 500 || error.code === 'COMMON_FORBIDDEN' || error.code === 'COMMON_UNAUTHENTICATED') {
      asErrorResponse(error);
    }
    const name = typeof error.details?.name === 'string' ? error.details.name : '';
    return data({ ok: false, code: error.code, name } satisfies ActionResult, { status: error.status });
  }
  throw new Response(null, { status: 400 });
}

function timeOf(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export default function CheckInPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { desk, q, scanned, results, recent, formId } = loaderData;
  const slug = desk.event.slug;
  const title = textIn(desk.event.title, locale, desk.event.sourceLocale);
  const client = useCheckInDesk(slug, locale);
  const revalidator = useRevalidator();
  // A scanned code's link (?code=) shows that person on the device's list too.
  const [query, setQuery] = useState(q || (scanned?.ok ? scanned.code : ''));
  const [code, setCode] = useState('');
  const result = actionData as ActionResult | undefined;
  const counts = client.ready ? client.counts : { checkedIn: desk.checkedIn, expected: desk.expected };

  const done = async (target: { registrationId: string } | { code: string }) => {
    await client.checkIn(target);
    if (navigator.onLine) void revalidator.revalidate();
  };
  const onScan = (text: string) => {
    const parsed = parseCheckInScan(text, slug);
    if (!parsed.ok) {
      client.setMessage({
        kind: 'error',
        key: parsed.reason === 'other-event' ? 'errors.EVENTS_CHECKIN_OTHER_EVENT' : 'errors.EVENTS_CHECKIN_CODE_INVALID',
        name: '',
      });
      return;
    }
    void done({ code: parsed.code });
  };
  const onCodeSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onScan(code);
    setCode('');
  };
  const onSearchSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (client.ready) event.preventDefault();
  };

  const shown: AttendeeView[] = client.ready && query.trim() !== '' ? filterAttendees(client.views, query).slice(0, SHOWN_MAX) : [];
  const pendingNames = client.queue.map((item) => item.label);

  return (
    <article className="checkin" aria-labelledby="checkin-title">
      <EventTabs slug={slug} current="check-in" access={desk.access} />
      <h1 id="checkin-title">
        {t('events.checkin.title')}: <span dir="auto">{title}</span>
      </h1>
      <p className="checkin__counts" aria-live="polite">
        {t('events.checkin.counts', { checkedIn: counts.checkedIn, expected: counts.expected })}
      </p>

      {client.ready ? (
        <section className={client.online ? 'checkin-sync' : 'checkin-sync checkin-sync--offline'} aria-labelledby="checkin-sync-title">
          <h2 id="checkin-sync-title" className="visually-hidden">
            {t('events.checkin.sync.title')}
          </h2>
          <p role="status">{client.online ? t('events.checkin.sync.online') : t('events.checkin.sync.offline')}</p>
          {client.queue.length > 0 ? (
            <>
              <p className="checkin-sync__waiting">{t('events.checkin.sync.waiting', { count: client.queue.length })}</p>
              <ul className="checkin-sync__list">
                {pendingNames.map((name, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two queued items may carry the same name.
                  <li key={index}>
                    <bdi>{name}</bdi> · {t('events.checkin.state.pending')}
                  </li>
                ))}
              </ul>
              <button type="button" className="button" disabled={!client.online || client.syncing} onClick={() => void client.flush()}>
                {t('events.checkin.sync.now')}
              </button>
            </>
          ) : (
            <p>{t('events.checkin.sync.done')}</p>
          )}
          {client.refusals.length > 0 ? (
            <ul className="checkin-sync__refused">
              {client.refusals.map((refusal, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: refusals are only appended.
                <li key={index} className="form-error">
                  <bdi>{refusal.label}</bdi>: {t(`errors.${refusal.reason}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <DeskNotice message={client.message} result={result} />

      {scanned && !scanned.ok ? (
        <p className="form-error" role="alert">
          {t(scanned.reason === 'other-event' ? 'errors.EVENTS_CHECKIN_OTHER_EVENT' : 'errors.EVENTS_CHECKIN_CODE_INVALID')}
        </p>
      ) : null}

      <section aria-labelledby="checkin-find-title" className="checkin__find">
        <h2 id="checkin-find-title">{t('events.checkin.search.title')}</h2>
        <form method="get" className="form checkin__search" onSubmit={onSearchSubmit}>
          <div className="field">
            <label htmlFor="checkin-q">{t('events.checkin.search.label')}</label>
            <input
              id="checkin-q"
              name="q"
              type="search"
              dir="auto"
              autoComplete="off"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              aria-describedby="checkin-q-hint"
            />
            <p className="field__hint" id="checkin-q-hint">
              {t('events.checkin.search.hint')}
            </p>
          </div>
          <button type="submit" className="button">
            {t('events.checkin.search.submit')}
          </button>
        </form>

        {client.ready ? (
          query.trim() !== '' ? (
            <AttendeeList
              items={shown}
              formId={formId}
              timeZone={desk.event.timeZone}
              onCheckIn={(registrationId) => void done({ registrationId })}
            />
          ) : null
        ) : results ? (
          <>
            <p>{t('events.checkin.search.results', { count: results.total })}</p>
            <AttendeeList items={results.items.map(viewOf)} formId={formId} timeZone={desk.event.timeZone} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="checkin-code-title" className="checkin__code">
        <h2 id="checkin-code-title">{t('events.checkin.code.title')}</h2>
        {client.ready ? <QrScanner onCode={onScan} /> : null}
        <form method="post" className="form" onSubmit={client.ready ? onCodeSubmit : undefined}>
          <input type="hidden" name="intent" value="check-in" />
          <input type="hidden" name="id" value={formId} />
          <div className="field">
            <label htmlFor="checkin-code">{t('events.checkin.code.label')}</label>
            <input
              id="checkin-code"
              name="code"
              dir="ltr"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-describedby="checkin-code-hint"
            />
            <p className="field__hint" id="checkin-code-hint">
              {t('events.checkin.code.hint')}
            </p>
          </div>
          <button type="submit" className="button button--primary">
            {t('events.checkin.code.submit')}
          </button>
        </form>
      </section>

      <section aria-labelledby="checkin-recent-title">
        <h2 id="checkin-recent-title">{t('events.checkin.recent.title')}</h2>
        {recent.length === 0 ? (
          <p>{t('events.checkin.recent.empty')}</p>
        ) : (
          <ul className="checkin-list">
            {recent.map((entry) => (
              <li key={entry.id} className="checkin-list__item">
                <span className="checkin-list__who">
                  <bdi className="checkin-list__name">{entry.name}</bdi>
                  <span className="checkin-list__meta">
                    {t('events.checkin.state.checkedIn', { time: timeOf(entry.checkedInAt, locale, desk.event.timeZone) })}
                    {entry.source === 'offline' ? ` · ${t('events.checkin.recent.offline')}` : ''}
                  </span>
                </span>
                <form method="post">
                  <input type="hidden" name="intent" value="undo" />
                  <input type="hidden" name="id" value={entry.id} />
                  <input type="hidden" name="name" value={entry.name} />
                  <button type="submit" className="button button--danger">
                    {t('events.checkin.recent.undo')}
                    <span className="visually-hidden">: {entry.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/${locale}/events/${slug}/badges.pdf`}>{t('events.checkin.badges')}</a>
        </p>
      </section>
    </article>
  );
}

function viewOf(attendee: Attendee & { organisation: unknown }): AttendeeView {
  return {
    registrationId: attendee.registrationId,
    name: attendee.name,
    organisation: '',
    code: attendee.code,
    status: attendee.status,
    checkedInAt: attendee.checkedInAt,
    state: attendee.status !== 'confirmed' ? 'not-confirmed' : attendee.checkedInAt ? 'checked-in' : 'expected',
  };
}

function DeskNotice({ message, result }: { message: DeskMessage | null; result: ActionResult | undefined }) {
  const t = useT();
  let notice: { kind: string; text: string } | null = null;
  if (message) notice = { kind: message.kind, text: t(message.key, { name: message.name }) };
  else if (result?.ok === false) notice = { kind: 'error', text: t(`errors.${result.code}`) };
  else if (result?.ok && result.outcome) {
    const key = result.outcome.status === 'recorded' ? 'events.checkin.result.recorded' : 'events.checkin.result.duplicate';
    notice = { kind: result.outcome.status === 'recorded' ? 'success' : 'info', text: t(key, { name: result.outcome.name ?? '' }) };
  } else if (result?.ok && result.undone !== undefined)
    notice = { kind: 'success', text: t('events.checkin.result.undone', { name: result.undone }) };
  return (
    <div className="checkin__notice" role="status" aria-live="polite">
      {notice ? <p className={notice.kind === 'error' ? 'flash flash--error' : `flash flash--${notice.kind}`}>{notice.text}</p> : null}
    </div>
  );
}

function AttendeeList({
  items,
  formId,
  timeZone,
  onCheckIn,
}: {
  items: AttendeeView[];
  formId: string;
  timeZone: string;
  onCheckIn?: (registrationId: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return <p>{t('events.checkin.search.none')}</p>;
  return (
    <ul className="checkin-list">
      {items.map((item) => (
        <li key={item.registrationId} className={`checkin-list__item checkin-list__item--${item.state}`}>
          <span className="checkin-list__who">
            <bdi className="checkin-list__name">{item.name}</bdi>
            {item.organisation ? (
              <span className="checkin-list__meta" dir="auto">
                {item.organisation}
              </span>
            ) : null}
            <span className="checkin-list__meta">
              {item.state === 'checked-in' && item.checkedInAt
                ? t('events.checkin.state.checkedIn', { time: timeOf(item.checkedInAt, locale, timeZone) })
                : item.state === 'pending'
                  ? t('events.checkin.state.pending')
                  : item.state === 'not-confirmed'
                    ? t(`events.checkin.status.${item.status}`)
                    : t('events.checkin.state.expected')}
            </span>
          </span>
          {item.state === 'expected' ? (
            <form
              method="post"
              onSubmit={
                onCheckIn
                  ? (event) => {
                      event.preventDefault();
                      onCheckIn(item.registrationId);
                    }
                  : undefined
              }
            >
              <input type="hidden" name="intent" value="check-in" />
              <input type="hidden" name="id" value={formId} />
              <input type="hidden" name="registrationId" value={item.registrationId} />
              <button type="submit" className="button button--primary">
                {t('events.checkin.list.checkIn')}
                <span className="visually-hidden">: {item.name}</span>
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
