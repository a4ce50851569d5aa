/**
 * Priority needs per cluster, per country and for the region (issue 4, item 5), from the evidence
 * stored so far: the endorsed diagnostics' challenges, the submitted answers of cluster needs
 * surveys (their tally, kept by a trigger) and the dots of closed workshop votings. The figures are the public synthesis (decision 0012):
 * small groups hidden, no evidence ids, for anyone; unprotected for `needs.read` over the scope.
 * Computed on each call from the tally, so they include every answer submitted until then
 * (`computedAt`).
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { selectEndorsedChallenges } from './diagnostics/diagnostics.repository.server.ts';
import { canReadNeedsDetail, scopeSubject } from './needs.policy.ts';
import { selectClusterCountry, selectTallyBase, selectTallyThemes } from './needs-survey.repository.server.ts';
import { type Priorities, type PrioritiesQuery, prioritiesQuerySchema } from './priorities.contracts.ts';
import {
  type DiagnosticChallenge,
  type Evidence,
  formatScope,
  GENDERS,
  type Gender,
  parseScope,
  type Scope,
  type Severity,
  SIZE_CLASSES,
  type SizeClass,
  type SurveyTally,
} from './synthesis/evidence.ts';
import { publicSynthesis } from './synthesis/public-synthesis.ts';
import { loadWorkshopVotes } from './workshops/workshops.service.server.ts';

/** Answers the engine accepted but a manager's edited survey may name differently count as not given. */
const genderOf = (value: string | null): Gender | null => ((GENDERS as readonly string[]).includes(value ?? '') ? (value as Gender) : null);
const sizeOf = (value: string | null): SizeClass | null =>
  (SIZE_CLASSES as readonly string[]).includes(value ?? '') ? (value as SizeClass) : null;

/** Every endorsed challenge of the clusters' latest endorsed rounds (a few per cluster). */
async function diagnosticEvidence(): Promise<DiagnosticChallenge[]> {
  const { rows } = await selectEndorsedChallenges(getDb(), {}, { limit: 100_000, offset: 0 });
  return rows.map(({ challenge, cluster }) => ({
    id: challenge.id,
    cluster: cluster.slug,
    country: cluster.countryIso2,
    theme: challenge.themeCode,
    severity: challenge.severity as Severity,
    endorsed: true,
    genderDimension: challenge.genderDimension !== 'none',
  }));
}

async function surveyEvidence(): Promise<SurveyTally> {
  const [base, themes] = await Promise.all([selectTallyBase(getDb()), selectTallyThemes(getDb())]);
  return {
    base: base.map((row) => ({ ...row, gender: genderOf(row.gender), size: sizeOf(row.size) })),
    cells: themes.map((row) => ({
      theme: row.theme,
      cluster: row.cluster,
      country: row.country,
      gender: genderOf(row.gender),
      size: sizeOf(row.size),
      named: row.named,
      severitySum: row.severity_sum,
      severityAnswers: row.severity_answers,
    })),
  };
}

/** Whether the actor reads the scope's detail (every count, the evidence): `needs.read` over it. */
export async function readsNeedsDetail(actor: Actor, scope: Scope): Promise<boolean> {
  const country = scope.kind === 'cluster' ? await selectClusterCountry(getDb(), scope.cluster) : null;
  return canReadNeedsDetail(actor, scopeSubject(scope, country));
}

/**
 * The priority synthesis of a scope (`region`, `country:TN`, `cluster:<slug>`). Everyone gets the
 * public figures (groups under the minimum hidden); those holding `needs.read` over the scope
 * (programme staff, the country's focal points, the cluster's managers) get every count, since
 * they work with the people behind them (`audience: 'staff'`, `minGroupSize` 1).
 */
export async function getPriorities(actor: Actor, query: PrioritiesQuery = {}): Promise<Priorities> {
  const { scope: text } = parseInput(prioritiesQuerySchema, query);
  const scope = parseScope(text);
  if (!scope) throw new AppError('NEEDS_SCOPE_INVALID', 400, { fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }] });
  const staff = await readsNeedsDetail(actor, scope);
  const evidence = await loadSynthesisEvidence();
  const synthesis = publicSynthesis(evidence, scope, staff ? { minGroupSize: 1 } : {});
  return { ...synthesis, audience: staff ? 'staff' : 'public', scope: formatScope(scope), computedAt: new Date().toISOString() };
}

/**
 * Every scope's stored evidence: the endorsed challenges, the survey tally and the dots of closed
 * workshop votings (workshops/), read afresh on each call (the exports read it too).
 */
export async function loadSynthesisEvidence(): Promise<Evidence> {
  const [challenges, survey, votes] = await Promise.all([diagnosticEvidence(), surveyEvidence(), loadWorkshopVotes()]);
  return { challenges, survey, votes };
}
