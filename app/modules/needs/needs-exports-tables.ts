/**
 * Every table of a scope's priority synthesis, as the exports (XLSX, PDF brief, open data) give
 * them (issue 4, item 6): the ranking with its score components, the respondents naming each theme
 * by gender and by organisation size, the common challenges, and the training needs catalogue by
 * topic and format, by gender and by size.
 *
 * One rule for every count of people: the public audience gets them through the disclosure rules
 * (decision 0012: `publicSynthesis`, `protectLinkedTables`), so a group smaller than the minimum
 * never appears; the staff audience (`needs.read` over the scope) gets them all (minimum 1).
 * Survey frequencies and severity means are staff figures too. Pure: no I/O.
 */
import { type CommonChallengeOptions, DEFAULT_COMMON_CHALLENGE_OPTIONS, findCommonChallenges } from './synthesis/common-challenges.ts';
import { type CountTable, DEFAULT_MIN_GROUP_SIZE, type ProtectedCount, protectLinkedTables } from './synthesis/disclosure.ts';
import {
  type Evidence,
  emptyGenderCounts,
  emptySizeCounts,
  formatScope,
  GENDER_GROUPS,
  type Gender,
  type GenderGroup,
  genderGroup,
  inScope,
  type Scope,
  SIZE_GROUPS,
  type SizeClass,
  type SizeGroup,
  sizeGroup,
} from './synthesis/evidence.ts';
import { prioritise } from './synthesis/priority.ts';
import { publicSynthesis } from './synthesis/public-synthesis.ts';
import { NO_FORMAT } from './synthesis/training-catalogue.ts';

/** The formula the scores come from: decision 0012, first version (its weights are in `weights`). */
export const FORMULA_VERSION = '0012.1';

/** Respondents of one cluster, gender and size asking for one training topic in one format (null: any format). */
export interface TrainingCell {
  cluster: string;
  country: string;
  gender: Gender | null;
  size: SizeClass | null;
  topic: string;
  format: string | null;
  people: number;
}

export type Audience = 'public' | 'staff';

/** People by group per row, each figure protected (hidden: null) for the public. */
export interface GroupTable<G extends string> {
  columns: readonly G[];
  rows: { key: string; cells: Record<G, ProtectedCount>; total: ProtectedCount }[];
}

export interface PriorityRow {
  theme: string;
  rank: number;
  score: number;
  /** The signals (0..1) the score is made of; null where the source has no evidence in the scope. */
  surveySignal: number | null;
  diagnosticSignal: number | null;
  workshopSignal: number | null;
  breadth: number | null;
  clusters: number;
  countries: number;
  diagnosedClusters: number;
  votes: number;
  respondents: ProtectedCount;
  /** Staff only (null for the public): share of respondents naming the theme, mean severity 1..4. */
  frequency: number | null;
  severityMean: number | null;
}

export interface CommonChallengeRow {
  theme: string;
  clusters: string[];
  countries: string[];
  /** The theme's clusters that are in the scope. */
  clustersInScope: number;
}

export interface TrainingRow {
  topic: string;
  /** A format code, or `unspecified` (any format). */
  format: string;
  people: ProtectedCount;
}

export interface SynthesisTables {
  scope: string;
  audience: Audience;
  computedAt: string;
  /** When the training needs were counted: `computedAt`, or earlier when the board reads them from its cache. */
  trainingCountedAt: string;
  formulaVersion: string;
  minGroupSize: number;
  weights: { survey: number; diagnostic: number; workshop: number; breadth: number };
  surveyUsed: boolean;
  respondents: ProtectedCount;
  diagnosedClusters: number;
  priorities: PriorityRow[];
  /** Respondents naming each theme (row key: the theme) by gender and by size. */
  byGender: GroupTable<GenderGroup>;
  bySize: GroupTable<SizeGroup>;
  commonChallenges: { minClusters: number; minCountries: number; minMentions: number; rows: CommonChallengeRow[] };
  training: {
    rows: TrainingRow[];
    /** Row key `<topic>/<format>`. */
    byGender: GroupTable<GenderGroup>;
    bySize: GroupTable<SizeGroup>;
  };
}

export interface TablesInput {
  evidence: Evidence;
  training: readonly TrainingCell[];
  scope: Scope;
  audience: Audience;
  computedAt: string;
  trainingCountedAt?: string;
  minGroupSize?: number;
  commonChallenges?: Partial<Pick<CommonChallengeOptions, 'minClusters' | 'minCountries'>>;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The training catalogue (topic, format, people by gender and by size) from the counted cells: a
 * person answers one format per topic, so a topic's people are the sum of its formats'. Topics by
 * people then code, formats within a topic likewise (as `buildTrainingCatalogue` orders them).
 */
export function trainingTables(cells: readonly TrainingCell[], scope: Scope): [CountTable<GenderGroup>, CountTable<SizeGroup>] {
  const rows = new Map<
    string,
    { topic: string; format: string; byGender: Record<GenderGroup, number>; bySize: Record<SizeGroup, number>; people: number }
  >();
  const topicPeople = new Map<string, number>();
  for (const cell of cells) {
    if (cell.people <= 0 || !inScope(scope, cell.cluster, cell.country)) continue;
    const format = cell.format ?? NO_FORMAT;
    const key = `${cell.topic}/${format}`;
    const row = rows.get(key) ?? { topic: cell.topic, format, byGender: emptyGenderCounts(), bySize: emptySizeCounts(), people: 0 };
    row.byGender[genderGroup(cell.gender)] += cell.people;
    row.bySize[sizeGroup(cell.size)] += cell.people;
    row.people += cell.people;
    rows.set(key, row);
    topicPeople.set(cell.topic, (topicPeople.get(cell.topic) ?? 0) + cell.people);
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...rows.entries()].sort(
    ([, a], [, b]) =>
      topicPeople.get(b.topic)! - topicPeople.get(a.topic)! ||
      byCode(a.topic, b.topic) ||
      b.people - a.people ||
      byCode(a.format, b.format),
  );
  return [
    { columns: GENDER_GROUPS, rows: sorted.map(([key, row]) => ({ key, cells: row.byGender })) },
    { columns: SIZE_GROUPS, rows: sorted.map(([key, row]) => ({ key, cells: row.bySize })) },
  ];
}

export function synthesisTables(input: TablesInput): SynthesisTables {
  const { evidence, scope, audience } = input;
  const minGroupSize = audience === 'staff' ? 1 : (input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
  const synthesis = publicSynthesis(evidence, scope, { minGroupSize });
  // The components of the same figures: without the survey when the public synthesis left it out.
  const detail = prioritise(
    synthesis.surveyUsed ? evidence : { ...evidence, mentions: [], responses: [], survey: { base: [], cells: [] } },
    scope,
  );
  const components = new Map(detail.priorities.map((p) => [p.theme, p]));
  const staff = audience === 'staff';

  const priorities: PriorityRow[] = synthesis.priorities.map((p) => {
    const c = components.get(p.theme);
    return {
      theme: p.theme,
      rank: p.rank,
      score: p.score,
      surveySignal: c?.survey ? round(c.survey.signal) : null,
      diagnosticSignal: c?.diagnostic ? round(c.diagnostic.signal) : null,
      workshopSignal: c?.workshop ? round(c.workshop.signal) : null,
      breadth: c?.breadth.value == null ? null : round(c.breadth.value),
      clusters: p.clusters.length,
      countries: p.countries.length,
      diagnosedClusters: p.diagnosedClusters,
      votes: p.votes,
      respondents: p.respondents,
      frequency: staff && c?.survey ? round(c.survey.frequency) : null,
      severityMean: staff && c?.survey?.severityMean != null ? round(c.survey.severityMean, 2) : null,
    };
  });

  // Common challenges are a regional notion (N clusters across M countries); each says how many of
  // its clusters are in the scope. For the public, a cluster's survey makes a theme present only
  // when at least the minimum number of its respondents named it.
  const minMentions = staff ? 1 : minGroupSize;
  // Thresholds left unset (even as explicit undefined) take the defaults.
  const commonOptions = {
    minClusters: input.commonChallenges?.minClusters ?? DEFAULT_COMMON_CHALLENGE_OPTIONS.minClusters,
    minCountries: input.commonChallenges?.minCountries ?? DEFAULT_COMMON_CHALLENGE_OPTIONS.minCountries,
    minMentions,
  };
  const common = findCommonChallenges(evidence, commonOptions);
  const commonRows = common.map((c) => ({
    theme: c.theme,
    clusters: c.clusters.map((k) => k.cluster),
    countries: c.countries,
    clustersInScope: c.clusters.filter((k) => inScope(scope, k.cluster, k.country)).length,
  }));

  const [trainingByGender, trainingBySize] = protectLinkedTables(trainingTables(input.training, scope), { minGroupSize });
  const trainingRows = trainingByGender.rows.map((row) => {
    const slash = row.key.indexOf('/');
    return { topic: row.key.slice(0, slash), format: row.key.slice(slash + 1), people: row.total };
  });

  return {
    scope: formatScope(scope),
    audience,
    computedAt: input.computedAt,
    trainingCountedAt: input.trainingCountedAt ?? input.computedAt,
    formulaVersion: FORMULA_VERSION,
    minGroupSize,
    weights: synthesis.weights,
    surveyUsed: synthesis.surveyUsed,
    respondents: synthesis.respondents,
    diagnosedClusters: synthesis.diagnosedClusters,
    priorities,
    byGender: {
      columns: GENDER_GROUPS,
      rows: synthesis.priorities.map((p) => ({ key: p.theme, cells: p.byGender, total: p.respondents })),
    },
    bySize: { columns: SIZE_GROUPS, rows: synthesis.priorities.map((p) => ({ key: p.theme, cells: p.bySize, total: p.respondents })) },
    commonChallenges: {
      minClusters: commonOptions.minClusters,
      minCountries: commonOptions.minCountries,
      minMentions,
      rows: commonRows,
    },
    training: { rows: trainingRows, byGender: trainingByGender, bySize: trainingBySize },
  };
}

/** Names in the reader's language for the codes the tables carry, and the exports' catalog. */
export interface ExportLabels {
  locale: 'ar' | 'fr' | 'en';
  /** The scope's name ("the region", "Tunisia", a cluster's name). */
  scopeName: string;
  /** A catalog message (`needs.exports.title`, `needs.synthesis.gender.woman`...). */
  t: (id: string, values?: Record<string, string | number>) => string;
  theme: (code: string) => string;
  country: (code: string) => string;
  cluster: (slug: string) => string;
  topic: (code: string) => string;
  format: (code: string) => string;
}
