/**
 * /{locale}/clusters/{slug}/members: the cluster's members for its managers and programme staff:
 * find an organisation by its name (`?find=`, the directory's search) and add it with a role,
 * change a member's role, remove a member. Plain forms, one per action, so it works without
 * JavaScript; every change is audited. (The API still adds a member by its slug.)
 */
import { useEffect, useRef } from 'react';
import { data, Form, Link, useNavigation } from 'react-router';
import { ClusterMemberSearch, FIND_MAX_LENGTH } from '#app/modules/directory/components/cluster-member-search.tsx';
import {
  addClusterMember,
  findMemberCandidates,
  getCluster,
  listClusterMembers,
  listCountries,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  removeClusterMember,
  setMemberRole,
} from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/members';
import { asErrorResponse } from './cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from './meta.ts';
import '#app/styles/clusters.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'directory.clusters.members.title');
  const name = loaderData ? textIn(loaderData.cluster.name, localeOf(params), loaderData.cluster.sourceLocale) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title);
};

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const members = await listClusterMembers(actor, params.slug).catch(asErrorResponse);
  // A longer text (typed into the address) is cut to what the field allows rather than refused.
  const find = (new URL(request.url).searchParams.get('find') ?? '').trim().slice(0, FIND_MAX_LENGTH);
  const [cluster, candidates, countries] = await Promise.all([
    getCluster(actor, params.slug).catch(asErrorResponse),
    find ? findMemberCandidates(actor, params.slug, find, { locale }).catch(asErrorResponse) : null,
    listCountries(),
  ]);
  return {
    cluster: { slug: cluster.slug, name: cluster.name, sourceLocale: cluster.sourceLocale },
    members,
    roles: [...MEMBERSHIP_ROLES],
    find,
    candidates,
    countries: Object.fromEntries(countries.map((country) => [country.iso2, country.name])),
  };
}

function isRole(value: string): value is MembershipRole {
  return (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const organisation = String(form.get('organisation') ?? '').trim();
  const role = String(form.get('role') ?? 'member');
  const find = String(form.get('find') ?? '').trim();
  const here = `/${locale}/clusters/${params.slug}/members`;
  try {
    if (intent === 'remove') {
      await removeClusterMember(actor, params.slug, organisation);
      return redirectWithFlash(here, { key: 'directory.clusters.members.removed', kind: 'success' });
    }
    if (intent === 'role') {
      await setMemberRole(actor, params.slug, organisation, isRole(role) ? role : ('' as MembershipRole));
      return redirectWithFlash(here, { key: 'directory.clusters.members.roleChanged', kind: 'success' });
    }
    await addClusterMember(actor, params.slug, organisation, { role: isRole(role) ? role : undefined });
    // Back to the same search, so the next organisation can be added from it.
    const back = find ? `${here}?find=${encodeURIComponent(find)}` : here;
    return redirectWithFlash(back, { key: 'directory.clusters.members.added', kind: 'success' });
  } catch (error) {
    if (!isAppError(error) || error.status === 401 || error.status === 403 || error.status >= 500) asErrorResponse(error);
    if (error.code === 'DIRECTORY_CLUSTERS_NOT_FOUND') asErrorResponse(error);
    // An organisation gone since the search, or an invalid role, is said above the results.
    return data({ formError: `errors.${error.code}`, organisation, intent }, { status: error.status });
  }
}

export default function ClusterMembersPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { cluster, members, roles, find, candidates, countries } = loaderData;
  const name = textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug);
  const addError = actionData && actionData.intent !== 'remove' && actionData.intent !== 'role' ? actionData.formError : undefined;
  const rowError = actionData && (actionData.intent === 'remove' || actionData.intent === 'role') ? actionData : undefined;
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actionData) alert.current?.focus();
  }, [actionData]);
  const busy = navigation.state === 'submitting';

  return (
    <div className="cluster-members">
      <p className="cluster-card__meta">
        <Link to={`/${locale}/clusters/${cluster.slug}`}>{name}</Link>
      </p>
      <h1>{t('directory.clusters.members.title')}</h1>
      {rowError && (
        <p className="form-error" role="alert" tabIndex={-1} ref={alert}>
          {t(rowError.formError)}
        </p>
      )}

      <ClusterMemberSearch find={find} candidates={candidates} countries={countries} roles={roles} addError={addError} />

      <section aria-labelledby="members-list-title">
        <h2 id="members-list-title">{t('directory.clusters.memberCount', { count: members.length })}</h2>
        {members.length === 0 ? (
          <p>{t('directory.clusters.profile.noMembers')}</p>
        ) : (
          <ScrollTable
            id="cluster-members"
            caption={t('directory.clusters.profile.membersCaption', { name })}
            tableClassName="member-table"
            captionClassName="visually-hidden"
          >
            <thead>
              <tr>
                <th scope="col">{t('directory.clusters.members.organisation')}</th>
                <th scope="col">{t('directory.clusters.members.status')}</th>
                <th scope="col">{t('directory.clusters.members.role')}</th>
                <th scope="col">{t('directory.clusters.members.remove')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const memberName = textIn(member.name, locale, null, member.slug);
                return (
                  <tr key={member.slug}>
                    <td>
                      <Link to={`/${locale}/organisations/${member.slug}`}>
                        <TranslatedText value={member.name} />
                      </Link>{' '}
                      <code dir="ltr">{member.slug}</code>
                    </td>
                    <td>{t(`directory.status.${member.status}`)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="organisation" value={member.slug} />
                        <label htmlFor={`role-${member.slug}`} className="visually-hidden">
                          {t('directory.clusters.members.roleOf', { name: memberName })}
                        </label>
                        <select id={`role-${member.slug}`} name="role" defaultValue={member.role}>
                          {roles.map((role) => (
                            <option key={role} value={role}>
                              {t(`directory.membershipRole.${role}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button" disabled={busy}>
                          {t('directory.clusters.members.changeRole')}
                          <span className="visually-hidden">
                            {' '}
                            <bdi>{memberName}</bdi>
                          </span>
                        </button>
                      </Form>
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="organisation" value={member.slug} />
                        <button type="submit" className="button button--danger" disabled={busy}>
                          {t('directory.clusters.members.remove')}
                          <span className="visually-hidden">
                            {' '}
                            <bdi>{memberName}</bdi>
                          </span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
