/**
 * /{locale}/clusters/{slug}/edit: the cluster's profile as a plain form, for its managers and
 * programme staff. Names, descriptions, cities and facts in any of the three languages (one is
 * enough); facts keep their source. Saving sends only what the form holds; a refusal or a bad
 * value changes nothing and says why beside the field.
 */
import { useEffect, useRef } from 'react';
import { data, Form, Link, useNavigation } from 'react-router';
import { ClusterProfileFields, describedBy, ErrorText } from '#app/modules/directory/components/cluster-form.tsx';
import { canManageCluster, getCluster, removeClusterImage, updateCluster, uploadClusterImages } from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import type { Route } from './+types/edit';
import { clusterFormValueOf, clusterPatchOf, readClusterForm } from './cluster-form.ts';
import { asErrorResponse, clusterFormChoices, formFailure } from './cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from './meta.ts';
import '#app/styles/clusters.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'directory.clusters.edit.title');
  const name = loaderData ? textIn(loaderData.cluster.name, localeOf(params), loaderData.cluster.sourceLocale) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title);
};

/** The form's page is personal (a manager's view) and must never be cached. */
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const [cluster, choices] = await Promise.all([getCluster(actor, params.slug).catch(asErrorResponse), clusterFormChoices('any')]);
  if (!canManageCluster(actor, cluster)) throw new Response(null, { status: 403 });
  // Images are served at /media/<file id>: the id is what the remove buttons name.
  const fileId = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  const images = [
    ...(cluster.logoUrl ? [{ id: fileId(cluster.logoUrl), url: cluster.logoUrl, n: 0 }] : []),
    ...cluster.photoUrls.map((url, index) => ({ id: fileId(url), url, n: index + 1 })),
  ];
  return {
    cluster: { slug: cluster.slug, name: cluster.name, sourceLocale: cluster.sourceLocale },
    value: clusterFormValueOf(cluster),
    choices,
    images,
  };
}

async function uploadsOf(form: FormData) {
  const upload = async (value: FormDataEntryValue | null) =>
    value instanceof File && value.size > 0 ? { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } : null;
  const photos = await Promise.all(form.getAll('photos').map(upload));
  return { logo: await upload(form.get('logo')), photos: photos.filter((photo) => photo !== null) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? 'profile');
  const here = `/${locale}/clusters/${params.slug}/edit`;
  if (intent === 'images' || intent === 'removeImage') {
    try {
      if (intent === 'images') await uploadClusterImages(actor, params.slug, await uploadsOf(form));
      else await removeClusterImage(actor, params.slug, String(form.get('fileId') ?? ''));
    } catch (error) {
      const { status, ...failure } = formFailure(error);
      return data({ intent, value: null, ...failure }, { status });
    }
    const key = intent === 'images' ? 'directory.clusters.images.saved' : 'directory.clusters.images.removed';
    return redirectWithFlash(`${here}#images`, { key, kind: 'success' });
  }
  const value = readClusterForm(form, locale);
  try {
    await updateCluster(actor, params.slug, clusterPatchOf(value));
  } catch (error) {
    const { status, ...failure } = formFailure(error);
    return data({ intent, value, ...failure }, { status });
  }
  return redirectWithFlash(`/${locale}/clusters/${params.slug}`, { key: 'directory.clusters.edit.saved', kind: 'success' });
}

export default function ClusterEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { cluster, value, choices, images } = loaderData;
  const profileFailure = actionData && actionData.intent === 'profile' ? actionData : undefined;
  const imageFailure = actionData && actionData.intent !== 'profile' ? actionData : undefined;
  const errors: Record<string, string> = profileFailure?.fieldErrors ?? {};
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actionData) summary.current?.focus();
  }, [actionData]);
  const name = textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug);

  return (
    <div className="cluster-edit">
      <p className="cluster-card__meta">
        <Link to={`/${locale}/clusters/${cluster.slug}`}>{name}</Link>
      </p>
      <h1>{t('directory.clusters.edit.title')}</h1>
      <Form method="post" className="form" key={profileFailure ? 'failed' : 'fresh'}>
        <input type="hidden" name="intent" value="profile" />
        {profileFailure && (
          <p className="form-error" role="alert" tabIndex={-1} ref={summary}>
            {t(profileFailure.formError)}
          </p>
        )}
        <ClusterProfileFields value={profileFailure?.value ?? value} choices={choices} locale={locale} errors={errors} />

        <p>
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {t('directory.clusters.edit.save')}
          </button>{' '}
          <Link to={`/${locale}/clusters/${cluster.slug}`}>{t('directory.clusters.edit.cancel')}</Link>
        </p>
      </Form>
      <ClusterImagesForm images={images} name={name} failure={imageFailure} />
    </div>
  );
}

function ClusterImagesForm({
  images,
  name,
  failure,
}: {
  images: { id: string; url: string; n: number }[];
  name: string;
  failure: { fieldErrors: Record<string, string>; formError: string } | undefined;
}) {
  const t = useT();
  const navigation = useNavigation();
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (failure) alert.current?.focus();
  }, [failure]);
  const logoError = failure?.fieldErrors.logo;
  const photosError = failure?.fieldErrors.photos;
  return (
    <section id="images" aria-labelledby="cluster-images-title">
      <h2 id="cluster-images-title">{t('directory.clusters.images.title')}</h2>
      <p className="field__hint" id="cluster-images-hint">
        {t('directory.clusters.images.hint')}
      </p>
      {failure && (
        <p className="form-error" role="alert" tabIndex={-1} ref={alert}>
          {t(failure.formError)}
        </p>
      )}
      {images.length > 0 && (
        <ul className="cluster-photos">
          {images.map((image) => (
            <li key={image.id}>
              <img
                src={image.url}
                alt={
                  image.n === 0
                    ? t('directory.clusters.images.logoAlt', { name })
                    : t('directory.clusters.profile.photoAlt', { name, number: image.n })
                }
                loading="lazy"
              />
              <Form method="post">
                <input type="hidden" name="intent" value="removeImage" />
                <input type="hidden" name="fileId" value={image.id} />
                <button type="submit" className="button button--danger" disabled={navigation.state === 'submitting'}>
                  {image.n === 0
                    ? t('directory.clusters.images.removeLogo')
                    : t('directory.clusters.images.removePhoto', { number: image.n })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" encType="multipart/form-data" className="form">
        <input type="hidden" name="intent" value="images" />
        <div className="field">
          <label htmlFor="cluster-logo">{t('directory.clusters.images.logo')}</label>
          <input
            id="cluster-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={logoError ? true : undefined}
            aria-describedby={describedBy('cluster-logo', logoError, 'cluster-images-hint')}
          />
          <ErrorText id="cluster-logo-error" error={logoError} />
        </div>
        <div className="field">
          <label htmlFor="cluster-photos">{t('directory.clusters.images.photos')}</label>
          <input
            id="cluster-photos"
            name="photos"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={photosError ? true : undefined}
            aria-describedby={describedBy('cluster-photos', photosError, 'cluster-images-hint')}
          />
          <ErrorText id="cluster-photos-error" error={photosError} />
        </div>
        <p>
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {t('directory.clusters.images.submit')}
          </button>
        </p>
      </Form>
    </section>
  );
}
