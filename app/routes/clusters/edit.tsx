/**
 * /{locale}/clusters/{slug}/edit: the cluster's profile as a plain form, for its managers and
 * programme staff. Names, descriptions, cities and facts in any of the three languages (one is
 * enough); facts keep their source. Saving sends only what the form holds; a refusal or a bad
 * value changes nothing and says why beside the field.
 */
import { useEffect, useRef } from 'react';
import { data, Form, Link, useNavigation } from 'react-router';
import {
  CLUSTER_STAGES,
  type ClusterPatch,
  canManageCluster,
  getCluster,
  profileLinkSchema,
  removeClusterImage,
  updateCluster,
  uploadClusterImages,
} from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { type TranslatableValue, textIn } from '#app/shared/i18n/translatable.ts';
import type { Route } from './+types/edit';
import { asErrorResponse, referenceLabels } from './cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from './meta.ts';
import '#app/styles/clusters.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'directory.clusters.edit.title');
  const name = loaderData ? textIn(loaderData.cluster.name, localeOf(params), loaderData.cluster.sourceLocale) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title);
};

/** The form's page is personal (a manager's view) and must never be cached. */
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

const EXTRA_FACT_ROWS = 2;
const LINK_ROWS = 4;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const [cluster, labels] = await Promise.all([getCluster(actor, params.slug).catch(asErrorResponse), referenceLabels()]);
  if (!canManageCluster(actor, cluster)) throw new Response(null, { status: 403 });
  // Images are served at /media/<file id>: the id is what the remove buttons name.
  const fileId = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  const images = [
    ...(cluster.logoUrl ? [{ id: fileId(cluster.logoUrl), url: cluster.logoUrl, n: 0 }] : []),
    ...cluster.photoUrls.map((url, index) => ({ id: fileId(url), url, n: index + 1 })),
  ];
  return { cluster, labels, images, stages: [...CLUSTER_STAGES], linkKinds: [...profileLinkSchema.shape.kind.options] };
}

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

function translatable(form: FormData, name: string): TranslatableValue | null {
  const value: TranslatableValue = {};
  for (const lang of LOCALES) {
    const entry = text(form, `${name}.${lang}`);
    if (entry) value[lang] = entry;
  }
  return Object.keys(value).length > 0 ? value : null;
}

function coordinate(form: FormData, name: string): number | null | string {
  const raw = text(form, name);
  if (!raw) return null;
  const value = Number(raw.replace(',', '.'));
  // A non-number is passed on as text so validation names the field.
  return Number.isFinite(value) ? value : raw;
}

/** The whole form as a patch: every field is present, empty optional fields clear their value. */
function patchFrom(form: FormData): ClusterPatch {
  const facts = [];
  for (let i = 0; form.has(`fact.${i}.en`) || form.has(`fact.${i}.source`); i += 1) {
    const factText = translatable(form, `fact.${i}`);
    const source = text(form, `fact.${i}.source`);
    if (factText) facts.push({ text: factText, ...(source ? { sourceUrl: source } : {}) });
  }
  const links = [];
  for (let i = 0; form.has(`link.${i}.url`); i += 1) {
    const url = text(form, `link.${i}.url`);
    if (url) links.push({ kind: text(form, `link.${i}.kind`) as NonNullable<ClusterPatch['links']>[number]['kind'], url });
  }
  return {
    name: translatable(form, 'name') ?? {},
    description: translatable(form, 'description'),
    sourceLocale: text(form, 'sourceLocale') as Locale,
    countryIso2: text(form, 'countryIso2'),
    city: translatable(form, 'city'),
    latitude: coordinate(form, 'latitude') as number | null,
    longitude: coordinate(form, 'longitude') as number | null,
    subsectorCode: text(form, 'subsectorCode'),
    materialCodes: form.getAll('materialCodes').map(String),
    stage: text(form, 'stage') as ClusterPatch['stage'],
    anchorOrganisationSlug: text(form, 'anchorOrganisationSlug') || null,
    links,
    facts,
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
  try {
    if (intent === 'images') {
      await uploadClusterImages(actor, params.slug, await uploadsOf(form));
      return redirectWithFlash(`${here}#images`, { key: 'directory.clusters.images.saved', kind: 'success' });
    }
    if (intent === 'removeImage') {
      await removeClusterImage(actor, params.slug, String(form.get('fileId') ?? ''));
      return redirectWithFlash(`${here}#images`, { key: 'directory.clusters.images.removed', kind: 'success' });
    }
    await updateCluster(actor, params.slug, patchFrom(form));
  } catch (error) {
    if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403) asErrorResponse(error);
    if (error.code === 'DIRECTORY_CLUSTERS_NOT_FOUND') asErrorResponse(error);
    const fieldErrors = Object.fromEntries(
      (error.details?.fields ?? []).map((f) => [f.field.split('.')[0] ?? f.field, `errors.field.${f.code}`]),
    );
    return data({ intent, fieldErrors, formError: `errors.${error.code}` }, { status: error.status });
  }
  return redirectWithFlash(`/${locale}/clusters/${params.slug}`, { key: 'directory.clusters.edit.saved', kind: 'success' });
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  const t = useT();
  return error ? (
    <p id={id} className="field__error">
      {t(error)}
    </p>
  ) : null;
}

function describedBy(id: string, error: string | undefined, hint?: string): string | undefined {
  return [hint, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

function LanguageFields({
  name,
  legend,
  value,
  error,
  multiline = false,
  required = false,
}: {
  name: string;
  legend: string;
  value: TranslatableValue | null | undefined;
  error?: string;
  multiline?: boolean;
  required?: boolean;
}) {
  const t = useT();
  const errorId = `${name}-error`;
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required && <span className="field__hint"> {t('directory.clusters.edit.oneLanguage')}</span>}
      </legend>
      {LOCALES.map((lang) => {
        const id = `${name}-${lang}`.replace(/\./g, '-');
        const props = {
          id,
          name: `${name}.${lang}`,
          lang,
          dir: 'auto' as const,
          defaultValue: value?.[lang] ?? '',
          'aria-invalid': error ? true : undefined,
        };
        return (
          <div key={lang} className="field">
            <label htmlFor={id}>{t(`shell.language.${lang}`)}</label>
            {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
          </div>
        );
      })}
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

export default function ClusterEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { cluster, labels, images, stages, linkKinds } = loaderData;
  const profileFailure = actionData && actionData.intent === 'profile' ? actionData : undefined;
  const imageFailure = actionData && actionData.intent !== 'profile' ? actionData : undefined;
  const errors: Record<string, string> = profileFailure?.fieldErrors ?? {};
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actionData) summary.current?.focus();
  }, [actionData]);
  const name = textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug);
  const facts = [...cluster.facts, ...Array.from({ length: EXTRA_FACT_ROWS }, () => ({ text: null, sourceUrl: null }))];
  const links = [
    ...cluster.links,
    ...Array.from({ length: Math.max(0, LINK_ROWS - cluster.links.length) }, () => ({ kind: 'website', url: '' })),
  ];

  const select = (id: string, fieldName: string, label: string, value: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={fieldName}
        defaultValue={value}
        aria-invalid={errors[fieldName] ? true : undefined}
        aria-describedby={describedBy(id, errors[fieldName])}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={errors[fieldName]} />
    </div>
  );

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
        <LanguageFields name="name" legend={t('directory.clusters.edit.name')} value={cluster.name} error={errors.name} required />
        {select(
          'cluster-source-locale',
          'sourceLocale',
          t('directory.clusters.edit.sourceLocale'),
          cluster.sourceLocale,
          LOCALES.map((lang) => ({ value: lang, label: t(`shell.language.${lang}`) })),
        )}
        <LanguageFields
          name="description"
          legend={t('directory.clusters.edit.description')}
          value={cluster.description}
          error={errors.description}
          multiline
        />
        {select(
          'cluster-country',
          'countryIso2',
          t('directory.clusters.filters.country'),
          cluster.countryIso2,
          labels.countryCodes.map((iso2) => ({ value: iso2, label: textIn(labels.countries[iso2], locale, null, iso2) })),
        )}
        <LanguageFields name="city" legend={t('directory.clusters.edit.city')} value={cluster.city} error={errors.city} />
        <div className="field">
          <label htmlFor="cluster-latitude">{t('directory.clusters.edit.latitude')}</label>
          <input
            id="cluster-latitude"
            name="latitude"
            inputMode="decimal"
            dir="ltr"
            defaultValue={cluster.latitude ?? ''}
            aria-invalid={errors.latitude ? true : undefined}
            aria-describedby={describedBy('cluster-latitude', errors.latitude, 'cluster-coordinates-hint')}
          />
          <ErrorText id="cluster-latitude-error" error={errors.latitude} />
        </div>
        <div className="field">
          <label htmlFor="cluster-longitude">{t('directory.clusters.edit.longitude')}</label>
          <input
            id="cluster-longitude"
            name="longitude"
            inputMode="decimal"
            dir="ltr"
            defaultValue={cluster.longitude ?? ''}
            aria-invalid={errors.longitude ? true : undefined}
            aria-describedby={describedBy('cluster-longitude', errors.longitude, 'cluster-coordinates-hint')}
          />
          <ErrorText id="cluster-longitude-error" error={errors.longitude} />
          <p id="cluster-coordinates-hint" className="field__hint">
            {t('directory.clusters.edit.coordinatesHint')}
          </p>
        </div>
        {select(
          'cluster-subsector',
          'subsectorCode',
          t('directory.clusters.filters.subsector'),
          cluster.subsectorCode,
          labels.subsectorCodes.map((code) => ({ value: code, label: textIn(labels.subsectors[code], locale, null, code) })),
        )}
        <fieldset className="field" aria-describedby={errors.materialCodes ? 'cluster-materials-error' : undefined}>
          <legend>{t('directory.clusters.profile.materials')}</legend>
          <div className="cluster-materials">
            {labels.materialCodes.map((code) => (
              <label key={code} className="choice">
                <input type="checkbox" name="materialCodes" value={code} defaultChecked={cluster.materialCodes.includes(code)} />
                {textIn(labels.materials[code], locale, null, code)}
              </label>
            ))}
          </div>
          <ErrorText id="cluster-materials-error" error={errors.materialCodes} />
        </fieldset>
        {select(
          'cluster-stage',
          'stage',
          t('directory.clusters.filters.stage'),
          cluster.stage,
          stages.map((stage) => ({ value: stage, label: t(`directory.stage.${stage}`) })),
        )}
        <div className="field">
          <label htmlFor="cluster-anchor">{t('directory.clusters.profile.anchor')}</label>
          <input
            id="cluster-anchor"
            name="anchorOrganisationSlug"
            dir="ltr"
            defaultValue={cluster.anchor?.slug ?? ''}
            aria-invalid={errors.anchorOrganisationSlug ? true : undefined}
            aria-describedby={describedBy('cluster-anchor', errors.anchorOrganisationSlug, 'cluster-anchor-hint')}
          />
          <p id="cluster-anchor-hint" className="field__hint">
            {t('directory.clusters.edit.slugHint')}
          </p>
          <ErrorText id="cluster-anchor-error" error={errors.anchorOrganisationSlug} />
        </div>

        <fieldset className="field" aria-describedby={errors.facts ? 'cluster-facts-error' : undefined}>
          <legend>{t('directory.clusters.profile.facts')}</legend>
          <p className="field__hint">{t('directory.clusters.edit.factsHint')}</p>
          {facts.map((fact, index) => (
            // Fact rows are positions in the form, not records.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a form rendered once per load
            <div key={index} className="cluster-fact-row">
              <LanguageFields
                name={`fact.${index}`}
                legend={t('directory.clusters.edit.fact', { number: index + 1 })}
                value={fact.text}
                multiline
              />
              <div className="field">
                <label htmlFor={`fact-${index}-source`}>{t('directory.clusters.edit.factSource', { number: index + 1 })}</label>
                <input id={`fact-${index}-source`} name={`fact.${index}.source`} type="url" dir="ltr" defaultValue={fact.sourceUrl ?? ''} />
              </div>
            </div>
          ))}
          <ErrorText id="cluster-facts-error" error={errors.facts} />
        </fieldset>

        <fieldset className="field" aria-describedby={errors.links ? 'cluster-links-error' : undefined}>
          <legend>{t('directory.clusters.profile.links')}</legend>
          {links.map((link, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a form rendered once per load
            <div key={index} className="cluster-link-row">
              <div className="field">
                <label htmlFor={`link-${index}-kind`}>{t('directory.clusters.edit.linkKind', { number: index + 1 })}</label>
                <select id={`link-${index}-kind`} name={`link.${index}.kind`} defaultValue={link.kind}>
                  {linkKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`directory.clusters.linkKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`link-${index}-url`}>{t('directory.clusters.edit.linkUrl', { number: index + 1 })}</label>
                <input id={`link-${index}-url`} name={`link.${index}.url`} type="url" dir="ltr" defaultValue={link.url} />
              </div>
            </div>
          ))}
          <ErrorText id="cluster-links-error" error={errors.links} />
        </fieldset>

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
