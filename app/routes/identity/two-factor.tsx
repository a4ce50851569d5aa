/**
 * /{locale}/account/two-factor: set up TOTP two-factor (password, then a QR code and the secret as
 * text, then a code from the app to confirm; backup codes are shown once), get new backup codes, or
 * turn it off. `?required=1` (from the staff gate) explains why staff must set it up first.
 */
import { data, Form, Link } from 'react-router';
import { AccountNav } from '#app/modules/identity/components/account-nav.tsx';
import { ErrorSummary, type FormFailure, SubmitButton, TextField, useFieldErrors } from '#app/modules/identity/components/form-fields.tsx';
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  presentTotpSetup,
  regenerateBackupCodes,
  requireAccountPage,
  safeRedirectPath,
  startTwoFactorSetup,
  type TotpSetupView,
} from '#app/modules/identity/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { needsTwoFactorSetup } from '#app/shared/auth/can.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/two-factor';
import { localeOf, readForm, refuse, withCookies } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.twoFactor.title');
export const headers = noStore;

export function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const search = new URL(request.url).searchParams;
  return {
    enabled: actor.twoFactorEnabled,
    required: !actor.twoFactorEnabled && (search.get('required') === '1' || needsTwoFactorSetup(actor)),
    continueTo: safeRedirectPath(search.get('redirectTo'), `/${locale}/account`),
  };
}

type TwoFactorAction =
  | { step: 'confirm'; setup: TotpSetupView; failure?: FormFailure }
  | { step: 'codes'; backupCodes: string[]; justEnabled: boolean };

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const values = await readForm(request);
  try {
    switch (values.intent) {
      case 'start': {
        const result: TwoFactorAction = { step: 'confirm', setup: await startTwoFactorSetup(actor, request.headers, values) };
        return result;
      }
      case 'confirm':
        return await confirm(actor, request, values);
      case 'regenerate': {
        const { backupCodes } = await regenerateBackupCodes(actor, request.headers, values);
        const result: TwoFactorAction = { step: 'codes', backupCodes, justEnabled: false };
        return result;
      }
      case 'disable': {
        const { cookies } = await disableTwoFactor(actor, request.headers, values);
        return redirectWithFlash(
          `/${locale}/account/two-factor`,
          { key: 'identity.flash.twoFactorDisabled', kind: 'success' },
          { headers: withCookies(cookies) },
        );
      }
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    return refuse(error, values);
  }
}

/** A wrong code shows the same QR code again (from the URI the form posted back) with the error. */
async function confirm(actor: Actor, request: Request, values: Record<string, string>) {
  const setup = await presentTotpSetup(values.totpUri ?? '');
  try {
    const { cookies, backupCodes } = await confirmTwoFactorSetup(actor, request.headers, values);
    const result: TwoFactorAction = { step: 'codes', backupCodes, justEnabled: true };
    return data(result, { headers: withCookies(cookies) });
  } catch (error) {
    const refused = refuse(error, values);
    const result: TwoFactorAction = { step: 'confirm', setup, failure: refused.data.failure };
    return data(result, { status: refused.init?.status });
  }
}

export default function TwoFactorPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { enabled, required, continueTo } = loaderData;
  const outcome = actionData && 'step' in actionData ? actionData : undefined;
  const failure = actionData && 'failure' in actionData ? (actionData.failure as FormFailure | undefined) : undefined;
  return (
    <div className="account-page">
      <h1>{t('identity.twoFactor.title')}</h1>
      <AccountNav />
      {required && !outcome && (
        <div className="notice" role="note">
          <p>{t('identity.twoFactor.required')}</p>
        </div>
      )}
      {outcome?.step === 'codes' ? (
        <BackupCodes codes={outcome.backupCodes} justEnabled={outcome.justEnabled} continueTo={continueTo} />
      ) : outcome?.step === 'confirm' ? (
        <ConfirmSetup setup={outcome.setup} failure={outcome.failure} />
      ) : enabled ? (
        <ManageTwoFactor failure={failure} />
      ) : (
        <StartSetup failure={failure} />
      )}
    </div>
  );
}

function PasswordForm({ intent, failure, submit, danger }: { intent: string; failure?: FormFailure; submit: string; danger?: boolean }) {
  const t = useT();
  const fieldError = useFieldErrors(failure?.values.intent === intent ? failure : undefined);
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <TextField
        name="password"
        id={`${intent}-password`}
        type="password"
        label={t('identity.field.password')}
        hint={t('identity.twoFactor.passwordHint')}
        autoComplete="current-password"
        required
        error={fieldError('password')}
      />
      <SubmitButton variant={danger ? 'danger' : 'primary'}>{submit}</SubmitButton>
    </Form>
  );
}

function StartSetup({ failure }: { failure?: FormFailure }) {
  const t = useT();
  return (
    <section aria-labelledby="two-factor-start">
      <h2 id="two-factor-start">{t('identity.twoFactor.start.title')}</h2>
      <p>{t('identity.twoFactor.start.lead')}</p>
      <ErrorSummary failure={failure} />
      <PasswordForm intent="start" failure={failure} submit={t('identity.twoFactor.start.submit')} />
    </section>
  );
}

function ConfirmSetup({ setup, failure }: { setup: TotpSetupView; failure?: FormFailure }) {
  const t = useT();
  const fieldError = useFieldErrors(failure);
  const groupedSecret = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;
  return (
    <section aria-labelledby="two-factor-confirm">
      <h2 id="two-factor-confirm">{t('identity.twoFactor.confirm.title')}</h2>
      <ol className="steps">
        <li>
          <p>{t('identity.twoFactor.confirm.scan')}</p>
          <img className="qr-code" src={setup.qrCode} alt={t('identity.twoFactor.confirm.qrAlt')} width={220} height={220} />
        </li>
        <li>
          <p>{t('identity.twoFactor.confirm.manual')}</p>
          <code className="secret" translate="no">
            {groupedSecret}
          </code>
        </li>
        <li>
          <p>{t('identity.twoFactor.confirm.enterCode')}</p>
          <ErrorSummary failure={failure} labels={{ code: t('identity.field.appCode') }} />
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="totpUri" value={setup.totpUri} />
            <TextField
              name="code"
              label={t('identity.field.appCode')}
              hint={t('identity.twoFactor.confirm.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              dir="ltr"
              error={fieldError('code')}
            />
            <SubmitButton>{t('identity.twoFactor.confirm.submit')}</SubmitButton>
          </Form>
        </li>
      </ol>
    </section>
  );
}

function BackupCodes({ codes, justEnabled, continueTo }: { codes: string[]; justEnabled: boolean; continueTo: string }) {
  const t = useT();
  return (
    <section aria-labelledby="backup-codes-title">
      {justEnabled && (
        <div className="flash flash--success" role="status">
          {t('identity.twoFactor.enabled')}
        </div>
      )}
      <h2 id="backup-codes-title">{t('identity.twoFactor.codes.title')}</h2>
      <p>{t('identity.twoFactor.codes.lead')}</p>
      <ul className="backup-codes" translate="no">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <Link className="button button--primary" to={continueTo}>
          {t('identity.twoFactor.codes.continue')}
        </Link>
      </p>
    </section>
  );
}

function ManageTwoFactor({ failure }: { failure?: FormFailure }) {
  const t = useT();
  return (
    <>
      <p className="status-on">{t('identity.twoFactor.on')}</p>
      <ErrorSummary failure={failure} />
      <section aria-labelledby="two-factor-regenerate">
        <h2 id="two-factor-regenerate">{t('identity.twoFactor.regenerate.title')}</h2>
        <p>{t('identity.twoFactor.regenerate.lead')}</p>
        <PasswordForm intent="regenerate" failure={failure} submit={t('identity.twoFactor.regenerate.submit')} />
      </section>
      <section aria-labelledby="two-factor-disable">
        <h2 id="two-factor-disable">{t('identity.twoFactor.disable.title')}</h2>
        <p>{t('identity.twoFactor.disable.lead')}</p>
        <PasswordForm intent="disable" failure={failure} submit={t('identity.twoFactor.disable.submit')} danger />
      </section>
    </>
  );
}
