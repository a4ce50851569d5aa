/**
 * /{locale}/organisations/:slug/claim: a signed-in member asks to manage an organisation already
 * in the directory; programme staff check and decide, and the member is told by mail.
 */
import { Form, Link } from 'react-router';
import {
  FailureSummary,
  FieldError,
  fieldDomId,
  type ManageFailure,
  stringValue,
} from '#app/modules/directory/components/manage-fields.tsx';
import {
  CLAIM_MESSAGE_MAX_LENGTH,
  canManageOrganisation,
  claimOrganisation,
  formStateFromForm,
  getOrganisation,
} from '#app/modules/directory/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/claim';
import { asErrorResponse, noStore, refuse, requireSignedIn } from './manage.server.ts';
import '#app/styles/organisations-manage.css';

export const meta = titled('directory.manage.claim.title', 'directory.manage.claim.lead');
export const headers = noStore;

export async function loader(args: Route.LoaderArgs) {
  const { actor } = requireSignedIn(args);
  const organisation = await getOrganisation(actor, args.params.slug).catch(asErrorResponse);
  return {
    slug: organisation.slug,
    name: organisation.name,
    sourceLocale: organisation.sourceLocale,
    alreadyManages: canManageOrganisation(actor, organisation),
    emailVerified: actor.emailVerified,
    messageMax: CLAIM_MESSAGE_MAX_LENGTH,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = requireSignedIn(args);
  const values = formStateFromForm(await args.request.formData());
  try {
    await claimOrganisation(actor, args.params.slug, { message: stringValue(values, 'message') });
  } catch (error) {
    return refuse(error, values);
  }
  return redirectWithFlash(`/${locale}/organisations/${args.params.slug}`, { key: 'directory.manage.flash.claimSent', kind: 'success' });
}

export default function ClaimOrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { slug, name, sourceLocale, alreadyManages, emailVerified, messageMax } = loaderData;
  const failure: ManageFailure | undefined = actionData?.failure;
  const messageId = fieldDomId('message');
  const messageError = failure?.fields.message;
  const organisationName = <TranslatedText key="name" value={name} sourceLocale={sourceLocale} />;
  return (
    <div className="manage-page">
      <h1>{t('directory.manage.claim.heading', { name: <bdi key="name">{organisationName}</bdi> })}</h1>
      <p className="lead">{t('directory.manage.claim.lead')}</p>
      {alreadyManages ? (
        <p>
          {t('directory.manage.claim.alreadyManages')}{' '}
          <Link to={`/${locale}/organisations/${slug}/edit`}>{t('directory.manage.nav.edit')}</Link>
        </p>
      ) : !emailVerified ? (
        <p className="form-error">{t('directory.manage.new.verifyFirst')}</p>
      ) : (
        <Form method="post" className="form" noValidate>
          <FailureSummary failure={failure} labels={{ message: t('directory.manage.claim.message') }} />
          <div className="field">
            <label htmlFor={messageId}>{t('directory.manage.claim.message')}</label>
            <p id={`${messageId}-hint`} className="field__hint">
              {t('directory.manage.claim.messageHint')}
            </p>
            <FieldError id={messageId} code={messageError} />
            <textarea
              id={messageId}
              name="message"
              rows={5}
              dir="auto"
              maxLength={messageMax}
              defaultValue={failure ? stringValue(failure.values, 'message') : ''}
              aria-invalid={messageError ? true : undefined}
              aria-describedby={[`${messageId}-hint`, messageError ? `${messageId}-error` : null].filter(Boolean).join(' ')}
            />
          </div>
          <div>
            <button type="submit" className="button button--primary">
              {t('directory.manage.claim.submit')}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
