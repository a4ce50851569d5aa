/**
 * Priority needs per cluster, per country and for the region (issue 4, item 5), from the evidence
 * stored so far: the endorsed diagnostics' challenges and the submitted answers of cluster needs
 * surveys, counted by the database (a SurveyTally). The figures are the public synthesis (decision
 * 0012): small groups hidden, no evidence ids; anyone may read them. Computed on each call, so they
 * include every answer submitted until then (`computedAt`).
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { selectEndorsedChallenges } from './diagnostics/diagnostics.repository.server.ts';
import { selectTallyBase, selectTallyThemes } from './needs-survey.repository.server.ts';
import { type Priorities, type PrioritiesQuery, prioritiesQuerySchema } from './priorities.contracts.ts';
import {
  type DiagnosticChallenge,
  type Evidence,
  formatScope,
  GENDERS,
  type Gender,
  parseScope,
  type Severity,
  SIZE_CLASSES,
  type SizeClass,
  type SurveyTally,
} from './synthesis/evidence.ts';
import { publicSynthesis } from './synthesis/public-synthesis.ts';

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

/** The public priority synthesis of a scope (`region`, `country:TN`, `cluster:<slug>`). */
export async function getPriorities(_actor: Actor, query: PrioritiesQuery = {}): Promise<Priorities> {
  const { scope: text } = parseInput(prioritiesQuerySchema, query);
  const scope = parseScope(text);
  if (!scope) throw new AppError('NEEDS_SCOPE_INVALID', 400, { fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }] });
  const [challenges, survey] = await Promise.all([diagnosticEvidence(), surveyEvidence()]);
  const evidence: Evidence = { challenges, survey };
  const synthesis = publicSynthesis(evidence, scope);
  return { ...synthesis, scope: formatScope(scope), computedAt: new Date().toISOString() };
}
