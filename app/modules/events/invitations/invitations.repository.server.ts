/**
 * Event invitations' storage: the directory's people and addresses for a set of organisations,
 * a cluster's members, the list's entries (unique per event and organisation+person and per
 * address, enforced by the table), their hashed links, and the event's women target.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { event, eventInvitation, eventInvitationLink } from '#app/shared/db/schema.ts';

export type InvitationRow = typeof eventInvitation.$inferSelect;
export type EntryRow = InvitationRow & {
  organisationName: Record<string, string> | null;
  organisationSourceLocale: string | null;
  organisationSlug: string | null;
};

/** A person (or an organisation without people) the directory offers for the list. */
export interface InvitationCandidate {
  organisationId: string;
  personId: string | null;
  name: string | null;
  email: string | null;
  /** The account's language, when the person has one. */
  locale: string | null;
  gender: string | null;
  countryIso2: string;
  organisationType: string;
  sizeClass: string | null;
  womenLed: boolean;
}

function textArray(values: readonly string[]) {
  return sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

export async function selectClusterMemberIds(executor: Executor, slug: string): Promise<string[] | null> {
  const [found] = await queryRows<{ id: string }>(executor, sql`SELECT id FROM cluster WHERE slug = ${slug}`);
  if (!found) return null;
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`SELECT m.organisation_id AS id FROM cluster_membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.cluster_id = ${found.id} AND o.status = 'published' ORDER BY m.organisation_id`,
  );
  return rows.map((row) => row.id);
}

/**
 * Every person of these (published) organisations, with their address (their own, else their
 * account's) and gender, or the organisation itself with its own address when it has no people;
 * each with what the balance counts.
 */
export async function selectCandidates(executor: Executor, organisationIds: readonly string[]): Promise<InvitationCandidate[]> {
  if (organisationIds.length === 0) return [];
  return queryRows<InvitationCandidate>(
    executor,
    sql`
      SELECT o.id AS "organisationId", p.id AS "personId", p.full_name AS name,
             lower(coalesce(p.email, CASE WHEN p.id IS NULL THEN nullif(trim(o.email), '') END)) AS email,
             p.locale, p.gender, o.country_iso2 AS "countryIso2", o.type AS "organisationType",
             o.size_class AS "sizeClass", o.women_led AS "womenLed"
      FROM organisation o
      LEFT JOIN LATERAL (
        SELECT pe.id, pe.full_name, pe.gender, u.locale, pe.created_at,
               coalesce(nullif(trim(pe.email), ''), u.email) AS email
        FROM person pe LEFT JOIN "user" u ON u.id = pe.user_id
        WHERE pe.organisation_id = o.id
      ) p ON true
      WHERE o.id = ANY(${textArray(organisationIds)}) AND o.status = 'published'
      ORDER BY o.id, p.created_at, p.id`,
  );
}

/** What is on the list already: organisation+person keys and addresses (revoked entries included: the table keeps them unique). */
export async function selectListedKeys(executor: Executor, eventId: string): Promise<{ keys: Set<string>; emails: Set<string> }> {
  const rows = await executor
    .select({ organisationId: eventInvitation.organisationId, personId: eventInvitation.personId, email: eventInvitation.email })
    .from(eventInvitation)
    .where(eq(eventInvitation.eventId, eventId));
  return {
    keys: new Set(rows.filter((row) => row.organisationId).map((row) => entryKey(row.organisationId!, row.personId))),
    emails: new Set(rows.flatMap((row) => (row.email ? [row.email] : []))),
  };
}

export function entryKey(organisationId: string, personId: string | null): string {
  return `${organisationId}|${personId ?? ''}`;
}

/** Stores the entries; one listed meanwhile (by a concurrent add) is skipped. */
export async function insertEntries(executor: Executor, rows: (typeof eventInvitation.$inferInsert)[]): Promise<InvitationRow[]> {
  if (rows.length === 0) return [];
  return executor.insert(eventInvitation).values(rows).onConflictDoNothing().returning();
}

/** The list, oldest first, with each organisation's name and slug. */
export async function selectEntries(executor: Executor, eventId: string): Promise<EntryRow[]> {
  return queryRows<EntryRow>(
    executor,
    sql`SELECT i.id, i.event_id AS "eventId", i.organisation_id AS "organisationId", i.person_id AS "personId", i.name, i.email,
               i.locale, i.country_iso2 AS "countryIso2", i.organisation_type AS "organisationType", i.size_class AS "sizeClass",
               i.women_led AS "womenLed", i.gender, i.source, i.sent_at AS "sentAt", i.send_count AS "sendCount",
               i.last_sent_at AS "lastSentAt", i.opened_at AS "openedAt", i.registered_at AS "registeredAt",
               i.declined_at AS "declinedAt", i.revoked_at AS "revokedAt", i.created_at AS "createdAt",
               o.name AS "organisationName", o.source_locale AS "organisationSourceLocale", o.slug AS "organisationSlug"
        FROM event_invitation i LEFT JOIN organisation o ON o.id = i.organisation_id
        WHERE i.event_id = ${eventId}
        ORDER BY i.created_at, i.id`,
  );
}

export async function findEntry(executor: Executor, eventId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .select()
    .from(eventInvitation)
    .where(and(eq(eventInvitation.eventId, eventId), eq(eventInvitation.id, id)))
    .for('update');
  return row;
}

export async function deleteEntry(executor: Executor, id: string): Promise<void> {
  await executor.delete(eventInvitation).where(eq(eventInvitation.id, id));
}

export async function revokeEntry(executor: Executor, id: string, at: Date): Promise<void> {
  await executor.update(eventInvitation).set({ revokedAt: at }).where(eq(eventInvitation.id, id));
}

/** The entries a send reaches, locked: `new` those with an address never sent; `resend` those sent and not answered. */
export async function selectSendable(executor: Executor, eventId: string, mode: 'new' | 'resend'): Promise<InvitationRow[]> {
  const open = and(eq(eventInvitation.eventId, eventId), isNull(eventInvitation.revokedAt), isNotNull(eventInvitation.email));
  const where =
    mode === 'new'
      ? and(open, isNull(eventInvitation.sentAt))
      : and(open, isNotNull(eventInvitation.sentAt), isNull(eventInvitation.registeredAt), isNull(eventInvitation.declinedAt));
  return executor
    .select()
    .from(eventInvitation)
    .where(where)
    .orderBy(asc(eventInvitation.createdAt), asc(eventInvitation.id))
    .for('update');
}

export async function countWithoutAddress(executor: Executor, eventId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    executor,
    sql`SELECT count(*)::int AS n FROM event_invitation WHERE event_id = ${eventId} AND revoked_at IS NULL AND email IS NULL AND sent_at IS NULL`,
  );
  return row?.n ?? 0;
}

export async function markSent(executor: Executor, ids: readonly string[], at: Date, userId: string | null): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(eventInvitation)
    .set({
      sentAt: sql`coalesce(${eventInvitation.sentAt}, ${at.toISOString()}::timestamptz)`,
      sentByUserId: sql`coalesce(${eventInvitation.sentByUserId}, ${userId})`,
      lastSentAt: at,
      sendCount: sql`${eventInvitation.sendCount} + 1`,
    })
    .where(inArray(eventInvitation.id, [...ids]));
}

export async function insertLink(executor: Executor, invitationId: string, tokenHash: string): Promise<void> {
  await executor.insert(eventInvitationLink).values({ invitationId, tokenHash });
}

/** The invitation a link's hash names, whatever its state (the link page tells revoked from unknown). */
export async function findByTokenHash(executor: Executor, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .select({ invitation: eventInvitation })
    .from(eventInvitationLink)
    .innerJoin(eventInvitation, eq(eventInvitation.id, eventInvitationLink.invitationId))
    .where(eq(eventInvitationLink.tokenHash, tokenHash));
  return row?.invitation;
}

export async function markOpened(executor: Executor, id: string, at: Date): Promise<void> {
  await executor
    .update(eventInvitation)
    .set({ openedAt: at })
    .where(and(eq(eventInvitation.id, id), isNull(eventInvitation.openedAt)));
}

export async function updateWomenTarget(executor: Executor, eventId: string, percent: number): Promise<void> {
  await executor.update(event).set({ womenTargetPercent: percent }).where(eq(event.id, eventId));
}

export async function selectOrganisationNames(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, { name: Record<string, string>; sourceLocale: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: Record<string, string>; sourceLocale: string }>(
    executor,
    sql`SELECT id, name, source_locale AS "sourceLocale" FROM organisation WHERE id = ANY(${textArray(ids)})`,
  );
  return new Map(rows.map((row) => [row.id, { name: row.name, sourceLocale: row.sourceLocale }]));
}
