/**
 * The drill-down to the evidence (issue 4, item 5): behind one theme of a scope's priorities, the
 * endorsed diagnostic challenges recording it, the submitted survey answers naming it and the dots
 * of closed workshop votings, the same records the board's staff figures count. Refused (403) without `needs.read` over the scope:
 * the answers carry who gave them. A response's own page is linked for those who may read it.
 */
import { canReadResponse } from '#app/modules/forms/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { listEndorsedChallenges } from './diagnostics/diagnostics.service.server.ts';
import {
  EVIDENCE_PAGE_SIZE,
  type EvidenceQuery,
  evidenceQuerySchema,
  type SurveyAnswerEvidence,
  type ThemeEvidence,
} from './evidence.contracts.ts';
import { type AnswerEvidenceRow, countAnswerEvidence, selectAnswerEvidence } from './evidence.repository.server.ts';
import { findTheme } from './needs.repository.server.ts';
import { readsNeedsDetail } from './priorities.service.server.ts';
import { formatScope, parseScope } from './synthesis/evidence.ts';
import { listThemeVoteEvidence } from './workshops/workshops.service.server.ts';

/** Diagnosed clusters are a few per theme: one page holds them all. */
const CHALLENGES_MAX = 200;

const severityOf = (value: number | null) => (value !== null && value >= 1 && value <= 4 ? value : null);

function answerOf(actor: Actor, row: AnswerEvidenceRow): SurveyAnswerEvidence {
  const submittedAt = row.submitted_at instanceof Date ? row.submitted_at : new Date(row.submitted_at);
  return {
    responseId: row.id,
    formCode: row.form_code,
    submittedAt: submittedAt.toISOString(),
    cluster: row.cluster === '' ? null : row.cluster,
    country: row.country,
    gender: row.gender === '' ? null : row.gender,
    size: row.size === '' ? null : row.size,
    severity: severityOf(row.severity),
    organisation:
      row.org_slug && row.org_name
        ? { slug: row.org_slug, name: row.org_name, sourceLocale: row.org_locale ?? 'en', isDemo: row.org_demo === true }
        : null,
    demo: row.demo,
    readable: canReadResponse(
      actor,
      { type: row.scope_type, id: row.scope_id },
      { respondentUserId: row.respondent_user_id, enteredByUserId: row.entered_by_user_id },
    ),
  };
}

export async function getThemeEvidence(actor: Actor, query: EvidenceQuery): Promise<ThemeEvidence> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const { scope: text, theme, page } = parseInput(evidenceQuerySchema, query);
  const scope = parseScope(text);
  if (!scope) throw new AppError('NEEDS_SCOPE_INVALID', 400, { fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }] });
  if (!(await readsNeedsDetail(actor, scope))) throw CommonErrors.forbidden();
  const db = getDb();
  const themeRow = await findTheme(db, theme);
  if (!themeRow) throw new AppError('NEEDS_THEME_NOT_FOUND', 404, { code: theme });
  const filters = scope.kind === 'country' ? { country: scope.country } : scope.kind === 'cluster' ? { cluster: scope.cluster } : {};
  const [challenges, total, rows, votes] = await Promise.all([
    listEndorsedChallenges(actor, { ...filters, theme, pageSize: CHALLENGES_MAX }),
    countAnswerEvidence(db, scope, theme),
    selectAnswerEvidence(db, scope, theme, { limit: EVIDENCE_PAGE_SIZE, offset: (page - 1) * EVIDENCE_PAGE_SIZE }),
    listThemeVoteEvidence(scope, theme),
  ]);
  return {
    scope: formatScope(scope),
    theme,
    themeName: themeRow.name,
    diagnosedClusters: new Set(challenges.items.map((challenge) => challenge.cluster)).size,
    challenges: challenges.items,
    answers: { total, page, pageSize: EVIDENCE_PAGE_SIZE, items: rows.map((row) => answerOf(actor, row)) },
    votes,
    computedAt: new Date().toISOString(),
  };
}
