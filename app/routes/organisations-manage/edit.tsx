/**
 * /{locale}/organisations/:slug/edit: the full profile form for those who manage the organisation
 * (its admins, programme staff), and its logo and photos (a separate multipart form). Anyone else
 * gets a 403 page: the service refuses them anyway.
 */
import { data, Form, Link } from 'react-router';
import { FieldError, fieldDomId, type ManageFailure } from '#app/modules/directory/components/manage-fields.tsx';
import { ManageNav } from '#app/modules/directory/components/manage-nav.tsx';
import { OrganisationForm } from '#app/modules/directory/components/manage-organisation-form.tsx';
import {
  formStateFromForm,
  formStateOf,
  getOrganisationForEdit,
  type ImageUpload,
  mediaUrl,
  organisationInputFromForm,
  removeOrganisationImage,
  updateOrganisation,
  uploadOrganisationImages,
} from '#app/modules/directory/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/edit';
import { asErrorResponse, noStore, organisationFormChoices, refuse, requireSignedIn } from './manage.server.ts';
import '#app/styles/organisations-manage.css';

export const meta = titled('directory.manage.edit.title', 'directory.manage.edit.lead');
export const headers = noStore;

export async function loader(args: Route.LoaderArgs) {
  const { actor } = requireSignedIn(args);
  const slug = args.params.slug;
  const [edit, choices] = await Promise.all([getOrganisationForEdit(actor, slug).catch(asErrorResponse), organisationFormChoices()]);
  const { values, profile } = edit;
  return {
    slug,
    name: profile.name,
    sourceLocale: profile.sourceLocale,
    status: values.status,
    formValues: formStateOf(values),
    choices,
    logo: values.logoFileId ? { id: values.logoFileId, url: mediaUrl(values.logoFileId) } : null,
    photos: values.photoFileIds.map((id) => ({ id, url: mediaUrl(id) })),
  };
}

async function imagesOf(form: FormData): Promise<{ logo: ImageUpload | null; photos: ImageUpload[] }> {
  const upload = async (value: FormDataEntryValue | null): Promise<ImageUpload | null> =>
    value instanceof File && value.size > 0 ? { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } : null;
  const photos = await Promise.all(form.getAll('photos').map(upload));
  return { logo: await upload(form.get('logo')), photos: photos.filter((photo): photo is ImageUpload => photo !== null) };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const here = `/${locale}/organisations/${slug}/edit`;
  const form = await args.request.formData();
  const intent = form.get('intent');
  if (intent === 'images') {
    try {
      await uploadOrganisationImages(actor, slug, await imagesOf(form));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'COMMON_VALIDATION_FAILED') asErrorResponse(error);
      const fields = Object.fromEntries((error.details?.fields ?? []).map((f) => [f.field.split('.')[0], f.code]));
      return data({ imageFailure: fields }, { status: 400 });
    }
    return redirectWithFlash(`${here}#images`, { key: 'directory.manage.flash.imagesSaved', kind: 'success' });
  }
  if (intent === 'remove-image') {
    await removeOrganisationImage(actor, slug, String(form.get('fileId') ?? '')).catch(asErrorResponse);
    return redirectWithFlash(`${here}#images`, { key: 'directory.manage.flash.imageRemoved', kind: 'success' });
  }
  const values = formStateFromForm(form);
  const input = organisationInputFromForm(values, 'patch');
  try {
    await updateOrganisation(actor, slug, input);
  } catch (error) {
    return refuse(error, values, input);
  }
  return redirectWithFlash(`/${locale}/organisations/${slug}`, { key: 'directory.manage.flash.saved', kind: 'success' });
}

export default function EditOrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { slug, name, sourceLocale, status, formValues, choices, logo, photos } = loaderData;
  const failure: ManageFailure | undefined = actionData && 'failure' in actionData ? actionData.failure : undefined;
  const imageFailure: Record<string, string> | undefined = actionData && 'imageFailure' in actionData ? actionData.imageFailure : undefined;
  return (
    <div className="manage-page">
      <p className="manage-page__context">
        <Link to={`/${locale}/organisations/${slug}`}>
          <TranslatedText value={name} sourceLocale={sourceLocale} />
        </Link>
      </p>
      <h1>{t('directory.manage.edit.title')}</h1>
      <ManageNav slug={slug} current="edit" />
      {status !== 'published' && <p className="manage-status">{t(`directory.status.${status}`)}</p>}
      <OrganisationForm choices={choices} values={formValues} failure={failure} submitLabel={t('directory.manage.edit.submit')} />
      <ImagesSection logo={logo} photos={photos} failure={imageFailure} />
    </div>
  );
}

function ImagesSection({
  logo,
  photos,
  failure,
}: {
  logo: { id: string; url: string } | null;
  photos: { id: string; url: string }[];
  failure: Record<string, string> | undefined;
}) {
  const t = useT();
  const logoId = fieldDomId('logo');
  const photosId = fieldDomId('photos');
  return (
    <section id="images" aria-labelledby="images-title" className="manage-images">
      <h2 id="images-title">{t('directory.manage.images.title')}</h2>
      <p className="field__hint" id="images-hint">
        {t('directory.manage.images.hint')}
      </p>
      {(logo || photos.length > 0) && (
        <ul className="manage-images__list">
          {[...(logo ? [{ ...logo, n: 0 }] : []), ...photos.map((photo, index) => ({ ...photo, n: index + 1 }))].map((image) => (
            <li key={image.id} className="card">
              <img
                src={image.url}
                alt={t(image.n === 0 ? 'directory.manage.images.logoAlt' : 'directory.manage.images.photoAlt', { n: image.n })}
              />
              <Form method="post">
                <input type="hidden" name="intent" value="remove-image" />
                <input type="hidden" name="fileId" value={image.id} />
                <button type="submit" className="button button--danger">
                  {t(image.n === 0 ? 'directory.manage.images.removeLogo' : 'directory.manage.images.removePhoto', { n: image.n })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" encType="multipart/form-data" className="form">
        <input type="hidden" name="intent" value="images" />
        {failure && (
          <p className="form-error" role="alert">
            {t('errors.COMMON_VALIDATION_FAILED')}
          </p>
        )}
        <div className="field">
          <label htmlFor={logoId}>{t('directory.manage.images.logo')}</label>
          <FieldError id={logoId} code={failure?.logo} />
          <input
            id={logoId}
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={['images-hint', failure?.logo ? `${logoId}-error` : null].filter(Boolean).join(' ')}
            aria-invalid={failure?.logo ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={photosId}>{t('directory.manage.images.photos')}</label>
          <FieldError id={photosId} code={failure?.photos} />
          <input
            id={photosId}
            type="file"
            name="photos"
            multiple
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={['images-hint', failure?.photos ? `${photosId}-error` : null].filter(Boolean).join(' ')}
            aria-invalid={failure?.photos ? true : undefined}
          />
        </div>
        <div>
          <button type="submit" className="button">
            {t('directory.manage.images.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
