/**
 * The evidence the priority synthesis reads (issue 4, item 5), independent of storage: survey
 * answers, diagnostic challenges and workshop votes, each tagged with a challenge theme code, a
 * cluster slug and a country (ISO 3166-1 alpha-2). Storage (surveys, diagnostics, events) maps its
 * rows to these records, or to the same quantities kept in a summary table (decision 0012).
 *
 * Missing answers are explicit: a survey mention's severity, a respondent's gender and
 * organisation size may be `null` (not answered). `undisclosed` is an answer ("prefer not to say"),
 * not a missing one. Pure types and helpers, no I/O.
 */

/** Self-declared gender as asked by the needs survey; `undisclosed` is "prefer not to say". */
export const GENDERS = ['woman', 'man', 'another', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** Organisation size classes (micro < 10 staff, small < 50, medium < 250, large). */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** The gender breakdown's groups: the four answers plus `unknown` for a question left unanswered. */
export const GENDER_GROUPS = [...GENDERS, 'unknown'] as const;
export type GenderGroup = (typeof GENDER_GROUPS)[number];

/** The size breakdown's groups: the four classes plus `unknown` for a question left unanswered. */
export const SIZE_GROUPS = [...SIZE_CLASSES, 'unknown'] as const;
export type SizeGroup = (typeof SIZE_GROUPS)[number];

/** Severity is asked and recorded on one scale, 1 (minor) to 4 (critical). */
export const SEVERITY_MIN = 1;
export const SEVERITY_MAX = 4;
export type Severity = 1 | 2 | 3 | 4;

/** Who answered a needs survey: what the disaggregation and the denominators need. */
export interface Respondent {
  respondentId: string;
  cluster: string;
  country: string;
  gender: Gender | null;
  size: SizeClass | null;
}

/**
 * A survey response that answered the challenges question, whether or not it named a theme. A
 * respondent who named nothing still counts in the denominator of every theme's frequency; one who
 * skipped the question is not a respondent for the synthesis (storage leaves it out).
 */
export type SurveyResponse = Respondent;

/** One theme named by one respondent, with the severity they gave it (or `null`: not answered). */
export interface SurveyMention extends Respondent {
  /** Stable id of the answer, kept for the drill-down to the evidence. */
  id: string;
  theme: string;
  severity: Severity | null;
}

/** A challenge recorded in a cluster's diagnostic by its manager. */
export interface DiagnosticChallenge {
  id: string;
  cluster: string;
  country: string;
  theme: string;
  severity: Severity;
  /** Whether the diagnostic it belongs to has been endorsed. */
  endorsed: boolean;
  /** Whether the manager marked the challenge as having a gender dimension. */
  genderDimension: boolean;
}

/** Votes cast for a theme at a workshop (an event may gather several clusters of one country). */
export interface WorkshopVote {
  id: string;
  eventId: string;
  clusters: readonly string[];
  country: string;
  theme: string;
  votes: number;
}

/** Respondents of one cluster, gender and size: the survey's denominators, as a summary table keeps them. */
export interface SurveyBaseCell {
  cluster: string;
  country: string;
  gender: Gender | null;
  size: SizeClass | null;
  respondents: number;
}

/**
 * Respondents of one cluster, gender and size naming one theme (each respondent once), with the sum
 * and number of the severities they gave: the survey's numerators, as a summary table keeps them.
 */
export interface SurveyThemeCell {
  theme: string;
  cluster: string;
  country: string;
  gender: Gender | null;
  size: SizeClass | null;
  named: number;
  severitySum: number;
  severityAnswers: number;
}

/** The survey as counts: what the formula reads, whatever the number of responses (decision 0012). */
export interface SurveyTally {
  base: readonly SurveyBaseCell[];
  cells: readonly SurveyThemeCell[];
}

/** Everything the synthesis reads, for any scope; records outside a scope are ignored. */
export interface Evidence {
  /** Responses that answered the challenges question; respondents of mentions are added if missing. */
  responses?: readonly SurveyResponse[];
  mentions?: readonly SurveyMention[];
  /**
   * The survey already counted (from the summary table). When given, it replaces `responses` and
   * `mentions` for the figures; mentions, if also given, only supply the evidence ids.
   */
  survey?: SurveyTally;
  challenges?: readonly DiagnosticChallenge[];
  votes?: readonly WorkshopVote[];
}

/** Which figures a synthesis is about: one cluster, one country, or the whole region. */
export type Scope = { kind: 'region' } | { kind: 'country'; country: string } | { kind: 'cluster'; cluster: string };

/** `region`, `country:TN`, `cluster:el-jem-mosaic` (the API's `scope` parameter) to a scope, or null. */
export function parseScope(text: string): Scope | null {
  if (text === 'region') return { kind: 'region' };
  const country = /^country:([A-Z]{2})$/.exec(text);
  if (country) return { kind: 'country', country: country[1]! };
  const cluster = /^cluster:([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(text);
  if (cluster) return { kind: 'cluster', cluster: cluster[1]! };
  return null;
}

export function formatScope(scope: Scope): string {
  if (scope.kind === 'region') return 'region';
  return scope.kind === 'country' ? `country:${scope.country}` : `cluster:${scope.cluster}`;
}

/** Whether a record placed in `cluster` of `country` belongs to `scope`. */
export function inScope(scope: Scope, cluster: string, country: string): boolean {
  if (scope.kind === 'region') return true;
  return scope.kind === 'country' ? country === scope.country : cluster === scope.cluster;
}

/** Whether a workshop vote belongs to `scope` (a vote of several clusters counts for each of them). */
export function voteInScope(scope: Scope, vote: WorkshopVote): boolean {
  if (scope.kind === 'region') return true;
  return scope.kind === 'country' ? vote.country === scope.country : vote.clusters.includes(scope.cluster);
}

export function genderGroup(gender: Gender | null): GenderGroup {
  return gender ?? 'unknown';
}

export function sizeGroup(size: SizeClass | null): SizeGroup {
  return size ?? 'unknown';
}

/** A count per group, every group present (zeros included) so tables keep their columns. */
export function emptyGenderCounts(): Record<GenderGroup, number> {
  return { woman: 0, man: 0, another: 0, undisclosed: 0, unknown: 0 };
}

export function emptySizeCounts(): Record<SizeGroup, number> {
  return { micro: 0, small: 0, medium: 0, large: 0, unknown: 0 };
}

/** Restricts survey evidence to some genders and/or sizes (the disaggregated syntheses). */
export interface RespondentFilter {
  genders?: readonly GenderGroup[];
  sizes?: readonly SizeGroup[];
}

export function matchesFilter(filter: RespondentFilter | undefined, respondent: Pick<Respondent, 'gender' | 'size'>): boolean {
  if (!filter) return true;
  if (filter.genders && !filter.genders.includes(genderGroup(respondent.gender))) return false;
  if (filter.sizes && !filter.sizes.includes(sizeGroup(respondent.size))) return false;
  return true;
}

/**
 * The respondents of `scope` keyed by id: the responses, plus the respondent of any mention
 * without a response. A response's attributes win over a mention's; between mentions, the
 * smallest mention id wins, so the result never depends on the input's order.
 */
export function respondentsInScope(evidence: Evidence, scope: Scope, filter?: RespondentFilter): Map<string, Respondent> {
  const result = new Map<string, Respondent>();
  for (const r of evidence.responses ?? []) {
    if (!result.has(r.respondentId)) result.set(r.respondentId, r);
  }
  const fromMentions = new Map<string, SurveyMention>();
  for (const m of evidence.mentions ?? []) {
    if (result.has(m.respondentId)) continue;
    const seen = fromMentions.get(m.respondentId);
    if (!seen || m.id < seen.id) fromMentions.set(m.respondentId, m);
  }
  for (const [id, m] of fromMentions) result.set(id, m);
  for (const [id, r] of result) {
    if (!inScope(scope, r.cluster, r.country) || !matchesFilter(filter, r)) result.delete(id);
  }
  return result;
}

/**
 * Counts the survey as the summary table will (decision 0012): respondents per cluster, gender and
 * size; per theme, respondents naming it (once each, at the highest severity they gave) with the
 * sum and number of severities. The formula gives the same figures from this as from the records.
 */
export function tallySurvey(evidence: Evidence): SurveyTally {
  const respondents = respondentsInScope(evidence, { kind: 'region' });
  const cellKey = (r: Respondent) => `${r.cluster}\u0000${r.gender ?? ''}\u0000${r.size ?? ''}`;
  const base = new Map<string, SurveyBaseCell>();
  for (const r of respondents.values()) {
    const key = cellKey(r);
    const cell = base.get(key) ?? { cluster: r.cluster, country: r.country, gender: r.gender, size: r.size, respondents: 0 };
    cell.respondents += 1;
    base.set(key, cell);
  }
  // Highest severity per respondent and theme (null when they gave none).
  const named = new Map<string, { respondent: Respondent; theme: string; severity: number | null }>();
  for (const m of evidence.mentions ?? []) {
    const respondent = respondents.get(m.respondentId);
    if (!respondent) continue;
    const key = `${m.respondentId}\u0000${m.theme}`;
    const before = named.get(key);
    const severity = m.severity === null ? (before?.severity ?? null) : Math.max(before?.severity ?? 0, m.severity);
    named.set(key, { respondent, theme: m.theme, severity });
  }
  const cells = new Map<string, SurveyThemeCell>();
  for (const { respondent: r, theme, severity } of named.values()) {
    const key = `${theme}\u0000${cellKey(r)}`;
    const cell = cells.get(key) ?? {
      theme,
      cluster: r.cluster,
      country: r.country,
      gender: r.gender,
      size: r.size,
      named: 0,
      severitySum: 0,
      severityAnswers: 0,
    };
    cell.named += 1;
    if (severity !== null) {
      cell.severitySum += severity;
      cell.severityAnswers += 1;
    }
    cells.set(key, cell);
  }
  return { base: [...base.values()], cells: [...cells.values()] };
}
