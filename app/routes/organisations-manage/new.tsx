/**
 * /{locale}/organisations/new: propose an organisation (members) or add one (programme staff, who
 * publish at once). A member's proposal waits for programme staff; they are told by mail.
 */
import { OrganisationForm } from '#app/modules/directory/components/manage-organisation-form.tsx';
import { createOrganisation, formStateFromForm, organisationInputFromForm, publishesDirectly } from '#app/modules/directory/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/new';
import { noStore, organisationFormChoices, refuse, requireSignedIn } from './manage.server.ts';
import '#app/styles/organisations-manage.css';

export const meta = titled('directory.manage.new.title', 'directory.manage.new.lead');
export const headers = noStore;

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = requireSignedIn(args);
  return {
    choices: await organisationFormChoices(),
    // Staff publish directly, members propose: the page says which will happen.
    publishes: publishesDirectly(actor),
    emailVerified: actor.emailVerified,
    defaults: { sourceLocale: locale, workingLanguages: [locale] },
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = requireSignedIn(args);
  const values = formStateFromForm(await args.request.formData());
  const input = organisationInputFromForm(values, 'create');
  try {
    const created = await createOrganisation(actor, input);
    if (created.status === 'published') {
      return redirectWithFlash(`/${locale}/organisations/${created.slug}`, { key: 'directory.manage.flash.created', kind: 'success' });
    }
    return redirectWithFlash(`/${locale}/organisations`, { key: 'directory.manage.flash.proposed', kind: 'success' });
  } catch (error) {
    return refuse(error, values, input);
  }
}

export default function NewOrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { choices, publishes, emailVerified, defaults } = loaderData;
  return (
    <div className="manage-page">
      <h1>{t('directory.manage.new.title')}</h1>
      <p className="lead">{t(publishes ? 'directory.manage.new.leadStaff' : 'directory.manage.new.lead')}</p>
      {emailVerified ? (
        <OrganisationForm
          choices={choices}
          values={defaults}
          failure={actionData?.failure}
          submitLabel={t(publishes ? 'directory.manage.new.submitStaff' : 'directory.manage.new.submit')}
        />
      ) : (
        <p className="form-error">{t('directory.manage.new.verifyFirst')}</p>
      )}
    </div>
  );
}
