/**
 * /{locale}/events/{slug}/follow-up: the event's decisions, follow-up actions, minutes and
 * documents. Everyone who may see the event reads the public items; its managers read everything
 * and change it with plain POSTs (one `intent` per form; documents as multipart). Overdue actions
 * say so in words.
 */
import { Form, isRouteErrorResponse } from 'react-router';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import {
  ACTION_STATUSES,
  createAction,
  createDecision,
  deleteAction,
  deleteDecision,
  deleteDocument,
  getFollowUp,
  saveMinutes,
  setActionStatus,
  uploadDocument,
} from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { AppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { Route } from './+types/follow-up';
import { ActionStatusText, useFormatDate } from './action-status.tsx';
import { asErrorResponse, type FollowUpFailure, localeOf, refusal } from './followup.server.ts';
import '#app/styles/events-followup.css';

export const meta = titled('events.followup.title');
export const headers = () => ({ 'Cache-Control': 'private, no-store' });

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const view = await getFollowUp(context.get(requestContext).actor, params.slug).catch(asErrorResponse);
  return { ...view, title: textIn(view.event.title, locale, view.event.sourceLocale, view.event.slug), statuses: [...ACTION_STATUSES] };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = text(form, 'intent') ?? '';
  const slug = params.slug;
  const id = text(form, 'id') ?? '';
  const isPublic = form.get('isPublic') === 'on';
  try {
    switch (intent) {
      case 'add-decision':
        await createDecision(actor, slug, { text: text(form, 'text') ?? '', decidedOn: text(form, 'decidedOn') ?? '', isPublic });
        break;
      case 'delete-decision':
        await deleteDecision(actor, slug, id);
        break;
      case 'add-action':
        await createAction(actor, slug, {
          title: text(form, 'title') ?? '',
          ownerName: text(form, 'ownerName') ?? '',
          ownerEmail: text(form, 'ownerEmail'),
          dueOn: text(form, 'dueOn'),
          status: (text(form, 'status') || 'open') as never,
          decisionId: text(form, 'decisionId'),
          isPublic,
        });
        break;
      case 'action-status':
        await setActionStatus(actor, slug, id, { status: (text(form, 'status') ?? '') as never });
        break;
      case 'delete-action':
        await deleteAction(actor, slug, id);
        break;
      case 'save-minutes':
        await saveMinutes(actor, slug, { body: text(form, 'body') ?? '', isPublic });
        break;
      case 'upload-document': {
        const file = form.get('file');
        if (!(file instanceof File) || file.size === 0) {
          return refusal(
            intent,
            new AppError('EVENTS_FOLLOWUP_DOCUMENT_MISSING', 400, {
              fields: [{ field: 'file', code: 'EVENTS_FOLLOWUP_DOCUMENT_MISSING' }],
            }),
          );
        }
        await uploadDocument(
          actor,
          slug,
          { title: text(form, 'title') ?? '', isPublic },
          { name: file.name || 'document', contentType: file.type, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) },
        );
        break;
      }
      case 'delete-document':
        await deleteDocument(actor, slug, id);
        break;
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return refusal(intent, error);
  }
  return redirectWithFlash(`/${locale}/events/${slug}/follow-up`, {
    key: intent.startsWith('delete-') ? 'events.followup.flash.deleted' : 'events.followup.flash.saved',
    kind: 'success',
  });
}

const FIELD_LABELS: Record<string, string> = {
  text: 'events.followup.decisions.text',
  decidedOn: 'events.followup.decisions.decidedOn',
  title: 'events.followup.actions.title',
  ownerName: 'events.followup.actions.owner',
  ownerEmail: 'events.followup.actions.ownerEmail',
  dueOn: 'events.followup.actions.due',
  status: 'events.followup.actions.status',
  decisionId: 'events.followup.actions.decision',
  body: 'events.followup.minutes.body',
  file: 'events.followup.documents.file',
};

/** Why the form was refused, each bad field named in the reader's language; nothing was saved. */
function Failure({ failure, intent }: { failure: FollowUpFailure | undefined; intent: string }) {
  const t = useT();
  if (failure?.intent !== intent) return null;
  const fields = Object.entries(failure.fields);
  const message = (code: string) => t(code.startsWith('EVENTS_') ? `errors.${code}` : 'errors.COMMON_VALIDATION_FAILED');
  return (
    <div className="form-error" role="alert">
      <p>{t('events.followup.failure')}</p>
      <ul>
        {fields.length > 0 ? (
          fields.map(([field, code]) => (
            <li key={field}>
              {FIELD_LABELS[field] ? `${t(FIELD_LABELS[field])}: ` : ''}
              {message(code)}
            </li>
          ))
        ) : (
          <li>{message(failure.code)}</li>
        )}
      </ul>
    </div>
  );
}

function PublicBox({ id, defaultChecked = false }: { id: string; defaultChecked?: boolean }) {
  const t = useT();
  return (
    <label className="choice" htmlFor={id}>
      <input type="checkbox" id={id} name="isPublic" defaultChecked={defaultChecked} />
      {t('events.followup.makePublic')}
    </label>
  );
}

function useFormatSize(): (bytes: number) => string {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (bytes) =>
    bytes >= 1024 * 1024
      ? t('events.followup.size.mb', { size: format.format(bytes / (1024 * 1024)) })
      : t('events.followup.size.kb', { size: format.format(Math.max(1, bytes / 1024)) });
}

export default function FollowUpPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const date = useFormatDate(locale);
  const size = useFormatSize();
  const failure = actionData?.failure;
  const visibility = (isPublic: boolean) =>
    d.canManage ? ` (${t(isPublic ? 'events.followup.public' : 'events.followup.staffOnly')})` : '';
  const decisionDates = new Map(d.decisions.map((x) => [x.id, date(x.decidedOn)]));
  return (
    <div className="followup-page">
      {d.canManage ? <EventTabs slug={d.event.slug} current="follow-up" access={{ manage: true, checkIn: true }} /> : null}
      <h1>{t('events.followup.page.title', { event: d.title })}</h1>
      <p>{t('events.followup.page.lead')}</p>
      {d.canManage ? <p className="followup-note">{t('events.followup.page.leadStaff')}</p> : null}

      <section aria-labelledby="followup-decisions">
        <h2 id="followup-decisions">{t('events.followup.decisions.heading')}</h2>
        {d.decisions.length === 0 ? <p>{t('events.followup.decisions.none')}</p> : null}
        <ul className="followup-list">
          {d.decisions.map((x) => (
            <li key={x.id}>
              <p dir="auto">{x.text}</p>
              <p className="followup-note">
                {t('events.followup.decisions.decidedOn')}: {date(x.decidedOn)}
                {visibility(x.isPublic)}
              </p>
              {d.canManage ? (
                <Form method="post">
                  <input type="hidden" name="id" value={x.id} />
                  <button type="submit" name="intent" value="delete-decision" className="button button--danger">
                    {t('events.followup.decisions.delete', { date: date(x.decidedOn) ?? '' })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" className="form followup-form" aria-labelledby="followup-add-decision">
            <h3 id="followup-add-decision">{t('events.followup.decisions.addHeading')}</h3>
            <Failure failure={failure} intent="add-decision" />
            <div className="field">
              <label htmlFor="decision-text">{t('events.followup.decisions.text')}</label>
              <textarea id="decision-text" name="text" required rows={3} dir="auto" maxLength={4000} />
            </div>
            <div className="field">
              <label htmlFor="decision-date">{t('events.followup.decisions.decidedOn')}</label>
              <input type="date" id="decision-date" name="decidedOn" required defaultValue={d.today} />
            </div>
            <PublicBox id="decision-public" />
            <button type="submit" name="intent" value="add-decision" className="button">
              {t('events.followup.decisions.add')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="followup-actions">
        <h2 id="followup-actions">{t('events.followup.actions.heading')}</h2>
        {d.actions.length === 0 ? (
          <p>{t('events.followup.actions.none')}</p>
        ) : (
          <ScrollTable id="followup-actions-table" caption={t('events.followup.actions.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('events.followup.actions.title')}</th>
                <th scope="col">{t('events.followup.actions.owner')}</th>
                <th scope="col">{t('events.followup.actions.due')}</th>
                <th scope="col">{t('events.followup.actions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {d.actions.map((a) => (
                <tr key={a.id} className={a.overdue ? 'followup-row--overdue' : undefined}>
                  <td>
                    <span dir="auto">{a.title}</span>
                    {a.decisionId && decisionDates.has(a.decisionId) ? (
                      <span className="followup-note">
                        {' '}
                        ({t('events.followup.actions.decision')}: {decisionDates.get(a.decisionId)})
                      </span>
                    ) : null}
                    {visibility(a.isPublic)}
                  </td>
                  <td>
                    <bdi>{a.ownerName}</bdi>
                    {d.canManage && a.ownerHasAccount ? (
                      <span className="followup-note"> ({t('events.followup.actions.hasAccount')})</span>
                    ) : null}
                  </td>
                  <td>{date(a.dueOn) ?? t('events.followup.actions.noDue')}</td>
                  <td>
                    <ActionStatusText status={a.status} overdue={a.overdue} />
                    {d.canManage ? (
                      <Form method="post" className="followup-inline">
                        <input type="hidden" name="id" value={a.id} />
                        <label htmlFor={`status-${a.id}`} className="visually-hidden">
                          {t('events.followup.actions.setStatus', { title: a.title })}
                        </label>
                        <select id={`status-${a.id}`} name="status" defaultValue={a.status}>
                          {d.statuses.map((s) => (
                            <option key={s} value={s}>
                              {t(`events.followup.status.${s}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" name="intent" value="action-status" className="button">
                          {t('events.followup.actions.update')}
                        </button>
                        <button
                          type="submit"
                          name="intent"
                          value="delete-action"
                          className="button button--danger"
                          aria-label={t('events.followup.actions.delete', { title: a.title })}
                        >
                          ×
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        {d.canManage ? (
          <Form method="post" className="form followup-form" aria-labelledby="followup-add-action">
            <h3 id="followup-add-action">{t('events.followup.actions.addHeading')}</h3>
            <Failure failure={failure} intent="add-action" />
            <div className="field">
              <label htmlFor="action-title">{t('events.followup.actions.title')}</label>
              <input id="action-title" name="title" required maxLength={300} dir="auto" />
            </div>
            <div className="field">
              <label htmlFor="action-owner">{t('events.followup.actions.owner')}</label>
              <input id="action-owner" name="ownerName" required maxLength={200} dir="auto" />
            </div>
            <div className="field">
              <label htmlFor="action-owner-email">{t('events.followup.actions.ownerEmail')}</label>
              <input id="action-owner-email" name="ownerEmail" type="email" dir="ltr" autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="action-due">{t('events.followup.actions.due')}</label>
              <input id="action-due" name="dueOn" type="date" />
            </div>
            <div className="field">
              <label htmlFor="action-status">{t('events.followup.actions.status')}</label>
              <select id="action-status" name="status" defaultValue="open">
                {d.statuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`events.followup.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            {d.decisions.length > 0 ? (
              <div className="field">
                <label htmlFor="action-decision">{t('events.followup.actions.decision')}</label>
                <select id="action-decision" name="decisionId" defaultValue="">
                  <option value="">{t('events.followup.actions.noDecision')}</option>
                  {d.decisions.map((x) => (
                    <option key={x.id} value={x.id}>
                      {`${date(x.decidedOn)}: ${x.text.slice(0, 60)}`}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <PublicBox id="action-public" />
            <button type="submit" name="intent" value="add-action" className="button">
              {t('events.followup.actions.add')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="followup-minutes">
        <h2 id="followup-minutes">{t('events.followup.minutes.heading')}</h2>
        {d.minutes ? (
          <>
            <p className="followup-note">
              {t('events.followup.minutes.saved', {
                time: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d.minutes.updatedAt)),
                author: d.minutes.authorName ?? t('events.followup.minutes.unknownAuthor'),
              })}
              {visibility(d.minutes.isPublic)}
            </p>
            {d.canManage ? null : (
              <div className="followup-minutes" dir="auto">
                {d.minutes.body}
              </div>
            )}
          </>
        ) : (
          <p>{t('events.followup.minutes.none')}</p>
        )}
        {d.canManage ? (
          <Form method="post" className="form followup-form">
            <Failure failure={failure} intent="save-minutes" />
            <div className="field">
              <label htmlFor="minutes-body">{t('events.followup.minutes.body')}</label>
              <textarea id="minutes-body" name="body" rows={12} dir="auto" maxLength={100_000} defaultValue={d.minutes?.body ?? ''} />
            </div>
            <PublicBox id="minutes-public" defaultChecked={d.minutes?.isPublic ?? false} />
            <button type="submit" name="intent" value="save-minutes" className="button">
              {t('events.followup.minutes.save')}
            </button>
            {d.minutesHistory.length > 0 ? (
              <details>
                <summary>{t('events.followup.minutes.history', { count: d.minutesHistory.length })}</summary>
                <ol>
                  {d.minutesHistory.map((m) => (
                    <li key={m.updatedAt}>
                      <p className="followup-note">
                        {new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(m.updatedAt))} ·{' '}
                        <bdi>{m.authorName ?? t('events.followup.minutes.unknownAuthor')}</bdi>
                      </p>
                      <div className="followup-minutes" dir="auto">
                        {m.body}
                      </div>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="followup-documents">
        <h2 id="followup-documents">{t('events.followup.documents.heading')}</h2>
        {d.documents.length === 0 ? <p>{t('events.followup.documents.none')}</p> : null}
        <ul className="followup-list">
          {d.documents.map((doc) => (
            <li key={doc.id}>
              <a href={`/${locale}/events/${d.event.slug}/follow-up/documents/${doc.id}`} download>
                <bdi>{t('events.followup.documents.download', { title: doc.title, kind: doc.kind, size: size(doc.size) })}</bdi>
              </a>
              {visibility(doc.isPublic)}
              {d.canManage ? (
                <Form method="post" className="followup-inline">
                  <input type="hidden" name="id" value={doc.id} />
                  <button type="submit" name="intent" value="delete-document" className="button button--danger">
                    {t('events.followup.documents.delete', { title: doc.title })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" className="form followup-form" aria-labelledby="followup-upload">
            <h3 id="followup-upload">{t('events.followup.documents.uploadHeading')}</h3>
            <Failure failure={failure} intent="upload-document" />
            <div className="field">
              <label htmlFor="document-title">{t('events.followup.documents.title')}</label>
              <input id="document-title" name="title" required maxLength={200} dir="auto" />
            </div>
            <div className="field">
              <label htmlFor="document-file">{t('events.followup.documents.file')}</label>
              <input
                id="document-file"
                name="file"
                type="file"
                required
                accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"
              />
            </div>
            <PublicBox id="document-public" />
            <button type="submit" name="intent" value="upload-document" className="button">
              {t('events.followup.documents.upload')}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
