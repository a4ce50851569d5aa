/**
 * /{locale}/needs/surveys/{code}/invitations: a needs survey's managers send it and follow it.
 * "Preview the recipients" is a GET form (the cluster's members, or a directory view pasted from
 * the organisations page), listing each address once with the counts left out (repeated, already
 * invited, organisations without an address); "Send" posts the same choice. Reminders go to
 * those who have not answered, now or after some days (the job queue). The counts (invited,
 * opened, answered, reminded, pending) and the list of invitations follow. No JavaScript needed.
 */
import { data, Form, isRouteErrorResponse, Link, useNavigation } from 'react-router';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import {
  getSurveyInvitationStatus,
  remindSurveyInvitations,
  revokeSurveyInvitation,
  type SendInvitationsResult,
  sendSurveyInvitations,
} from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/surveys-invitations';
import { invitationsPath } from './surveys-answering.ts';
import { asErrorResponse, localeOf } from './surveys-ui.tsx';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'needs.invitations.title'), pageMessage(matches, 'needs.invitations.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

interface Choice {
  audience: 'cluster' | 'selection';
  cluster: string;
  query: string;
  locale: Locale;
}

function choiceOf(values: URLSearchParams | FormData, fallback: Locale): Choice {
  const text = (name: string) => String(values.get(name) ?? '').trim();
  const locale = text('locale');
  return {
    audience: text('audience') === 'selection' ? 'selection' : 'cluster',
    cluster: text('cluster'),
    query: text('query'),
    locale: (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : fallback,
  };
}

function sendInput(code: string, choice: Choice, dryRun: boolean) {
  return {
    form: code,
    audience: choice.audience,
    ...(choice.cluster ? { cluster: choice.cluster } : {}),
    query: choice.query,
    locale: choice.locale,
    dryRun,
  };
}

/** A refusal of the choice (bad selection, unknown cluster) shown beside the form; anything else is an error page. */
function refusalOf(error: unknown): { code: string; values: Record<string, string | number> } {
  if (!isAppError(error) || error.status !== 400) asErrorResponse(error);
  const max = typeof error.details?.max === 'number' ? error.details.max : 0;
  return { code: error.code, values: { max } };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const search = new URL(request.url).searchParams;
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const status = await getSurveyInvitationStatus(actor, { form: params.code, page }).catch(asErrorResponse);
  const choice = choiceOf(search, locale);
  let preview: SendInvitationsResult | null = null;
  let refusal: { code: string; values: Record<string, string | number> } | null = null;
  if (search.has('preview')) {
    try {
      preview = await sendSurveyInvitations(actor, sendInput(params.code, choice, true));
    } catch (error) {
      refusal = refusalOf(error);
    }
  }
  return { status, choice, preview, refusal };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const back = invitationsPath(locale, params.code);
  try {
    if (intent === 'send') {
      await sendSurveyInvitations(actor, sendInput(params.code, choiceOf(form, locale), false));
      return redirectWithFlash(back, { key: 'needs.invitations.flash.sent', kind: 'success' });
    }
    if (intent === 'revoke') {
      await revokeSurveyInvitation(actor, { form: params.code, invitation: String(form.get('invitation') ?? '') });
      return redirectWithFlash(back, { key: 'needs.invitations.flash.revoked', kind: 'success' });
    }
    if (intent === 'schedule') {
      await remindSurveyInvitations(actor, { form: params.code, afterDays: String(form.get('afterDays') ?? '') });
      return redirectWithFlash(back, { key: 'needs.invitations.flash.scheduled', kind: 'success' });
    }
    await remindSurveyInvitations(actor, { form: params.code });
    return redirectWithFlash(back, { key: 'needs.invitations.flash.reminded', kind: 'success' });
  } catch (error) {
    return data({ refusal: refusalOf(error) }, { status: 400 });
  }
}

export default function SurveyInvitationsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const navigation = useNavigation();
  const { status, choice, preview, refusal: previewRefusal } = loaderData;
  const refusal = actionData?.refusal ?? previewRefusal;
  const busy = navigation.state === 'submitting';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const hidden = (
    <>
      <input type="hidden" name="audience" value={choice.audience} />
      <input type="hidden" name="cluster" value={choice.cluster} />
      <input type="hidden" name="query" value={choice.query} />
      <input type="hidden" name="locale" value={choice.locale} />
    </>
  );
  const counts = status.counts;
  return (
    <article className="survey-invitations" aria-labelledby="invitations-title">
      <h1 id="invitations-title">{t('needs.invitations.title')}</h1>
      <p className="answer-form-title">
        <TranslatedText value={status.title} />
      </p>
      <p>{t('needs.invitations.lead')}</p>

      <section aria-labelledby="invitations-counts">
        <h2 id="invitations-counts">{t('needs.invitations.counts.heading')}</h2>
        <dl className="survey-invitations__counts">
          {(['invited', 'opened', 'answered', 'reminded', 'pending'] as const).map((key) => (
            <div key={key}>
              <dt>{t(`needs.invitations.counts.${key}`)}</dt>
              <dd data-count={key}>{format(counts[key])}</dd>
            </div>
          ))}
        </dl>
      </section>

      {refusal && (
        <p className="form-error" role="alert">
          {t(`errors.${refusal.code}`, refusal.values)}
        </p>
      )}

      <section aria-labelledby="invitations-send" className="card">
        <h2 id="invitations-send">{t('needs.invitations.send.heading')}</h2>
        <p className="field__hint">{t('needs.invitations.send.rule')}</p>
        <Form method="get" className="form">
          <fieldset className="field">
            <legend>{t('needs.invitations.send.audience')}</legend>
            {(['cluster', 'selection'] as const).map((audience) => (
              <label key={audience} className="choice">
                <input type="radio" name="audience" value={audience} defaultChecked={choice.audience === audience} />
                {t(`needs.invitations.send.audience.${audience}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="invite-cluster">{t('needs.invitations.send.cluster')}</label>
            <p id="invite-cluster-hint" className="field__hint">
              {t('needs.invitations.send.cluster.hint')}
            </p>
            <input id="invite-cluster" name="cluster" defaultValue={choice.cluster} aria-describedby="invite-cluster-hint" dir="ltr" />
          </div>
          <div className="field">
            <label htmlFor="invite-query">{t('needs.invitations.send.query')}</label>
            <p id="invite-query-hint" className="field__hint">
              {t('needs.invitations.send.query.hint')}
            </p>
            <input id="invite-query" name="query" defaultValue={choice.query} aria-describedby="invite-query-hint" dir="ltr" />
          </div>
          <div className="field">
            <label htmlFor="invite-locale">{t('needs.invitations.send.locale')}</label>
            <select id="invite-locale" name="locale" defaultValue={choice.locale}>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {t(`needs.invitations.language.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="preview" value="1" className="button">
            {t('needs.invitations.send.preview')}
          </button>
        </Form>

        {preview && (
          <section aria-labelledby="invitations-preview">
            <h3 id="invitations-preview">{t('needs.invitations.preview.heading')}</h3>
            <p>
              {t('needs.invitations.preview.summary', { recipients: preview.recipients.length, organisations: preview.organisations })}{' '}
              {t('needs.invitations.preview.skipped', {
                duplicates: preview.duplicates,
                invited: preview.alreadyInvited,
                silent: preview.organisationsWithoutAddress,
              })}
            </p>
            {preview.recipients.length === 0 ? (
              <p>{t('needs.invitations.preview.none')}</p>
            ) : (
              <>
                <ScrollTable id="invitations-recipients" caption={t('needs.invitations.preview.heading')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('needs.invitations.column.organisation')}</th>
                      <th scope="col">{t('needs.invitations.column.name')}</th>
                      <th scope="col">{t('needs.invitations.column.email')}</th>
                      <th scope="col">{t('needs.invitations.column.language')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.recipients.map((recipient) => (
                      <tr key={recipient.email}>
                        <td dir="auto">{recipient.organisation}</td>
                        <td dir="auto">{recipient.name ?? ''}</td>
                        <td dir="ltr">{recipient.email}</td>
                        <td>{t(`needs.invitations.language.${recipient.locale}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
                <Form method="post">
                  {hidden}
                  <button type="submit" name="intent" value="send" className="button button--primary" disabled={busy}>
                    {t('needs.invitations.preview.send', { count: preview.recipients.length })}
                  </button>
                </Form>
              </>
            )}
          </section>
        )}
      </section>

      <section aria-labelledby="invitations-remind" className="card">
        <h2 id="invitations-remind">{t('needs.invitations.remind.heading')}</h2>
        <p>{t('needs.invitations.remind.lead')}</p>
        <Form method="post">
          <button type="submit" name="intent" value="remind" className="button" disabled={busy || counts.pending === 0}>
            {t('needs.invitations.remind.now', { count: counts.pending })}
          </button>
        </Form>
        <Form method="post" className="form">
          <div className="field">
            <label htmlFor="remind-after">{t('needs.invitations.remind.after')}</label>
            <input id="remind-after" name="afterDays" type="number" min={1} max={60} defaultValue={7} inputMode="numeric" />
          </div>
          <button type="submit" name="intent" value="schedule" className="button" disabled={busy}>
            {t('needs.invitations.remind.schedule')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="invitations-list">
        <h2 id="invitations-list">{t('needs.invitations.list.heading')}</h2>
        {status.invitations.length === 0 ? (
          <p>{t('needs.invitations.list.empty')}</p>
        ) : (
          <ScrollTable id="invitations-table" caption={t('needs.invitations.list.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('needs.invitations.column.email')}</th>
                <th scope="col">{t('needs.invitations.column.organisation')}</th>
                <th scope="col">{t('needs.invitations.column.state')}</th>
                <th scope="col">{t('needs.invitations.counts.opened')}</th>
                <th scope="col">{t('needs.invitations.counts.answered')}</th>
                <th scope="col">{t('needs.invitations.column.reminders')}</th>
                <th scope="col">{t('needs.invitations.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {status.invitations.map((invitation) => (
                <tr key={invitation.id} data-email={invitation.email}>
                  <td dir="ltr">{invitation.email}</td>
                  <td dir="auto">{invitation.organisation ?? invitation.name ?? ''}</td>
                  <td data-state={invitation.state}>{t(`needs.invitations.state.${invitation.state}`)}</td>
                  <td>{invitation.openedAt ? dateTime.format(new Date(invitation.openedAt)) : ''}</td>
                  <td>{invitation.answeredAt ? dateTime.format(new Date(invitation.answeredAt)) : ''}</td>
                  <td>{format(invitation.reminders)}</td>
                  <td>
                    {['sent', 'opened', 'started'].includes(invitation.state) && (
                      <Form method="post">
                        <input type="hidden" name="invitation" value={invitation.id} />
                        <button type="submit" name="intent" value="revoke" className="button" disabled={busy}>
                          {t('needs.invitations.revoke')}
                          <span className="visually-hidden"> {invitation.email}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        {(status.page > 1 || status.hasNext) && (
          <p className="pager">
            {status.page > 1 && <Link to={`?page=${status.page - 1}`}>{t('needs.invitations.list.previous')}</Link>}{' '}
            {status.hasNext && <Link to={`?page=${status.page + 1}`}>{t('needs.invitations.list.next')}</Link>}
          </p>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} />;
}
