/**
 * /{locale}/events/new: a new event (a draft), for those who manage events over a cluster or the
 * programme. One form: type, host, clusters gathered, texts in three languages side by side,
 * venue, zone, start and end at the venue's clock, registration settings. A refusal keeps what
 * was typed and says why beside each field.
 */
import { useEffect, useRef } from 'react';
import { Form, Link, useNavigation } from 'react-router';
import { EventFormFields } from '#app/modules/events/components/event-form.tsx';
import { createEvent } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/new';
import { newEventFormValue } from './event-form.ts';
import { formOptionsFor, submitEventForm } from './event-page.server.ts';
import '#app/styles/events.css';

export const meta = titled('events.new.title', 'events.new.lead');

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  return { options: await formOptionsFor(actor), value: newEventFormValue(locale) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  return submitEventForm(request, async (input) => {
    const created = await createEvent(actor, input);
    return redirectWithFlash(`/${locale}/events/${created.slug}`, { key: 'events.new.created', kind: 'success' });
  });
}

export default function NewEventPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actionData) summary.current?.focus();
  }, [actionData]);
  return (
    <div className="event-edit">
      <p>
        <Link to={`/${locale}/events`}>{t('events.calendar.title')}</Link>
      </p>
      <h1>{t('events.new.title')}</h1>
      <p className="lead">{t('events.new.lead')}</p>
      <Form method="post" className="form" key={actionData ? 'failed' : 'fresh'}>
        {actionData && (
          <p className="form-error" role="alert" tabIndex={-1} ref={summary}>
            {t(actionData.formError)}
          </p>
        )}
        <EventFormFields
          value={actionData?.value ?? loaderData.value}
          options={loaderData.options}
          errors={actionData?.fieldErrors ?? {}}
          locale={locale}
        />
        <p>
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {t('events.new.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
