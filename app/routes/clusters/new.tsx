/**
 * /{locale}/clusters/new: a new cluster, for programme staff (country-scoped staff in their
 * countries only): the edit page's fields, through the same validation. Its web address (slug)
 * comes from its name. A refusal or a bad value writes nothing and says why beside the field,
 * keeping what was typed. Logo and photos are added on the edit page once it exists.
 */
import { useEffect, useRef } from 'react';
import { data, Form, Link, useNavigation } from 'react-router';
import { ClusterProfileFields } from '#app/modules/directory/components/cluster-form.tsx';
import { clusterCreationCountries, createCluster } from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/new';
import { clusterInputOf, newClusterFormValue, readClusterForm } from './cluster-form.ts';
import { clusterFormChoices, formFailure } from './cluster-page.server.ts';
import { localeOf } from './meta.ts';
import '#app/styles/clusters.css';

export const meta = titled('directory.clusters.new.title', 'directory.clusters.new.lead');

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

/** The countries the signed-in actor may create clusters in; anyone else is refused the page. */
function creationCountries(actor: UserActor): 'any' | string[] {
  const countries = clusterCreationCountries(actor);
  if (countries !== 'any' && countries.length === 0) throw new Response(null, { status: 403 });
  return countries;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const choices = await clusterFormChoices(creationCountries(actor));
  return { choices, value: newClusterFormValue(locale, choices.countryCodes) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  creationCountries(actor);
  const value = readClusterForm(await request.formData(), locale);
  try {
    const created = await createCluster(actor, clusterInputOf(value));
    return redirectWithFlash(`/${locale}/clusters/${created.slug}`, { key: 'directory.clusters.new.created', kind: 'success' });
  } catch (error) {
    const { status, ...failure } = formFailure(error);
    return data({ value, ...failure }, { status });
  }
}

export default function NewClusterPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { choices, value } = loaderData;
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actionData) summary.current?.focus();
  }, [actionData]);

  return (
    <div className="cluster-edit">
      <p className="cluster-card__meta">
        <Link to={`/${locale}/clusters`}>{t('directory.clusters.title')}</Link>
      </p>
      <h1>{t('directory.clusters.new.title')}</h1>
      <p className="lead">{t('directory.clusters.new.lead')}</p>
      <Form method="post" className="form" key={actionData ? 'failed' : 'fresh'}>
        {actionData && (
          <p className="form-error" role="alert" tabIndex={-1} ref={summary}>
            {t(actionData.formError)}
          </p>
        )}
        <ClusterProfileFields value={actionData?.value ?? value} choices={choices} locale={locale} errors={actionData?.fieldErrors ?? {}} />
        <p>
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {t('directory.clusters.new.submit')}
          </button>{' '}
          <Link to={`/${locale}/clusters`}>{t('directory.clusters.edit.cancel')}</Link>
        </p>
      </Form>
    </div>
  );
}
