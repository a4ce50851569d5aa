/**
 * /{locale}/clusters/{slug}/history: who changed the cluster and its members, when, as whom, and
 * which fields, newest first (the shared history list), paged with plain links; a membership
 * change names the organisation in the page's language, linked to its profile. For its managers,
 * programme staff and auditors.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type ClusterHistoryEntry, clusterHistory } from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { HistoryList } from '#app/shared/ui/history-list.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/history';
import { asErrorResponse } from './cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from './meta.ts';
import '#app/styles/clusters.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'directory.clusters.history.title');
  const name = loaderData ? textIn(loaderData.cluster.name, localeOf(params), loaderData.cluster.sourceLocale) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title);
};

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

/** Actions this module writes about a cluster; others (later modules) are shown by their code. */
const KNOWN_ACTIONS = ['create', 'update', 'member.add', 'member.role', 'member.remove'];
const KNOWN_FIELDS = [
  'name',
  'description',
  'sourceLocale',
  'countryIso2',
  'city',
  'latitude',
  'longitude',
  'subsectorCode',
  'materialCodes',
  'stage',
  'anchorOrganisationSlug',
  'links',
  'facts',
  'logo',
  'photos',
];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const { cluster, history } = await clusterHistory(actor, params.slug, page).catch(asErrorResponse);
  return { cluster, history };
}

export default function ClusterHistoryPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { cluster, history } = loaderData;
  const base = `/${locale}/clusters/${cluster.slug}`;
  const actionLabel = (action: string) => {
    const short = action.replace(/^directory\.cluster\./, '');
    return KNOWN_ACTIONS.includes(short) ? t(`directory.clusters.history.${short}`) : action;
  };
  const fieldLabel = (field: string) => (KNOWN_FIELDS.includes(field) ? t(`directory.clusters.field.${field}`) : field);
  const memberDetail = ({ member }: ClusterHistoryEntry) => {
    if (!member) return null;
    const name = (
      <Link key="name" to={`/${locale}/organisations/${member.slug}`}>
        {member.name ? <TranslatedText value={member.name} sourceLocale={member.sourceLocale} /> : <bdi dir="ltr">{member.slug}</bdi>}
      </Link>
    );
    const role = (code: string) => t(`directory.membershipRole.${code}`);
    let text: ReactNode = name;
    if (member.previousRole && member.role) {
      text = t('directory.clusters.history.memberRoleChange', { name, previousRole: role(member.previousRole), role: role(member.role) });
    } else if (member.role) {
      text = t('directory.clusters.history.memberAs', { name, role: role(member.role) });
    } else if (member.previousRole) {
      text = t('directory.clusters.history.memberWas', { name, previousRole: role(member.previousRole) });
    }
    return <p className="history-list__detail">{text}</p>;
  };

  return (
    <div className="cluster-history">
      <p className="cluster-card__meta">
        <Link to={base}>{textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug)}</Link>
      </p>
      <h1>{t('directory.clusters.history.title')}</h1>
      <HistoryList
        entries={history.entries}
        page={history.page}
        hasNext={history.hasNext}
        pageHref={(page) => `?page=${page}`}
        actionLabel={actionLabel}
        detail={memberDetail}
        fieldLabel={fieldLabel}
      />
    </div>
  );
}
