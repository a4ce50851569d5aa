/**
 * Needs surveys' storage: which forms are needs surveys, and their submitted responses counted as
 * the priority synthesis reads them (a SurveyTally: respondents per cluster, gender and size, and
 * per theme named, with the sum and number of severities given), kept by a trigger in
 * `needs_survey_tally` (migration 0025), so the synthesis reads a few hundred rows whatever the
 * number of responses and includes every answer submitted until the moment it reads.
 *
 * Answers to a cluster survey count for that cluster and its country; answers through an
 * invitation (invitations/) count for the invited organisation's country and the cluster chosen
 * for it when sent, so country-wide and regional surveys feed the synthesis too.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { form, needsSurvey } from '#app/shared/db/schema.ts';

export async function registerNeedsSurvey(executor: Executor, formCode: string): Promise<void> {
  await executor.execute(sql`INSERT INTO needs_survey (form_id) SELECT id FROM form WHERE code = ${formCode} ON CONFLICT DO NOTHING`);
}

/** Which of these form codes are needs surveys. */
export async function selectNeedsSurveyCodes(executor: Executor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await executor
    .select({ code: form.code })
    .from(needsSurvey)
    .innerJoin(form, eq(form.id, needsSurvey.formId))
    .where(inArray(form.code, [...codes]));
  return rows.map((row) => row.code);
}

export interface TallyBaseRow {
  cluster: string;
  country: string;
  gender: string | null;
  size: string | null;
  respondents: number;
}

export interface TallyThemeRow extends Omit<TallyBaseRow, 'respondents'> {
  theme: string;
  named: number;
  severity_sum: number;
  severity_answers: number;
}

/** The maintained tally (migrations 0025, 0027) with its country; cluster '' is an invited organisation in no cluster; '' (not answered) read as null. */
function tallyRows(themes: 'base' | 'themes') {
  return sql`
    SELECT t.theme, t.cluster_slug AS cluster, t.country, nullif(t.gender, '') AS gender, nullif(t.size, '') AS size,
           t.respondents, t.severity_sum, t.severity_answers
    FROM needs_survey_tally t
    WHERE ${themes === 'base' ? sql`t.theme = ''` : sql`t.theme <> ''`} AND t.respondents > 0`;
}

export function selectTallyBase(executor: Executor): Promise<TallyBaseRow[]> {
  return queryRows<TallyBaseRow>(executor, tallyRows('base'));
}

export async function selectTallyThemes(executor: Executor): Promise<TallyThemeRow[]> {
  const rows = await queryRows<TallyThemeRow & { respondents: number }>(executor, tallyRows('themes'));
  return rows.map(({ respondents, ...row }) => ({ ...row, named: respondents }));
}

/** A cluster's country (what a country-scoped grant covers), or null for no such cluster. */
export async function selectClusterCountry(executor: Executor, slug: string): Promise<string | null> {
  const [row] = await queryRows<{ country: string }>(executor, sql`SELECT country_iso2 AS country FROM cluster WHERE slug = ${slug}`);
  return row?.country ?? null;
}
