/**
 * /{locale}/clusters: the clusters of the programme on a map (countries shaded by their number of
 * clusters) and as a list, filtered by country, subsector and stage with plain links: every view is
 * a shareable URL and the page works without JavaScript.
 */

import { Link } from 'react-router';
import { ClusterCard } from '#app/modules/directory/components/cluster-card.tsx';
import { ClusterFilterLinks } from '#app/modules/directory/components/cluster-filters.tsx';
import { RegionMap, type RegionMapCountry, type RegionMapPoint } from '#app/modules/directory/components/region-map.tsx';
import {
  CLUSTER_STAGES,
  clusterCreationCountries,
  clusterFiltersQuery,
  listClusters,
  readClusterFilters,
  toggleClusterFilter,
} from '#app/modules/directory/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/list';
import { referenceLabels } from './cluster-page.server.ts';
import { localeOf } from './meta.ts';
import '#app/styles/clusters.css';

export const meta = titled('directory.clusters.title', 'directory.clusters.lead');

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const { filters, ignored } = readClusterFilters(new URL(request.url).searchParams);
  const actor = context.get(requestContext).actor;
  const [list, labels] = await Promise.all([listClusters(actor, filters), referenceLabels()]);
  // Visitors never see the link, so the page they get depends on its address only (it is cached for them).
  const creation = clusterCreationCountries(actor);
  const canCreate = creation === 'any' || creation.length > 0;
  const basePath = `/${locale}/clusters`;
  // Links are built here so the page's browser bundle does not import the module's index.
  const countryHref = Object.fromEntries(
    labels.countryCodes.map((iso2) => [
      iso2,
      `${basePath}${clusterFiltersQuery(toggleClusterFilter({ ...filters, country: [] }, 'country', iso2))}`,
    ]),
  );
  return { list, labels, filters, ignored, stages: [...CLUSTER_STAGES], countryHref, basePath, canCreate };
}

export default function ClustersPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list, labels, filters, ignored, stages, countryHref, basePath, canCreate } = loaderData;
  const countryName = (iso2: string) => textIn(labels.countries[iso2], locale, null, iso2);

  const points: RegionMapPoint[] = list.items.flatMap((cluster) =>
    cluster.latitude === null || cluster.longitude === null
      ? []
      : [
          {
            key: cluster.slug,
            name: textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug),
            href: `/${locale}/clusters/${cluster.slug}`,
            detail: [textIn(cluster.city, locale, cluster.sourceLocale), countryName(cluster.countryIso2)].filter(Boolean).join(', '),
            longitude: cluster.longitude,
            latitude: cluster.latitude,
          },
        ],
  );
  const perCountry = new Map<string, number>();
  for (const cluster of list.items) perCountry.set(cluster.countryIso2, (perCountry.get(cluster.countryIso2) ?? 0) + 1);
  const countryCounts: RegionMapCountry[] = [...perCountry].map(([iso2, count]) => ({
    iso2,
    name: countryName(iso2),
    count,
    href: countryHref[iso2],
  }));

  const options = {
    country: labels.countryCodes.map((iso2) => ({ value: iso2, label: countryName(iso2) })),
    subsector: labels.subsectorCodes.map((code) => ({ value: code, label: textIn(labels.subsectors[code], locale, null, code) })),
    stage: stages.map((stage) => ({ value: stage, label: t(`directory.stage.${stage}`) })),
  };

  return (
    <div className="clusters-page">
      <h1>{t('directory.clusters.title')}</h1>
      <p className="lead">{t('directory.clusters.lead')}</p>
      {canCreate && (
        <p>
          <Link to={`${basePath}/new`} className="button">
            {t('directory.clusters.new.link')}
          </Link>
        </p>
      )}
      {ignored.length > 0 && (
        <p className="flash flash--info" role="status">
          {t('directory.clusters.filters.ignored', { count: ignored.length })}
        </p>
      )}
      <ClusterFilterLinks basePath={basePath} filters={filters} options={options} />
      <RegionMap
        points={points}
        countryCounts={countryCounts}
        caption={t('directory.clusters.map.caption')}
        countText={(count) => t('directory.clusters.count', { count })}
      />
      <section aria-labelledby="clusters-list-title">
        <h2 id="clusters-list-title">{t('directory.clusters.count', { count: list.total })}</h2>
        {list.items.length === 0 ? (
          <p>{t('directory.clusters.empty')}</p>
        ) : (
          <ul className="cluster-list">
            {list.items.map((cluster) => (
              <ClusterCard key={cluster.slug} cluster={cluster} labels={labels} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
