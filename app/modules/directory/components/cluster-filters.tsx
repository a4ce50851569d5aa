/**
 * The clusters page's filters as plain links (country, subsector, stage): each value toggles, "all"
 * clears the filter; every view has its own shareable URL and works without JavaScript.
 */
import { Link } from 'react-router';
import { useT } from '#app/shared/i18n/react.tsx';
import {
  CLUSTER_FILTER_KEYS,
  type ClusterFilterKey,
  type ClusterFilterValues,
  clearClusterFilter,
  clusterFiltersQuery,
  toggleClusterFilter,
} from '../cluster-filters.ts';

export interface FilterOption {
  value: string;
  label: string;
}

export function ClusterFilterLinks({
  basePath,
  filters,
  options,
}: {
  basePath: string;
  filters: ClusterFilterValues;
  options: Record<ClusterFilterKey, FilterOption[]>;
}) {
  const t = useT();
  return (
    <nav className="cluster-filters" aria-label={t('directory.clusters.filters.label')}>
      <dl>
        {CLUSTER_FILTER_KEYS.map((key) => {
          const selected = filters[key] as string[];
          return (
            <div key={key} className="cluster-filters__group">
              <dt>{t(`directory.clusters.filters.${key}`)}</dt>
              <dd>
                <Link
                  to={`${basePath}${clusterFiltersQuery(clearClusterFilter(filters, key))}`}
                  aria-current={selected.length === 0 ? 'true' : undefined}
                >
                  {t('directory.clusters.filters.all')}
                </Link>
                {options[key].map((option) => (
                  <Link
                    key={option.value}
                    to={`${basePath}${clusterFiltersQuery(toggleClusterFilter(filters, key, option.value))}`}
                    aria-current={selected.includes(option.value) ? 'true' : undefined}
                    rel="nofollow"
                  >
                    {option.label}
                  </Link>
                ))}
              </dd>
            </div>
          );
        })}
      </dl>
    </nav>
  );
}
