/** /{locale}/account/sessions: where the account is signed in; sign out one session or all the others. */
import { FormattedDate } from 'react-intl';
import { Form } from 'react-router';
import { AccountNav } from '#app/modules/identity/components/account-nav.tsx';
import type { FormFailure } from '#app/modules/identity/components/form-fields.tsx';
import { listSessions, requireAccountPage, revokeOtherSessions, revokeSession } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { Route } from './+types/sessions';
import { localeOf, readForm, refuse } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.sessions.title');
export const headers = noStore;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = requireAccountPage(context.get(requestContext).actor, localeOf(params), request);
  return { sessions: await listSessions(actor) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const values = await readForm(request);
  const here = `/${locale}/account/sessions`;
  try {
    if (values.intent === 'revoke-others') {
      await revokeOtherSessions(actor);
      return redirectWithFlash(here, { key: 'identity.flash.otherSessionsRevoked', kind: 'success' });
    }
    await revokeSession(actor, values.sessionId ?? '');
    return redirectWithFlash(here, { key: 'identity.flash.sessionRevoked', kind: 'success' });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function SessionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure: FormFailure | undefined = actionData?.failure;
  const { sessions } = loaderData;
  const others = sessions.filter((s) => !s.current).length;
  const deviceName = (device: { browser: string | null; os: string | null }) =>
    device.browser && device.os
      ? t('identity.sessions.deviceOn', { browser: device.browser, os: device.os })
      : (device.browser ?? device.os ?? t('identity.sessions.unknownDevice'));
  return (
    <div className="account-page account-page--wide">
      <h1>{t('identity.sessions.title')}</h1>
      <AccountNav />
      <p className="lead">{t('identity.sessions.lead')}</p>
      {failure && (
        <div className="form-error" role="alert">
          <p>{t(`errors.${failure.code}`)}</p>
        </div>
      )}
      <ScrollTable
        id="sessions"
        caption={t('identity.sessions.caption', { count: sessions.length })}
        tableClassName="session-table"
        captionClassName="visually-hidden"
      >
        <thead>
          <tr>
            <th scope="col">{t('identity.sessions.device')}</th>
            <th scope="col">{t('identity.sessions.address')}</th>
            <th scope="col">{t('identity.sessions.signedInAt')}</th>
            <th scope="col">{t('identity.sessions.lastActive')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('identity.sessions.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                {deviceName(session.device)}
                {session.current && <span className="badge">{t('identity.sessions.current')}</span>}
              </th>
              <td>
                <span dir="ltr">{session.ipAddress ?? t('identity.sessions.unknownAddress')}</span>
              </td>
              <td>
                <FormattedDate value={session.createdAt} dateStyle="medium" timeStyle="short" />
              </td>
              <td>
                <FormattedDate value={session.lastActiveAt} dateStyle="medium" timeStyle="short" />
              </td>
              <td>
                {!session.current && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" className="button button--danger">
                      {t('identity.sessions.revoke')}
                      <span className="visually-hidden"> ({deviceName(session.device)})</span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {others > 0 && (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="revoke-others" />
          <button type="submit" className="button button--danger">
            {t('identity.sessions.revokeOthers', { count: others })}
          </button>
        </Form>
      )}
    </div>
  );
}
