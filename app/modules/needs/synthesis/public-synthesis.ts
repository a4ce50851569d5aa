/**
 * The priority synthesis as it may be shown to the public or exported as open data (decision 0012):
 * the ranks and scores, breadth (clusters and countries, not people), and counts of people only
 * through `protectTable`/`protectCount`. Evidence ids (the staff drill-down) and the survey's raw
 * frequencies are left out. A survey base smaller than the minimum group size (a small cluster, or a
 * disaggregated synthesis of few women) is not used at all: the synthesis is recomputed without the
 * survey, so no score rests on fewer people than the minimum. Pure.
 */
import { DEFAULT_MIN_GROUP_SIZE, type ProtectedCount, protectCount, protectLinkedTables } from './disclosure.ts';
import { type Evidence, GENDER_GROUPS, type GenderGroup, type Scope, SIZE_GROUPS, type SizeGroup } from './evidence.ts';
import { type PriorityOptions, type PrioritySynthesis, prioritise } from './priority.ts';

export interface PublicThemePriority {
  theme: string;
  rank: number;
  score: number;
  /** Clusters and countries where the theme appears. */
  clusters: string[];
  countries: string[];
  /** Respondents naming the theme, in all and by group; hidden figures are null. */
  respondents: ProtectedCount;
  byGender: Record<GenderGroup, ProtectedCount>;
  bySize: Record<SizeGroup, ProtectedCount>;
  /** Diagnosed clusters recording the theme (clusters, not people: never hidden). */
  diagnosedClusters: number;
  votes: number;
}

export interface PublicSynthesis {
  scope: Scope;
  /** Whether survey answers were used (false when there were fewer respondents than the minimum). */
  surveyUsed: boolean;
  respondents: ProtectedCount;
  diagnosedClusters: number;
  weights: PrioritySynthesis['weights'];
  priorities: PublicThemePriority[];
  minGroupSize: number;
}

export function publicSynthesis(
  evidence: Evidence,
  scope: Scope,
  options: Partial<PriorityOptions> & { minGroupSize?: number } = {},
): PublicSynthesis {
  const { minGroupSize = DEFAULT_MIN_GROUP_SIZE, ...priorityOptions } = options;
  let synthesis = prioritise(evidence, scope, priorityOptions);
  let surveyUsed = synthesis.respondents > 0;
  if (synthesis.respondents > 0 && synthesis.respondents < minGroupSize) {
    synthesis = prioritise({ ...evidence, responses: [], mentions: [], survey: { base: [], cells: [] } }, scope, priorityOptions);
    surveyUsed = false;
  }
  const rows = <G extends string>(
    pick: (p: PrioritySynthesis['priorities'][number]) => Record<G, number> | undefined,
    empty: Record<G, number>,
  ) => synthesis.priorities.map((p) => ({ key: p.theme, cells: pick(p) ?? empty }));
  const zeros = <G extends string>(groups: readonly G[]) => Object.fromEntries(groups.map((g) => [g, 0])) as Record<G, number>;
  // The same respondents by gender and by size: one total per theme, hidden in both or neither.
  const [byGender, bySize] = protectLinkedTables(
    [
      { columns: GENDER_GROUPS, rows: rows((p) => p.survey?.byGender, zeros(GENDER_GROUPS)) },
      { columns: SIZE_GROUPS, rows: rows((p) => p.survey?.bySize, zeros(SIZE_GROUPS)) },
    ],
    { minGroupSize },
  );
  return {
    scope,
    surveyUsed,
    respondents: protectCount(synthesis.respondents, { minGroupSize }),
    diagnosedClusters: synthesis.diagnosedClusters,
    weights: synthesis.weights,
    minGroupSize,
    priorities: synthesis.priorities.map((p, index) => ({
      theme: p.theme,
      rank: p.rank,
      score: p.score,
      clusters: p.breadth.clusters,
      countries: p.breadth.countries,
      // The row total of the gender table: protected together with its cells.
      respondents: byGender.rows[index]!.total,
      byGender: byGender.rows[index]!.cells,
      bySize: bySize.rows[index]!.cells,
      diagnosedClusters: p.diagnostic?.named ?? 0,
      votes: p.workshop?.votes ?? 0,
    })),
  };
}
