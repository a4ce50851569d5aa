/**
 * The priority formula (issue 4, item 5; decision 0012): a score from 0 to 100 per challenge theme
 * for one scope (a cluster, a country or the region), from three sources of evidence, each read as
 * frequency and severity, plus breadth across clusters and countries for the wider scopes.
 *
 *   survey signal      = 0.6 × share of the scope's respondents naming the theme
 *                      + 0.4 × mean severity they gave it, rescaled from 1..4 to 0..1
 *   diagnostic signal  = 0.6 × share of the scope's diagnosed clusters recording it
 *                      + 0.4 × mean severity (each cluster's highest for the theme), rescaled
 *   workshop signal    = votes for the theme ÷ votes for the scope's most voted theme
 *   evidence           = weighted mean of the signals (survey 0.4, diagnostic 0.4, workshop 0.2),
 *                        over the sources that have any evidence in the scope (weights re-normalised)
 *   breadth            = country: share of the country's clusters where the theme appears;
 *                        region: ½ share of clusters + ½ share of countries where it appears
 *   score              = 100 × evidence                                (cluster scope)
 *                      = 100 × (0.75 × evidence + 0.25 × breadth)      (country and region scopes)
 *
 * Missing answers: a mention without severity counts for frequency and is left out of the
 * severity mean; a theme none of whose mentions has a severity takes the middle of the scale
 * (0.5). Respondents who named no theme count in the denominators. A respondent naming a theme
 * twice counts once, with the highest severity given.
 *
 * Ranking: scores are rounded to one decimal (half up) and equal rounded scores share a rank,
 * competition style (1, 2, 2, 4); within a rank, themes are listed by breadth (more clusters, then
 * more countries) and then by code. Pure; every quantity is a sum of counts, so a summary table
 * can feed the same formula.
 */
import {
  type Evidence,
  emptyGenderCounts,
  emptySizeCounts,
  type GenderGroup,
  genderGroup,
  inScope,
  matchesFilter,
  type RespondentFilter,
  respondentsInScope,
  type Scope,
  SEVERITY_MAX,
  SEVERITY_MIN,
  type SizeGroup,
  type SurveyBaseCell,
  type SurveyThemeCell,
  sizeGroup,
  tallySurvey,
  voteInScope,
} from './evidence.ts';

export interface PriorityOptions {
  /** Weight of each source in the evidence (re-normalised over the sources present). */
  sourceWeights: { survey: number; diagnostic: number; workshop: number };
  /** Within the survey and diagnostic signals: frequency's share; severity gets the rest. */
  frequencyWeight: number;
  /** Breadth's share of the score in the country and region scopes; the evidence gets the rest. */
  breadthWeight: number;
  /** In the region scope, the share of breadth that comes from clusters (the rest from countries). */
  clusterBreadthShare: number;
  /** Severity (0..1) of a theme whose mentions all left severity unanswered. */
  missingSeverity: number;
  /** Count only challenges of endorsed diagnostics. */
  endorsedOnly: boolean;
  /** Restrict survey evidence to some genders or sizes (disaggregated synthesis). */
  filter?: RespondentFilter;
}

export const DEFAULT_PRIORITY_OPTIONS: PriorityOptions = {
  sourceWeights: { survey: 0.4, diagnostic: 0.4, workshop: 0.2 },
  frequencyWeight: 0.6,
  breadthWeight: 0.25,
  clusterBreadthShare: 0.5,
  missingSeverity: 0.5,
  endorsedOnly: false,
};

export interface SurveyComponent {
  /** Respondents in the scope naming the theme, and respondents in the scope. */
  named: number;
  respondents: number;
  frequency: number;
  /** Mean severity on the 1..4 scale over the mentions that gave one; null when none did. */
  severityMean: number | null;
  /** Mentions that gave a severity (the others are missing answers). */
  severityAnswers: number;
  /** Severity rescaled to 0..1 (or the missing-severity rule). */
  severity: number;
  signal: number;
  /** Respondents naming the theme by gender and by size (raw: pass through disclosure before publishing). */
  byGender: Record<GenderGroup, number>;
  bySize: Record<SizeGroup, number>;
}

export interface DiagnosticComponent {
  /** Diagnosed clusters in the scope recording the theme, and diagnosed clusters in the scope. */
  named: number;
  clusters: number;
  frequency: number;
  severityMean: number | null;
  severity: number;
  signal: number;
  /** Clusters whose challenge on this theme has a gender dimension. */
  genderDimension: number;
}

export interface WorkshopComponent {
  votes: number;
  /** Votes for the scope's most voted theme. */
  maxVotes: number;
  signal: number;
}

export interface Breadth {
  clusters: string[];
  countries: string[];
  /** Clusters and countries of the scope with any evidence (the denominators). */
  clustersInScope: number;
  countriesInScope: number;
  /** 0..1; null in the cluster scope, where breadth does not apply. */
  value: number | null;
}

export interface ThemePriority {
  theme: string;
  rank: number;
  /** 0..100, one decimal. */
  score: number;
  /** Weighted evidence before breadth, 0..1. */
  evidence: number;
  survey: SurveyComponent | null;
  diagnostic: DiagnosticComponent | null;
  workshop: WorkshopComponent | null;
  breadth: Breadth;
  /** Ids of the records behind the score, sorted: the drill-down to the evidence. */
  evidenceIds: { mentions: string[]; challenges: string[]; votes: string[] };
}

export interface PrioritySynthesis {
  scope: Scope;
  /** The weights actually applied after re-normalising over the sources present in the scope. */
  weights: { survey: number; diagnostic: number; workshop: number; breadth: number };
  respondents: number;
  diagnosedClusters: number;
  votes: number;
  priorities: ThemePriority[];
}

interface ThemeAcc {
  named: number;
  severitySum: number;
  severityAnswers: number;
  byGender: Record<GenderGroup, number>;
  bySize: Record<SizeGroup, number>;
  mentionIds: string[];
  clusterSeverity: Map<string, number>;
  genderClusters: Set<string>;
  challengeIds: string[];
  votes: number;
  voteIds: string[];
  clusters: Set<string>;
  countries: Set<string>;
}

function acc(map: Map<string, ThemeAcc>, theme: string): ThemeAcc {
  let a = map.get(theme);
  if (!a) {
    a = {
      named: 0,
      severitySum: 0,
      severityAnswers: 0,
      byGender: emptyGenderCounts(),
      bySize: emptySizeCounts(),
      mentionIds: [],
      clusterSeverity: new Map(),
      genderClusters: new Set(),
      challengeIds: [],
      votes: 0,
      voteIds: [],
      clusters: new Set(),
      countries: new Set(),
    };
    map.set(theme, a);
  }
  return a;
}

/** Severity on the 1..4 scale to 0..1. */
export function rescaleSeverity(mean: number): number {
  return (mean - SEVERITY_MIN) / (SEVERITY_MAX - SEVERITY_MIN);
}

/** Rounds a 0..100 score to one decimal, half up, immune to floating-point noise (46.25 → 46.3). */
export function roundScore(score: number): number {
  const tenThousandths = Math.round(score * 10_000);
  return Math.floor((tenThousandths + 500) / 1000) / 10;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The priority of every theme with evidence in `scope`, ranked. */
export function prioritise(evidence: Evidence, scope: Scope, options: Partial<PriorityOptions> = {}): PrioritySynthesis {
  const o: PriorityOptions = { ...DEFAULT_PRIORITY_OPTIONS, ...options };
  const themes = new Map<string, ThemeAcc>();
  const clustersInScope = new Set<string>();
  const countriesInScope = new Set<string>();
  const diagnosed = new Set<string>();
  // Survey answers of an organisation in no cluster (through an invitation) have cluster '': they count for their country and the region only.
  const seen = (cluster: string, country: string) => {
    if (cluster) clustersInScope.add(cluster);
    countriesInScope.add(country);
  };

  // Survey, as counts (the summary table's, or counted here from the records).
  const tally = evidence.survey ?? tallySurvey(evidence);
  const surveyed = (cell: SurveyBaseCell | SurveyThemeCell) => inScope(scope, cell.cluster, cell.country) && matchesFilter(o.filter, cell);
  let respondents = 0;
  for (const cell of tally.base) {
    if (!surveyed(cell) || cell.respondents <= 0) continue;
    respondents += cell.respondents;
    seen(cell.cluster, cell.country);
  }
  for (const cell of tally.cells) {
    if (!surveyed(cell) || cell.named <= 0) continue;
    const a = acc(themes, cell.theme);
    a.named += cell.named;
    a.severitySum += cell.severitySum;
    a.severityAnswers += cell.severityAnswers;
    a.byGender[genderGroup(cell.gender)] += cell.named;
    a.bySize[sizeGroup(cell.size)] += cell.named;
    if (cell.cluster) a.clusters.add(cell.cluster);
    a.countries.add(cell.country);
  }
  // The drill-down: ids of the mentions behind the counts, when the records are at hand.
  if (evidence.mentions?.length) {
    const inScopeRespondents = respondentsInScope(evidence, scope, o.filter);
    for (const m of evidence.mentions) if (inScopeRespondents.has(m.respondentId)) acc(themes, m.theme).mentionIds.push(m.id);
  }

  // Diagnostics: each cluster counts once per theme, at the highest severity it recorded.
  for (const c of evidence.challenges ?? []) {
    if (!inScope(scope, c.cluster, c.country) || (o.endorsedOnly && !c.endorsed)) continue;
    diagnosed.add(c.cluster);
    seen(c.cluster, c.country);
    const a = acc(themes, c.theme);
    a.clusterSeverity.set(c.cluster, Math.max(a.clusterSeverity.get(c.cluster) ?? 0, c.severity));
    if (c.genderDimension) a.genderClusters.add(c.cluster);
    a.challengeIds.push(c.id);
    a.clusters.add(c.cluster);
    a.countries.add(c.country);
  }

  // Workshops: votes summed per theme; clusters of the event outside a cluster scope are not counted.
  let totalVotes = 0;
  for (const v of evidence.votes ?? []) {
    if (!voteInScope(scope, v) || v.votes <= 0) continue;
    totalVotes += v.votes;
    const a = acc(themes, v.theme);
    a.votes += v.votes;
    a.voteIds.push(v.id);
    const clusters = scope.kind === 'cluster' ? [scope.cluster] : v.clusters;
    for (const cluster of clusters) {
      a.clusters.add(cluster);
      seen(cluster, v.country);
    }
    // A vote placed in a country without any of the event's clusters still makes the country seen.
    seen('', v.country);
    a.countries.add(v.country);
  }

  const maxVotes = Math.max(0, ...[...themes.values()].map((a) => a.votes));
  const present = {
    survey: respondents > 0 ? o.sourceWeights.survey : 0,
    diagnostic: diagnosed.size > 0 ? o.sourceWeights.diagnostic : 0,
    workshop: maxVotes > 0 ? o.sourceWeights.workshop : 0,
  };
  const weightSum = present.survey + present.diagnostic + present.workshop;
  const breadthWeight = scope.kind === 'cluster' ? 0 : o.breadthWeight;
  const weights = {
    survey: weightSum > 0 ? present.survey / weightSum : 0,
    diagnostic: weightSum > 0 ? present.diagnostic / weightSum : 0,
    workshop: weightSum > 0 ? present.workshop / weightSum : 0,
    breadth: breadthWeight,
  };
  const fw = o.frequencyWeight;

  const unranked: ThemePriority[] = [];
  for (const [theme, a] of themes) {
    let survey: SurveyComponent | null = null;
    if (respondents > 0) {
      const severityMean = a.severityAnswers > 0 ? a.severitySum / a.severityAnswers : null;
      const frequency = a.named / respondents;
      const severity = a.named === 0 ? 0 : severityMean === null ? o.missingSeverity : rescaleSeverity(severityMean);
      survey = {
        named: a.named,
        respondents,
        frequency,
        severityMean,
        severityAnswers: a.severityAnswers,
        severity,
        signal: a.named === 0 ? 0 : fw * frequency + (1 - fw) * severity,
        byGender: a.byGender,
        bySize: a.bySize,
      };
    }
    let diagnostic: DiagnosticComponent | null = null;
    if (diagnosed.size > 0) {
      const severities = [...a.clusterSeverity.values()];
      const severityMean = severities.length > 0 ? severities.reduce((x, y) => x + y, 0) / severities.length : null;
      const frequency = severities.length / diagnosed.size;
      const severity = severityMean === null ? 0 : rescaleSeverity(severityMean);
      diagnostic = {
        named: severities.length,
        clusters: diagnosed.size,
        frequency,
        severityMean,
        severity,
        signal: severities.length === 0 ? 0 : fw * frequency + (1 - fw) * severity,
        genderDimension: a.genderClusters.size,
      };
    }
    const workshop: WorkshopComponent | null = maxVotes > 0 ? { votes: a.votes, maxVotes, signal: a.votes / maxVotes } : null;
    const evidenceValue =
      weights.survey * (survey?.signal ?? 0) + weights.diagnostic * (diagnostic?.signal ?? 0) + weights.workshop * (workshop?.signal ?? 0);
    let breadthValue: number | null = null;
    if (scope.kind === 'country') breadthValue = a.clusters.size / clustersInScope.size;
    if (scope.kind === 'region') {
      breadthValue =
        o.clusterBreadthShare * (a.clusters.size / clustersInScope.size) +
        (1 - o.clusterBreadthShare) * (a.countries.size / countriesInScope.size);
    }
    const raw = breadthValue === null ? evidenceValue : (1 - breadthWeight) * evidenceValue + breadthWeight * breadthValue;
    unranked.push({
      theme,
      rank: 0,
      score: roundScore(100 * raw),
      evidence: evidenceValue,
      survey,
      diagnostic,
      workshop,
      breadth: {
        clusters: [...a.clusters].sort(byCode),
        countries: [...a.countries].sort(byCode),
        clustersInScope: clustersInScope.size,
        countriesInScope: countriesInScope.size,
        value: breadthValue,
      },
      evidenceIds: { mentions: a.mentionIds.sort(byCode), challenges: a.challengeIds.sort(byCode), votes: a.voteIds.sort(byCode) },
    });
  }

  return {
    scope,
    weights,
    respondents,
    diagnosedClusters: diagnosed.size,
    votes: totalVotes,
    priorities: rankPriorities(unranked),
  };
}

/**
 * Sorts by score (descending), then breadth (clusters, then countries, descending), then code;
 * equal scores share the rank of the first of them (1, 2, 2, 4).
 */
export function rankPriorities<
  T extends { theme: string; score: number; rank: number; breadth: { clusters: string[]; countries: string[] } },
>(items: T[]): T[] {
  const sorted = [...items].sort(
    (a, b) =>
      b.score - a.score ||
      b.breadth.clusters.length - a.breadth.clusters.length ||
      b.breadth.countries.length - a.breadth.countries.length ||
      byCode(a.theme, b.theme),
  );
  const ranked: T[] = [];
  for (const [index, item] of sorted.entries()) {
    const previous = ranked[index - 1];
    ranked.push({ ...item, rank: previous && previous.score === item.score ? previous.rank : index + 1 });
  }
  return ranked;
}
