/**
 * /{locale}/events/{slug}/edit: the event form, filled, for those who manage the event. The slug
 * never changes. A change of time or place of a published event is mailed to its registrants
 * (the page says so before saving).
 */
import { useEffect, useRef } from 'react';
import { Form, useNavigation } from 'react-router';
import { EventFormFields } from '#app/modules/events/components/event-form.tsx';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import { canCheckIn, getEvent, loadReadableEvent, updateEvent } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/edit';
import { eventFormValueOf } from './event-form.ts';
import { asErrorResponse, formOptionsFor, submitEventForm } from './event-page.server.ts';
import '#app/styles/events.css';

export const meta: Route.MetaFunction = ({ matches }) => namedPageMeta(matches, pageMessage(matches, 'events.edit.title'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

async function managed(actor: Parameters<typeof getEvent>[0], slug: string) {
  const event = await getEvent(actor, slug).catch(asErrorResponse);
  if (!event.canManage) throw new Response(null, { status: 403 });
  return event;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const event = await managed(actor, params.slug);
  const row = await loadReadableEvent(actor, params.slug);
  return {
    event: { slug: event.slug, title: event.title, sourceLocale: event.sourceLocale, status: event.status },
    access: { manage: true, checkIn: canCheckIn(actor, row) },
    options: await formOptionsFor(actor, { host: event.hostCluster }),
    value: eventFormValueOf(event),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  return submitEventForm(request, async (input) => {
    await updateEvent(actor, params.slug, input);
    return redirectWithFlash(`/${locale}/events/${params.slug}`, { key: 'events.edit.saved', kind: 'success' });
  });
}

export default function EditEventPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { event, access, options, value } = loaderData;
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actionData) summary.current?.focus();
  }, [actionData]);
  return (
    <div className="event-edit">
      <EventTabs slug={event.slug} current="edit" access={access} />
      <h1>
        {t('events.edit.title')}: <bdi dir="auto">{textIn(event.title, locale, event.sourceLocale, event.slug)}</bdi>
      </h1>
      {event.status === 'published' && <p className="flash flash--info">{t('events.edit.toldNotice')}</p>}
      {event.status === 'cancelled' ? (
        <p className="flash flash--info">{t('errors.EVENTS_CANCELLED')}</p>
      ) : (
        <Form method="post" className="form" key={actionData ? 'failed' : 'fresh'}>
          {actionData && (
            <p className="form-error" role="alert" tabIndex={-1} ref={summary}>
              {t(actionData.formError)}
            </p>
          )}
          <EventFormFields value={actionData?.value ?? value} options={options} errors={actionData?.fieldErrors ?? {}} locale={locale} />
          <p>
            <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
              {t('events.edit.submit')}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
