/**
 * /{locale}/events/{slug}/invitations: the event's managers build its invitation list and follow
 * it. The balance (gender with the target, women-led, country, type, size) is shown on every
 * render and warns in words when women fall below the event's target. Four ways to add people:
 * a directory view (the organisations page's address), a cluster's members (any cluster), the
 * twins finder of a cluster or an organisation, and one organisation found by name. Each add form
 * previews its effect on the balance: without JavaScript by a GET that re-renders the page, with
 * it by a fetch of the preview route into a polite live region, before anything is added.
 * Sending is previewed with counts first, then posted; a resend reaches those who have not
 * answered. The share link (registration with `?via=share`) is offered as text, a copy button,
 * the Web Share button when the browser has it, and plain WhatsApp/Telegram/e-mail links.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { data, Form, isRouteErrorResponse, useFetcher, useNavigation } from 'react-router';
import { listClusters, listOrganisations, NO_FILTERS } from '#app/modules/directory/index.ts';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import {
  type AddInvitationsResult,
  addInvitations,
  canCheckIn,
  getInvitationList,
  removeInvitation,
  type SendInvitationsResult,
  sendInvitations,
  setWomenTarget,
  shareLinks,
} from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/invitations';
import { BalanceSummary, PreviewLine } from './balance.tsx';
import { type AddSource, addInputOf, previewQuery } from './invitations-form.ts';
import '#app/styles/events-invitations.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'events.invitations.title'), pageMessage(matches, 'events.invitations.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

interface Refusal {
  code: string;
  values: Record<string, string | number>;
}

/** A refusal of the choice (bad view, unknown cluster) shown beside the forms; anything else is an error page. */
function refusalOf(error: unknown): Refusal {
  if (!isAppError(error) || (error.status !== 400 && error.status !== 404 && error.status !== 409)) throw error;
  const max = typeof error.details?.max === 'number' ? error.details.max : 0;
  return { code: error.code, values: { max } };
}

function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const list = await getInvitationList(actor, { event: params.slug }).catch(asErrorResponse);
  const search = new URL(request.url).searchParams;
  let preview: { source: AddSource; result: AddInvitationsResult } | null = null;
  let sendPreview: SendInvitationsResult | null = null;
  let refusal: Refusal | null = null;
  try {
    if (search.has('preview')) {
      const input = addInputOf(params.slug, search, locale, true);
      preview = { source: input.source, result: await addInvitations(actor, input) };
    }
    const mode = search.get('send');
    if (mode === 'new' || mode === 'resend') sendPreview = await sendInvitations(actor, { event: params.slug, mode, dryRun: true });
  } catch (error) {
    refusal = refusalOf(error);
  }
  const find = (search.get('find') ?? '').trim().slice(0, 200);
  const found = find
    ? (await listOrganisations(actor, { ...NO_FILTERS, q: find }, { pageSize: 10 })).items.map((organisation) => ({
        id: organisation.id,
        name: textIn(organisation.name, locale, organisation.sourceLocale),
        countryIso2: organisation.countryIso2,
      }))
    : null;
  const clusters = (await listClusters(actor, {})).items
    .map((cluster) => ({ slug: cluster.slug, name: textIn(cluster.name, locale, cluster.sourceLocale), countryIso2: cluster.countryIso2 }))
    .sort((a, b) => a.countryIso2.localeCompare(b.countryIso2) || a.name.localeCompare(b.name, locale));
  const title = textIn(list.event.title, locale, list.event.sourceLocale);
  const shareUrl = `${getConfig().publicUrl}/${locale}${list.sharePath}`;
  return {
    list,
    title,
    checkIn: canCheckIn(actor, list.event),
    preview,
    sendPreview,
    refusal,
    find,
    found,
    clusters,
    choice: Object.fromEntries(search.entries()) as Record<string, string>,
    share: { url: shareUrl, links: shareLinks(shareUrl, title) },
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const back = `/${locale}/events/${params.slug}/invitations`;
  try {
    if (intent === 'add') {
      const result = await addInvitations(actor, addInputOf(params.slug, form, locale, false));
      return redirectWithFlash(back, {
        key: result.added > 0 ? 'events.invitations.flash.added' : 'events.invitations.flash.nothingAdded',
        kind: 'success',
      });
    }
    if (intent === 'remove') {
      const { removed } = await removeInvitation(actor, { event: params.slug, id: String(form.get('id') ?? '') });
      return redirectWithFlash(back, { key: `events.invitations.flash.${removed}`, kind: 'success' });
    }
    if (intent === 'send' || intent === 'resend') {
      await sendInvitations(actor, { event: params.slug, mode: intent === 'send' ? 'new' : 'resend' });
      return redirectWithFlash(back, { key: `events.invitations.flash.${intent === 'send' ? 'sent' : 'resent'}`, kind: 'success' });
    }
    if (intent === 'target') {
      await setWomenTarget(actor, { event: params.slug, womenTargetPercent: String(form.get('womenTargetPercent') ?? '') });
      return redirectWithFlash(back, { key: 'events.invitations.flash.target', kind: 'success' });
    }
    throw new Response(null, { status: 400 });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isAppError(error) && error.code === 'COMMON_VALIDATION_FAILED')
      return data({ refusal: { code: error.code, values: {} } }, { status: 400 });
    if (isAppError(error) && (error.status === 401 || error.status === 403)) asErrorResponse(error);
    return data({ refusal: refusalOf(error) }, { status: 400 });
  }
}

type PreviewData = { ok: true; result: AddInvitationsResult } | { ok: false; code: string };

/** One add form: its fields, "Preview the balance" (GET, or a fetch with JavaScript) and "Add to the list" (POST). */
function AddForm({
  slug,
  source,
  heading,
  hint,
  children,
  preview,
  choice,
}: {
  slug: string;
  source: AddSource;
  heading: string;
  hint: string;
  children: React.ReactNode;
  preview: AddInvitationsResult | null;
  choice: Record<string, string>;
}) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<PreviewData>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const id = `add-${source}`;
  const live = fetcher.data;
  const shown = live?.ok ? live.result : live ? null : preview;
  const previewPath = `/${locale}/events/${slug}/invitations/preview`;
  const refresh = (form: HTMLFormElement) => fetcher.load(`${previewPath}?${previewQuery(new FormData(form))}`);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name === 'preview') {
      event.preventDefault();
      refresh(event.currentTarget);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="card invitations-add">
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p className="field__hint">{hint}</p>
      <Form
        method="post"
        className="form"
        onSubmit={onSubmit}
        // A choice (select, radio) previews at once; a typed field when it is left, not at every key.
        onChange={(event) => {
          if (!(event.target instanceof HTMLInputElement && event.target.type !== 'radio')) refresh(event.currentTarget);
        }}
        onBlur={(event) => {
          if (event.target instanceof HTMLInputElement && event.target.type !== 'radio' && event.target.value) refresh(event.currentTarget);
        }}
      >
        <input type="hidden" name="source" value={source} />
        {children}
        <div className="field">
          <label htmlFor={`${id}-locale`}>{t('events.invitations.add.locale')}</label>
          <select id={`${id}-locale`} name="locale" defaultValue={choice.source === source && choice.locale ? choice.locale : locale}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {t(`events.invitations.language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="invitations-add__actions">
          <button type="submit" name="preview" value="1" formMethod="get" className="button">
            {t('events.invitations.add.preview')}
          </button>
          <button type="submit" name="intent" value="add" className="button button--primary" disabled={busy}>
            {t('events.invitations.add.submit')}
          </button>
        </div>
      </Form>
      <div aria-live="polite" className="invitations-add__preview">
        {shown && <PreviewLine added={shown.added} alreadyListed={shown.alreadyListed} balance={shown.balance} />}
        {live && !live.ok && <p className="form-error">{t(`errors.${live.code}`, { max: 0 })}</p>}
      </div>
    </section>
  );
}

function ShareBox({ url, links }: { url: string; links: { whatsapp: string; telegram: string; email: string } }) {
  const t = useT();
  const [scripted, setScripted] = useState(false);
  const [canShare, setCanShare] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setScripted(true);
    setCanShare(typeof navigator.share === 'function');
  }, []);
  return (
    <section aria-labelledby="invitations-share" className="card">
      <h2 id="invitations-share">{t('events.invitations.share.heading')}</h2>
      <p>{t('events.invitations.share.lead')}</p>
      <div className="field">
        <label htmlFor="share-url">{t('events.invitations.share.url')}</label>
        <input id="share-url" readOnly value={url} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
      </div>
      {scripted && (
        <p className="invitations-share__buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => setCopied(true));
            }}
          >
            {t('events.invitations.share.copy')}
          </button>
          {canShare && (
            <button type="button" className="button" onClick={() => void navigator.share({ url }).catch(() => undefined)}>
              {t('events.invitations.share.native')}
            </button>
          )}
        </p>
      )}
      <p aria-live="polite">{copied ? t('events.invitations.share.copied') : ''}</p>
      <ul className="invitations-share__links">
        <li>
          <a href={links.whatsapp} rel="noopener noreferrer">
            {t('events.invitations.share.whatsapp')}
          </a>
        </li>
        <li>
          <a href={links.telegram} rel="noopener noreferrer">
            {t('events.invitations.share.telegram')}
          </a>
        </li>
        <li>
          <a href={links.email}>{t('events.invitations.share.email')}</a>
        </li>
      </ul>
      <p className="field__hint">{t('events.invitations.share.counting')}</p>
    </section>
  );
}

export default function EventInvitationsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const { list, title, preview, sendPreview, find, found, clusters, choice, share } = loaderData;
  const refusal = actionData?.refusal ?? loaderData.refusal;
  const counts = list.counts;
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const previewFor = (source: AddSource) => (preview?.source === source ? preview.result : null);
  const chosen = (source: AddSource, name: string) => (choice.source === source ? (choice[name] ?? '') : '');
  return (
    <article className="event-invitations" aria-labelledby="invitations-title">
      <EventTabs slug={list.event.slug} current="invitations" access={{ manage: true, checkIn: loaderData.checkIn }} />
      <p className="event-invitations__event" dir="auto">
        {title}
      </p>
      <h1 id="invitations-title">{t('events.invitations.title')}</h1>
      <p>{t('events.invitations.lead')}</p>

      {refusal && (
        <p className="form-error" role="alert">
          {t(`errors.${refusal.code}`, refusal.values)}
        </p>
      )}

      <section aria-labelledby="invitations-balance" className="card">
        <h2 id="invitations-balance">{t('events.invitations.balance.heading')}</h2>
        <BalanceSummary balance={list.balance} />
        <Form method="post" className="form invitations-target">
          <div className="field">
            <label htmlFor="women-target">{t('events.invitations.target.label')}</label>
            <p id="women-target-hint" className="field__hint">
              {t('events.invitations.target.hint')}
            </p>
            <input
              id="women-target"
              name="womenTargetPercent"
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              defaultValue={list.event.womenTargetPercent}
              aria-describedby="women-target-hint"
            />
          </div>
          <button type="submit" name="intent" value="target" className="button" disabled={busy}>
            {t('events.invitations.target.save')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="invitations-add">
        <h2 id="invitations-add">{t('events.invitations.add.heading')}</h2>
        <AddForm
          slug={list.event.slug}
          source="view"
          heading={t('events.invitations.add.view')}
          hint={t('events.invitations.add.view.hint')}
          preview={previewFor('view')}
          choice={choice}
        >
          <div className="field">
            <label htmlFor="add-view-query">{t('events.invitations.add.view.query')}</label>
            <input id="add-view-query" name="query" defaultValue={chosen('view', 'query')} dir="ltr" />
          </div>
        </AddForm>
        <AddForm
          slug={list.event.slug}
          source="cluster"
          heading={t('events.invitations.add.cluster')}
          hint={t('events.invitations.add.cluster.hint')}
          preview={previewFor('cluster')}
          choice={choice}
        >
          <div className="field">
            <label htmlFor="add-cluster">{t('events.invitations.add.cluster.label')}</label>
            <select id="add-cluster" name="cluster" defaultValue={chosen('cluster', 'cluster')}>
              {clusters.map((cluster) => (
                <option key={cluster.slug} value={cluster.slug}>
                  {cluster.name} ({regions.of(cluster.countryIso2) ?? cluster.countryIso2})
                </option>
              ))}
            </select>
          </div>
        </AddForm>
        <AddForm
          slug={list.event.slug}
          source="twins"
          heading={t('events.invitations.add.twins')}
          hint={t('events.invitations.add.twins.hint')}
          preview={previewFor('twins')}
          choice={choice}
        >
          <fieldset className="field">
            <legend>{t('events.invitations.add.twins.of')}</legend>
            {(['cluster', 'organisation'] as const).map((kind) => (
              <label key={kind} className="choice">
                <input type="radio" name="twinsOf" value={kind} defaultChecked={(chosen('twins', 'twinsOf') || 'cluster') === kind} />
                {t(`events.invitations.add.twins.of.${kind}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="add-twins-slug">{t('events.invitations.add.twins.slug')}</label>
            <p id="add-twins-slug-hint" className="field__hint">
              {t('events.invitations.add.twins.slug.hint')}
            </p>
            <input
              id="add-twins-slug"
              name="slug"
              list="invitation-cluster-slugs"
              defaultValue={chosen('twins', 'slug') || list.event.hostClusterSlug || ''}
              aria-describedby="add-twins-slug-hint"
              dir="ltr"
            />
            <datalist id="invitation-cluster-slugs">
              {clusters.map((cluster) => (
                <option key={cluster.slug} value={cluster.slug}>
                  {cluster.name}
                </option>
              ))}
            </datalist>
          </div>
        </AddForm>

        <section aria-labelledby="add-organisation-heading" className="card invitations-add">
          <h3 id="add-organisation-heading">{t('events.invitations.add.organisation')}</h3>
          <Form method="get" className="form invitations-find">
            <div className="field">
              <label htmlFor="find-organisation">{t('events.invitations.add.organisation.find')}</label>
              <input id="find-organisation" name="find" type="search" defaultValue={find} dir="auto" />
            </div>
            <button type="submit" className="button">
              {t('events.invitations.add.organisation.search')}
            </button>
          </Form>
          {found &&
            (found.length === 0 ? (
              <p role="status">{t('events.invitations.add.organisation.none')}</p>
            ) : (
              <ul className="invitations-found" aria-label={t('events.invitations.add.organisation.results')}>
                {found.map((organisation) => (
                  <li key={organisation.id}>
                    <bdi>{organisation.name}</bdi> ({regions.of(organisation.countryIso2) ?? organisation.countryIso2})
                    <Form method="post">
                      <input type="hidden" name="source" value="organisation" />
                      <input type="hidden" name="organisationId" value={organisation.id} />
                      <input type="hidden" name="locale" value={locale} />
                      <button type="submit" name="intent" value="add" className="button" disabled={busy}>
                        {t('events.invitations.add.organisation.add')}
                        <span className="visually-hidden"> {organisation.name}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ))}
        </section>
      </section>

      <section aria-labelledby="invitations-send" className="card">
        <h2 id="invitations-send">{t('events.invitations.send.heading')}</h2>
        <dl className="invitations-counts" data-testid="invitation-counts">
          {(['listed', 'sent', 'opened', 'registered', 'declined', 'awaiting'] as const).map((key) => (
            <div key={key}>
              <dt>{t(`events.invitations.counts.${key}`)}</dt>
              <dd data-count={key}>{format(counts[key])}</dd>
            </div>
          ))}
        </dl>
        {list.event.status !== 'published' && <p>{t('events.invitations.send.unpublished')}</p>}
        <Form method="get" className="invitations-send__prepare">
          <button type="submit" name="send" value="new" className="button" disabled={counts.sendable === 0}>
            {t('events.invitations.send.prepare', { count: counts.sendable })}
          </button>{' '}
          <button type="submit" name="send" value="resend" className="button" disabled={counts.awaiting === 0}>
            {t('events.invitations.send.prepareResend', { count: counts.awaiting })}
          </button>
        </Form>
        {sendPreview && (
          <div className="invitations-send__preview" role="status">
            <p>
              {t(sendPreview.mode === 'new' ? 'events.invitations.send.summary' : 'events.invitations.send.summaryResend', {
                count: sendPreview.recipients,
                ar: sendPreview.byLocale.ar,
                fr: sendPreview.byLocale.fr,
                en: sendPreview.byLocale.en,
              })}{' '}
              {sendPreview.mode === 'new' && t('events.invitations.send.withoutAddress', { count: sendPreview.withoutAddress })}
            </p>
            {sendPreview.recipients > 0 && (
              <Form method="post">
                <button
                  type="submit"
                  name="intent"
                  value={sendPreview.mode === 'new' ? 'send' : 'resend'}
                  className="button button--primary"
                  disabled={busy}
                >
                  {t(sendPreview.mode === 'new' ? 'events.invitations.send.confirm' : 'events.invitations.send.confirmResend', {
                    count: sendPreview.recipients,
                  })}
                </button>
              </Form>
            )}
          </div>
        )}
      </section>

      <ShareBox url={share.url} links={share.links} />

      <section aria-labelledby="invitations-list">
        <h2 id="invitations-list">{t('events.invitations.list.heading')}</h2>
        {list.entries.length === 0 ? (
          <p>{t('events.invitations.list.empty')}</p>
        ) : (
          <ScrollTable id="invitations-table" caption={t('events.invitations.list.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('events.invitations.column.organisation')}</th>
                <th scope="col">{t('events.invitations.column.name')}</th>
                <th scope="col">{t('events.invitations.column.email')}</th>
                <th scope="col">{t('events.invitations.column.country')}</th>
                <th scope="col">{t('events.invitations.column.gender')}</th>
                <th scope="col">{t('events.invitations.column.state')}</th>
                <th scope="col">{t('events.invitations.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((entry) => (
                <tr key={entry.id} data-email={entry.email ?? ''} data-state={entry.state}>
                  <td dir="auto">{entry.organisation ?? ''}</td>
                  <td dir="auto">{entry.name ?? ''}</td>
                  <td dir="ltr">{entry.email ?? t('events.invitations.list.noEmail')}</td>
                  <td>{entry.countryIso2 ? (regions.of(entry.countryIso2) ?? entry.countryIso2) : ''}</td>
                  <td>{t(`events.invitations.gender.${entry.genderGroup}`)}</td>
                  <td>
                    {t(`events.invitations.state.${entry.state}`)}
                    {entry.sentAt && entry.state !== 'listed' && (
                      <span className="invitations-when"> {dateTime.format(new Date(entry.sentAt))}</span>
                    )}
                  </td>
                  <td>
                    {entry.state !== 'revoked' && (
                      <Form method="post">
                        <input type="hidden" name="id" value={entry.id} />
                        <button type="submit" name="intent" value="remove" className="button" disabled={busy}>
                          {t(entry.sentAt ? 'events.invitations.list.revoke' : 'events.invitations.list.remove')}
                          <span className="visually-hidden"> {entry.name ?? entry.organisation ?? entry.email ?? ''}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
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
