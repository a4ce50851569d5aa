/**
 * The survey answers behind one theme of the synthesis in one scope. An answer matches when the
 * tally counts it for this theme in this scope: it asks the tally's own function
 * (`mosaic_needs_tally_of`, migrations 0025 and after) what the response counts for, so the list
 * and its total always agree with the board's figures, whatever decides the attribution.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import type { Translatable } from '#app/shared/db/columns.ts';
import type { Scope } from './synthesis/evidence.ts';

export interface AnswerEvidenceRow {
  id: string;
  form_code: string;
  scope_type: 'global' | 'country' | 'cluster';
  scope_id: string | null;
  respondent_user_id: string | null;
  entered_by_user_id: string | null;
  submitted_at: Date | string;
  cluster: string;
  country: string;
  gender: string;
  size: string;
  severity: number | null;
  demo: boolean;
  org_slug: string | null;
  org_name: Translatable | null;
  org_locale: string | null;
  org_demo: boolean | null;
}

/** The country the tally counts the answer for (migration 0027). */
const countryOf = sql`k.country`;

function inScope(scope: Scope): SQL {
  if (scope.kind === 'region') return sql`true`;
  if (scope.kind === 'country') return sql`${countryOf} = ${scope.country}`;
  return sql`k.cluster_slug = ${scope.cluster}`;
}

function matched(scope: Scope, theme: string): SQL {
  return sql`
    SELECT r.id, r.form_id, r.respondent_user_id, r.entered_by_user_id, r.submitted_at, s.is_demo AS demo,
           k.cluster_slug AS cluster, ${countryOf} AS country, k.gender, k.size,
           CASE WHEN k.severity_answers > 0 THEN k.severity_sum END AS severity
    FROM needs_survey s
    JOIN form_response r ON r.form_id = s.form_id AND r.status = 'submitted'
      AND r.answers -> 'challenges' @> jsonb_build_array(${theme}::text)
    CROSS JOIN LATERAL mosaic_needs_tally_of(r) k
    WHERE k.theme = ${theme} AND ${inScope(scope)}`;
}

export async function countAnswerEvidence(executor: Executor, scope: Scope, theme: string): Promise<number> {
  const [row] = await queryRows<{ total: number }>(executor, sql`SELECT count(*)::int AS total FROM (${matched(scope, theme)}) m`);
  return row?.total ?? 0;
}

/** One page of the answers, newest first, with the organisation each speaks for (as recorded, else the invited one, else the respondent's own). */
export function selectAnswerEvidence(
  executor: Executor,
  scope: Scope,
  theme: string,
  page: { limit: number; offset: number },
): Promise<AnswerEvidenceRow[]> {
  return queryRows<AnswerEvidenceRow>(
    executor,
    sql`
      SELECT m.id, f.code AS form_code, f.scope_type, f.scope_id, m.respondent_user_id, m.entered_by_user_id, m.submitted_at,
             m.cluster, m.country, m.gender, m.size, m.severity, m.demo,
             o.slug AS org_slug, o.name AS org_name, o.source_locale AS org_locale, o.is_demo AS org_demo
      FROM (${matched(scope, theme)}) m
      JOIN form f ON f.id = m.form_id
      LEFT JOIN needs_survey_respondent nr ON nr.response_id = m.id
      LEFT JOIN survey_invitation si ON si.response_id = m.id
      LEFT JOIN person p ON m.respondent_user_id IS NOT NULL AND p.user_id = m.respondent_user_id
      LEFT JOIN organisation o ON o.id = coalesce(nr.organisation_id, si.organisation_id, p.organisation_id)
      ORDER BY m.submitted_at DESC, m.id
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}
