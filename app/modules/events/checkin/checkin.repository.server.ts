/** Check-ins: the only code touching `event_check_in` through drizzle, and the registrations' check-in mirror. */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { country, eventCheckIn, eventRegistration, organisation, user } from '#app/shared/db/schema.ts';
import type { CheckInSource } from './checkin.schema.ts';

export type CheckInRow = typeof eventCheckIn.$inferSelect;
export type RegistrationRow = typeof eventRegistration.$inferSelect;

/** The statuses the door sees (cancelled and declined registrations are left out of its lists). */
const LISTED = ['confirmed', 'waiting', 'pending'] as const;

/** The registration of this event with this code or id, locked for the transaction (check-ins of one person serialise on it). */
export async function lockRegistration(
  executor: Executor,
  eventId: string,
  by: { code: string } | { registrationId: string },
): Promise<RegistrationRow | undefined> {
  const match = 'code' in by ? eq(eventRegistration.checkInCode, by.code) : eq(eventRegistration.id, by.registrationId);
  const [row] = await executor
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), match))
    .for('update');
  return row;
}

export async function findCheckIn(executor: Executor, id: string): Promise<CheckInRow | undefined> {
  const [row] = await executor.select().from(eventCheckIn).where(eq(eventCheckIn.id, id));
  return row;
}

export async function findStandingCheckIn(executor: Executor, registrationId: string): Promise<CheckInRow | undefined> {
  const [row] = await executor
    .select()
    .from(eventCheckIn)
    .where(and(eq(eventCheckIn.registrationId, registrationId), isNull(eventCheckIn.undoneAt)));
  return row;
}

/** Inserts the check-in unless its id exists; returns the row written, or nothing when the id was taken. */
export async function insertCheckIn(
  executor: Executor,
  values: {
    id: string;
    eventId: string;
    registrationId: string;
    checkedInAt: Date;
    checkedInByUserId: string | null;
    source: CheckInSource;
  },
): Promise<CheckInRow | undefined> {
  const [row] = await executor.insert(eventCheckIn).values(values).onConflictDoNothing({ target: eventCheckIn.id }).returning();
  return row;
}

export async function markUndone(executor: Executor, id: string, byUserId: string | null): Promise<CheckInRow | undefined> {
  const [row] = await executor
    .update(eventCheckIn)
    .set({ undoneAt: new Date(), undoneByUserId: byUserId })
    .where(and(eq(eventCheckIn.id, id), isNull(eventCheckIn.undoneAt)))
    .returning();
  return row;
}

/** Mirrors the standing check-in on the registration (null after an undo). */
export async function setRegistrationCheckedIn(executor: Executor, registrationId: string, at: Date | null): Promise<void> {
  await executor.update(eventRegistration).set({ checkedInAt: at }).where(eq(eventRegistration.id, registrationId));
}

/** Confirmed registrations (expected) and those of them checked in. */
export async function countAttendance(executor: Executor, eventId: string): Promise<{ expected: number; checkedIn: number }> {
  const [row] = await executor
    .select({
      expected: count(),
      checkedIn: sql<number>`count(${eventRegistration.checkedInAt})::int`,
    })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'confirmed')));
  return { expected: Number(row?.expected ?? 0), checkedIn: Number(row?.checkedIn ?? 0) };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function attendeesWhere(eventId: string, q: string | undefined) {
  const base = and(eq(eventRegistration.eventId, eventId), inArray(eventRegistration.status, [...LISTED]));
  if (!q) return base;
  const pattern = `%${escapeLike(q)}%`;
  return and(
    base,
    or(
      ilike(eventRegistration.name, pattern),
      eq(eventRegistration.checkInCode, q),
      sql`exists (select 1 from jsonb_each_text(${organisation.name}) as n(lang, value) where n.value ilike ${pattern})`,
    ),
  );
}

/** Registrations the door sees, by name, with their organisation; `q` matches part of a name or an organisation's name, or a whole code. */
export async function selectAttendees(executor: Executor, eventId: string, options: { q?: string; limit: number; offset: number }) {
  return executor
    .select({
      registrationId: eventRegistration.id,
      name: eventRegistration.name,
      organisationName: organisation.name,
      organisationLocale: organisation.sourceLocale,
      countryIso2: eventRegistration.countryIso2,
      code: eventRegistration.checkInCode,
      status: eventRegistration.status,
      checkedInAt: eventRegistration.checkedInAt,
    })
    .from(eventRegistration)
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .where(attendeesWhere(eventId, options.q))
    .orderBy(asc(eventRegistration.name), asc(eventRegistration.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countAttendees(executor: Executor, eventId: string, q?: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(eventRegistration)
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .where(attendeesWhere(eventId, q));
  return Number(row?.n ?? 0);
}

/** Standing check-ins of the event, latest received first, with who made them. */
export async function selectCheckIns(executor: Executor, eventId: string, options: { limit: number; offset: number }) {
  return executor
    .select({
      id: eventCheckIn.id,
      registrationId: eventCheckIn.registrationId,
      name: eventRegistration.name,
      organisationName: organisation.name,
      organisationLocale: organisation.sourceLocale,
      checkedInAt: eventCheckIn.checkedInAt,
      receivedAt: eventCheckIn.receivedAt,
      source: eventCheckIn.source,
      checkedInBy: user.name,
    })
    .from(eventCheckIn)
    .innerJoin(eventRegistration, eq(eventRegistration.id, eventCheckIn.registrationId))
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .leftJoin(user, eq(user.id, eventCheckIn.checkedInByUserId))
    .where(and(eq(eventCheckIn.eventId, eventId), isNull(eventCheckIn.undoneAt)))
    .orderBy(desc(eventCheckIn.receivedAt), desc(eventCheckIn.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countCheckIns(executor: Executor, eventId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(eventCheckIn)
    .where(and(eq(eventCheckIn.eventId, eventId), isNull(eventCheckIn.undoneAt)));
  return Number(row?.n ?? 0);
}

/** Confirmed registrations for the badges, by name, with organisation and country names (one registration's, or every one). */
export async function selectBadgeHolders(executor: Executor, eventId: string, registrationId?: string) {
  return executor
    .select({
      registrationId: eventRegistration.id,
      name: eventRegistration.name,
      locale: eventRegistration.locale,
      organisationName: organisation.name,
      organisationLocale: organisation.sourceLocale,
      countryIso2: eventRegistration.countryIso2,
      countryName: country.name,
      code: eventRegistration.checkInCode,
      userId: eventRegistration.userId,
    })
    .from(eventRegistration)
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .leftJoin(country, eq(country.iso2, eventRegistration.countryIso2))
    .where(
      and(
        eq(eventRegistration.eventId, eventId),
        eq(eventRegistration.status, 'confirmed'),
        registrationId ? eq(eventRegistration.id, registrationId) : isNotNull(eventRegistration.id),
      ),
    )
    .orderBy(asc(eventRegistration.name), asc(eventRegistration.id));
}
