/**
 * Common challenges (issue 4, item 5): themes present in at least N clusters across at least M
 * countries, both adjustable. A theme is present in a cluster when the cluster's diagnostic
 * records it, when enough of the cluster's survey respondents name it (`minMentions`, default 1;
 * counted from the mentions or from the survey tally, whichever the evidence carries),
 * or when a workshop of the cluster voted for it. Pure.
 */
import type { Evidence } from './evidence.ts';

export interface CommonChallengeOptions {
  /** N: the least number of clusters (default 3). */
  minClusters: number;
  /** M: the least number of countries among those clusters (default 2). */
  minCountries: number;
  /** Survey respondents of a cluster who must name a theme for it to be present there. */
  minMentions: number;
  /** Which sources make a theme present (default: all three). */
  sources: readonly ('survey' | 'diagnostic' | 'workshop')[];
  /** Count only challenges of endorsed diagnostics. */
  endorsedOnly: boolean;
}

export const DEFAULT_COMMON_CHALLENGE_OPTIONS: CommonChallengeOptions = {
  minClusters: 3,
  minCountries: 2,
  minMentions: 1,
  sources: ['survey', 'diagnostic', 'workshop'],
  endorsedOnly: false,
};

export interface CommonChallenge {
  theme: string;
  /** Cluster slugs, sorted, each with its country. */
  clusters: { cluster: string; country: string }[];
  /** Country codes, sorted. */
  countries: string[];
}

/** The common challenges, by number of clusters, then countries (descending), then code. */
export function findCommonChallenges(evidence: Evidence, options: Partial<CommonChallengeOptions> = {}): CommonChallenge[] {
  const o = { ...DEFAULT_COMMON_CHALLENGE_OPTIONS, ...options };
  // theme → cluster → country, for clusters where the theme is present.
  const present = new Map<string, Map<string, string>>();
  const mark = (theme: string, cluster: string, country: string) => {
    let clusters = present.get(theme);
    if (!clusters) {
      clusters = new Map();
      present.set(theme, clusters);
    }
    clusters.set(cluster, country);
  };

  if (o.sources.includes('survey')) {
    // Distinct respondents per theme and cluster.
    const named = new Map<string, { country: string; respondents: Set<string> }>();
    for (const m of evidence.mentions ?? []) {
      const key = `${m.theme}\u0000${m.cluster}`;
      let entry = named.get(key);
      if (!entry) {
        entry = { country: m.country, respondents: new Set() };
        named.set(key, entry);
      }
      entry.respondents.add(m.respondentId);
    }
    for (const [key, entry] of named) {
      const [theme, cluster] = key.split('\u0000') as [string, string];
      if (entry.respondents.size >= o.minMentions) mark(theme, cluster, entry.country);
    }
    // The survey already counted (the tally): respondents naming the theme per cluster, over genders and sizes.
    const tallied = new Map<string, { theme: string; cluster: string; country: string; named: number }>();
    for (const cell of evidence.survey?.cells ?? []) {
      const key = `${cell.theme}\u0000${cell.cluster}`;
      const entry = tallied.get(key) ?? { theme: cell.theme, cluster: cell.cluster, country: cell.country, named: 0 };
      entry.named += cell.named;
      tallied.set(key, entry);
    }
    for (const entry of tallied.values()) if (entry.named >= o.minMentions) mark(entry.theme, entry.cluster, entry.country);
  }
  if (o.sources.includes('diagnostic')) {
    for (const c of evidence.challenges ?? []) if (!o.endorsedOnly || c.endorsed) mark(c.theme, c.cluster, c.country);
  }
  if (o.sources.includes('workshop')) {
    for (const v of evidence.votes ?? []) if (v.votes > 0) for (const cluster of v.clusters) mark(v.theme, cluster, v.country);
  }

  const result: CommonChallenge[] = [];
  for (const [theme, clusters] of present) {
    const countries = [...new Set(clusters.values())].sort();
    if (clusters.size < o.minClusters || countries.length < o.minCountries) continue;
    result.push({
      theme,
      clusters: [...clusters].map(([cluster, country]) => ({ cluster, country })).sort((a, b) => (a.cluster < b.cluster ? -1 : 1)),
      countries,
    });
  }
  return result.sort(
    (a, b) => b.clusters.length - a.clusters.length || b.countries.length - a.countries.length || (a.theme < b.theme ? -1 : 1),
  );
}
