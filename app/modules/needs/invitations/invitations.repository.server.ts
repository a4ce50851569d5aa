/**
 * Survey sending's storage: the needs survey a form is, the directory's people and addresses for a
 * set of organisations, invitations (one per address and survey, enforced by a unique key), their
 * hashed links, and their state for the status page.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { FormScopeType } from '#app/modules/forms/index.ts';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { surveyInvitation, surveyInvitationLink } from '../needs.schema.ts';
import type { Candidate } from './invitations.ts';

export type InvitationRow = typeof surveyInvitation.$inferSelect;

export interface SurveyFormRow {
  formId: string;
  code: string;
  title: Record<string, string>;
  scopeType: FormScopeType;
  scopeId: string | null;
  /** The survey cluster's country, for a cluster survey. */
  clusterCountry: string | null;
  published: boolean;
}

/** The form `code` when it is a needs survey, or undefined. */
export async function findSurveyForm(executor: Executor, code: string): Promise<SurveyFormRow | undefined> {
  const [row] = await queryRows<SurveyFormRow>(
    executor,
    sql`SELECT f.id AS "formId", f.code, f.title, f.scope_type AS "scopeType", f.scope_id AS "scopeId",
               c.country_iso2 AS "clusterCountry",
               EXISTS (SELECT 1 FROM form_version v WHERE v.form_id = f.id AND v.published_at IS NOT NULL) AS published
        FROM form f JOIN needs_survey s ON s.form_id = f.id
        LEFT JOIN cluster c ON f.scope_type = 'cluster' AND c.slug = f.scope_id
        WHERE f.code = ${code}`,
  );
  return row;
}

export async function findClusterCountry(executor: Executor, slug: string): Promise<string | null> {
  const [row] = await queryRows<{ country: string }>(executor, sql`SELECT country_iso2 AS country FROM cluster WHERE slug = ${slug}`);
  return row?.country ?? null;
}

export async function selectClusterMemberIds(executor: Executor, slug: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`SELECT m.organisation_id AS id FROM cluster_membership m JOIN cluster c ON c.id = m.cluster_id
        JOIN organisation o ON o.id = m.organisation_id
        WHERE c.slug = ${slug} AND o.status = 'published' ORDER BY m.organisation_id`,
  );
  return rows.map((row) => row.id);
}

function textArray(values: readonly string[]) {
  return sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The people with an e-mail (their own, else their account's) of these organisations, or the
 * organisation's own address when none of its people has one; each with the organisation's
 * country, size and one cluster (`preferCluster` when it is a member, else its earliest
 * membership), the person's gender and account language. Organisations with no address at all
 * are counted apart.
 */
export async function selectCandidates(
  executor: Executor,
  organisationIds: readonly string[],
  preferCluster: string | null,
): Promise<{ candidates: Candidate[]; withoutAddress: number }> {
  if (organisationIds.length === 0) return { candidates: [], withoutAddress: 0 };
  const rows = await queryRows<Candidate & { hasAddress: boolean }>(
    executor,
    sql`
      SELECT o.id AS "organisationId",
             coalesce(o.name->>o.source_locale, o.name->>'ar', o.name->>'fr', o.name->>'en', o.slug) AS "organisationName",
             p.id AS "personId", p.user_id AS "userId", p.full_name AS name,
             coalesce(p.email, nullif(trim(o.email), '')) AS email,
             p.locale, p.gender, o.country_iso2 AS country, o.size_class AS "sizeClass",
             (SELECT c.slug FROM cluster_membership m JOIN cluster c ON c.id = m.cluster_id WHERE m.organisation_id = o.id
              ORDER BY (c.slug = ${preferCluster ?? ''}) DESC, m.created_at, c.slug LIMIT 1) AS cluster,
             (p.id IS NOT NULL OR nullif(trim(o.email), '') IS NOT NULL) AS "hasAddress"
      FROM organisation o
      LEFT JOIN LATERAL (
        SELECT pe.id, pe.user_id, pe.full_name, pe.gender, u.locale, pe.created_at,
               coalesce(nullif(trim(pe.email), ''), u.email) AS email
        FROM person pe LEFT JOIN "user" u ON u.id = pe.user_id
        WHERE pe.organisation_id = o.id AND coalesce(nullif(trim(pe.email), ''), u.email) IS NOT NULL
      ) p ON true
      WHERE o.id = ANY(${textArray(organisationIds)})
      ORDER BY o.id, p.created_at, p.id`,
  );
  const withoutAddress = rows.filter((row) => !row.hasAddress).length;
  const candidates = rows.filter((row) => row.hasAddress).map(({ hasAddress: _, ...row }) => row);
  return { candidates, withoutAddress };
}

/** Which of these addresses the survey has already invited. */
export async function selectInvitedEmails(executor: Executor, formId: string, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await executor
    .select({ email: surveyInvitation.email })
    .from(surveyInvitation)
    .where(and(eq(surveyInvitation.formId, formId), inArray(surveyInvitation.email, [...emails])));
  return new Set(rows.map((row) => row.email));
}

/** Stores the invitations; an address invited meanwhile (by a concurrent send) is skipped, never sent twice. */
export async function insertInvitations(executor: Executor, rows: (typeof surveyInvitation.$inferInsert)[]): Promise<InvitationRow[]> {
  if (rows.length === 0) return [];
  return executor
    .insert(surveyInvitation)
    .values(rows)
    .onConflictDoNothing({ target: [surveyInvitation.formId, surveyInvitation.email] })
    .returning();
}

export async function insertInvitationLink(executor: Executor, invitationId: string, tokenHash: string): Promise<void> {
  await executor.insert(surveyInvitationLink).values({ invitationId, tokenHash });
}

export async function findInvitationByTokenHash(executor: Executor, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .select({ invitation: surveyInvitation })
    .from(surveyInvitationLink)
    .innerJoin(surveyInvitation, eq(surveyInvitation.id, surveyInvitationLink.invitationId))
    .where(eq(surveyInvitationLink.tokenHash, tokenHash));
  return row?.invitation;
}

export async function findInvitation(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvitationRow | undefined> {
  const query = executor.select().from(surveyInvitation).where(eq(surveyInvitation.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function formCodeOf(executor: Executor, formId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ code: string }>(executor, sql`SELECT code FROM form WHERE id = ${formId}`);
  return row?.code;
}

/** The first visit: set once. */
export async function markInvitationOpened(executor: Executor, id: string, at: Date): Promise<void> {
  await executor
    .update(surveyInvitation)
    .set({ openedAt: at })
    .where(and(eq(surveyInvitation.id, id), isNull(surveyInvitation.openedAt)));
}

export async function setInvitationResponse(executor: Executor, id: string, responseId: string, at: Date): Promise<void> {
  await executor
    .update(surveyInvitation)
    .set({ responseId, openedAt: sql`coalesce(${surveyInvitation.openedAt}, ${at})` })
    .where(eq(surveyInvitation.id, id));
}

/** The organisation the response speaks for, for the drill-down to the evidence (needs_survey_respondent). */
export async function recordSurveyRespondent(executor: Executor, responseId: string, organisationId: string | null): Promise<void> {
  await executor.execute(
    sql`INSERT INTO needs_survey_respondent (response_id, organisation_id) VALUES (${responseId}, ${organisationId}) ON CONFLICT DO NOTHING`,
  );
}

export async function markInvitationAnswered(executor: Executor, id: string, at: Date): Promise<void> {
  await executor.update(surveyInvitation).set({ answeredAt: at }).where(eq(surveyInvitation.id, id));
}

/** Invitations of the survey not answered, still valid: those a reminder is for. */
export async function selectPendingInvitations(executor: Executor, formId: string, now: Date): Promise<InvitationRow[]> {
  return executor
    .select()
    .from(surveyInvitation)
    .where(
      and(
        eq(surveyInvitation.formId, formId),
        isNull(surveyInvitation.answeredAt),
        isNull(surveyInvitation.revokedAt),
        gt(surveyInvitation.expiresAt, now),
      ),
    )
    .orderBy(asc(surveyInvitation.sentAt), asc(surveyInvitation.id));
}

export async function markInvitationsReminded(executor: Executor, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(surveyInvitation)
    .set({ reminderCount: sql`${surveyInvitation.reminderCount} + 1`, lastRemindedAt: at })
    .where(inArray(surveyInvitation.id, [...ids]));
}

export async function countInvitations(
  executor: Executor,
  formId: string,
  now: Date,
): Promise<{ invited: number; opened: number; answered: number; reminded: number; pending: number }> {
  const where = eq(surveyInvitation.formId, formId);
  const [row] = await executor
    .select({
      invited: count(),
      opened: count(surveyInvitation.openedAt),
      answered: count(surveyInvitation.answeredAt),
      reminded: sql<number>`count(*) FILTER (WHERE ${surveyInvitation.reminderCount} > 0)`.mapWith(Number),
      pending:
        sql<number>`count(*) FILTER (WHERE ${surveyInvitation.answeredAt} IS NULL AND ${surveyInvitation.revokedAt} IS NULL AND ${surveyInvitation.expiresAt} > ${now})`.mapWith(
          Number,
        ),
    })
    .from(surveyInvitation)
    .where(where);
  return row ?? { invited: 0, opened: 0, answered: 0, reminded: 0, pending: 0 };
}

export async function selectInvitationPage(
  executor: Executor,
  formId: string,
  limit: number,
  offset: number,
): Promise<(InvitationRow & { organisationName: string | null })[]> {
  const rows = await executor
    .select({
      invitation: surveyInvitation,
      organisationName: sql<
        string | null
      >`(SELECT coalesce(o.name->>o.source_locale, o.name->>'ar', o.name->>'fr', o.name->>'en') FROM organisation o WHERE o.id = ${surveyInvitation.organisationId})`,
    })
    .from(surveyInvitation)
    .where(eq(surveyInvitation.formId, formId))
    .orderBy(asc(surveyInvitation.email))
    .limit(limit)
    .offset(offset);
  return rows.map(({ invitation, organisationName }) => ({ ...invitation, organisationName }));
}

/** The invitations of an account (its person was invited), newest first, with their survey. */
export async function selectInvitationsOfUser(
  executor: Executor,
  userId: string,
): Promise<(InvitationRow & { formCode: string; title: Record<string, string> })[]> {
  const rows = await executor
    .select({
      invitation: surveyInvitation,
      formCode: sql<string>`(SELECT code FROM form WHERE id = ${surveyInvitation.formId})`,
      title: sql<Record<string, string>>`(SELECT title FROM form WHERE id = ${surveyInvitation.formId})`,
    })
    .from(surveyInvitation)
    .where(and(eq(surveyInvitation.userId, userId), isNull(surveyInvitation.revokedAt)))
    .orderBy(desc(surveyInvitation.sentAt))
    .limit(50);
  return rows.map(({ invitation, formCode, title }) => ({ ...invitation, formCode, title }));
}

/** Withdraws an invitation of the survey not answered yet: its links stop working (410). False when there is none to withdraw. */
export async function revokeInvitation(executor: Executor, formId: string, id: string, at: Date): Promise<boolean> {
  const rows = await executor
    .update(surveyInvitation)
    .set({ revokedAt: at })
    .where(
      and(
        eq(surveyInvitation.id, id),
        eq(surveyInvitation.formId, formId),
        isNull(surveyInvitation.answeredAt),
        isNull(surveyInvitation.revokedAt),
      ),
    )
    .returning({ id: surveyInvitation.id });
  return rows.length > 0;
}
