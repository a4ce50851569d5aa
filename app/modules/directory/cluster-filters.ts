/**
 * The clusters page's filters as a URL: `?country=DZ&country=TN&subsector=fashion&stage=selected`.
 * Reading is lenient (a value that is not valid is dropped, so an old or mistyped link still shows
 * the rest), writing is canonical (filters and values in a fixed order), so one view has one URL.
 * Pure: used by the page's loader and its filter links.
 */
import { CLUSTER_STAGES, type ClusterStage } from './directory.vocabulary.ts';

export const CLUSTER_FILTER_KEYS = ['country', 'subsector', 'stage'] as const;
export type ClusterFilterKey = (typeof CLUSTER_FILTER_KEYS)[number];

export interface ClusterFilterValues {
  country: string[];
  subsector: string[];
  stage: ClusterStage[];
}

const VALID: Record<ClusterFilterKey, (value: string) => boolean> = {
  country: (value) => /^[A-Z]{2}$/.test(value),
  subsector: (value) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 80,
  stage: (value) => (CLUSTER_STAGES as readonly string[]).includes(value),
};

/** Values of each filter, deduplicated and sorted (stages in lifecycle order); invalid ones are listed in `ignored`. */
export function readClusterFilters(params: URLSearchParams): { filters: ClusterFilterValues; ignored: string[] } {
  const ignored: string[] = [];
  const read = (key: ClusterFilterKey) => {
    const values = new Set<string>();
    for (const raw of params.getAll(key).flatMap((v) => v.split(','))) {
      const value = raw.trim();
      if (!value) continue;
      if (VALID[key](value)) values.add(value);
      else ignored.push(`${key}=${value}`);
    }
    return [...values];
  };
  const country = read('country').sort();
  const subsector = read('subsector').sort();
  const stage = (read('stage') as ClusterStage[]).sort((a, b) => CLUSTER_STAGES.indexOf(a) - CLUSTER_STAGES.indexOf(b));
  return { filters: { country, subsector, stage }, ignored };
}

/** `?country=DZ&stage=selected` in canonical order, or '' without filters. */
export function clusterFiltersQuery(filters: ClusterFilterValues): string {
  const params = new URLSearchParams();
  for (const key of CLUSTER_FILTER_KEYS) for (const value of filters[key]) params.append(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The filters with `value` added to `key` when absent, removed when present. */
export function toggleClusterFilter(filters: ClusterFilterValues, key: ClusterFilterKey, value: string): ClusterFilterValues {
  const current = filters[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return readClusterFilters(new URLSearchParams(clusterFiltersQuery({ ...filters, [key]: next }))).filters;
}

/** The filters without any value for `key`. */
export function clearClusterFilter(filters: ClusterFilterValues, key: ClusterFilterKey): ClusterFilterValues {
  return { ...filters, [key]: [] };
}
