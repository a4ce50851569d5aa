/**
 * The only code touching `event_registration` for registration: counts under the event's lock,
 * the waiting list in order, the staff list and a person's own registrations, and the
 * organisations a member may register for.
 */
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import type { Translatable } from '#app/shared/db/columns.ts';
import { event, eventRegistration, eventRegistrationReminder, form, organisation, person } from '#app/shared/db/schema.ts';
import type { RegistrationStatus } from '../events.schema.ts';

export type RegistrationRow = typeof eventRegistration.$inferSelect;
export type NewRegistration = typeof eventRegistration.$inferInsert;

export type StatusCounts = Record<RegistrationStatus, number>;

export async function countByStatus(executor: Executor, eventId: string): Promise<StatusCounts> {
  const rows = await executor
    .select({ status: eventRegistration.status, n: count() })
    .from(eventRegistration)
    .where(eq(eventRegistration.eventId, eventId))
    .groupBy(eventRegistration.status);
  const counts: StatusCounts = { pending: 0, confirmed: 0, waiting: 0, declined: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export async function findRegistration(executor: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = executor.select().from(eventRegistration).where(eq(eventRegistration.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findRegistrationByEmail(executor: Executor, eventId: string, email: string) {
  const [row] = await executor
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.email, email)));
  return row;
}

export async function findRegistrationOfUser(executor: Executor, eventId: string, userId: string) {
  const [row] = await executor
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.userId, userId)))
    .orderBy(desc(eventRegistration.updatedAt))
    .limit(1);
  return row;
}

export async function insertRegistration(executor: Executor, values: NewRegistration): Promise<RegistrationRow> {
  const [row] = await executor.insert(eventRegistration).values(values).returning();
  return row!;
}

/** Registering again after a cancellation or a refusal: the same row, a new place in the line (a new `seq`). */
export async function renewRegistration(executor: Executor, id: string, values: Partial<NewRegistration>): Promise<RegistrationRow> {
  const [row] = await executor
    .update(eventRegistration)
    .set({
      ...values,
      seq: sql`nextval(pg_get_serial_sequence('event_registration', 'seq'))`,
      updatedAt: new Date(),
    })
    .where(eq(eventRegistration.id, id))
    .returning();
  return row!;
}

export async function updateRegistration(executor: Executor, id: string, values: Partial<NewRegistration>): Promise<RegistrationRow> {
  const [row] = await executor
    .update(eventRegistration)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(eventRegistration.id, id))
    .returning();
  return row!;
}

/** The first `limit` waiting registrations, in arrival order. */
export async function selectFirstWaiting(executor: Executor, eventId: string, limit: number): Promise<RegistrationRow[]> {
  return executor
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'waiting')))
    .orderBy(asc(eventRegistration.seq))
    .limit(limit);
}

/** How many wait ahead of `seq`. */
export async function countWaitingBefore(executor: Executor, eventId: string, seq: number): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'waiting'), lt(eventRegistration.seq, seq)));
  return Number(row?.n ?? 0);
}

const listColumns = { row: eventRegistration, organisationName: organisation.name, organisationLocale: organisation.sourceLocale };

export type ListedRegistration = { row: RegistrationRow; organisationName: Translatable | null; organisationLocale: string | null };

/** A page of an event's registrations in arrival order, optionally of one status. */
export async function selectRegistrations(
  executor: Executor,
  eventId: string,
  filter: { status?: RegistrationStatus; limit: number; offset: number },
): Promise<ListedRegistration[]> {
  const where = filter.status
    ? and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, filter.status))
    : eq(eventRegistration.eventId, eventId);
  return executor
    .select(listColumns)
    .from(eventRegistration)
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .where(where)
    .orderBy(asc(eventRegistration.seq))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** The waiting `seq`s of an event below `seq`s given: places on the waiting list, in one query. */
export async function waitingSeqs(executor: Executor, eventId: string): Promise<number[]> {
  const rows = await executor
    .select({ seq: eventRegistration.seq })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'waiting')))
    .orderBy(asc(eventRegistration.seq));
  return rows.map((r) => r.seq);
}

/** A person's registrations with their events, the soonest event first (bounded). */
export async function selectUserRegistrations(executor: Executor, userId: string, limit: number) {
  return executor
    .select({
      registration: eventRegistration,
      event: {
        id: event.id,
        slug: event.slug,
        title: event.title,
        sourceLocale: event.sourceLocale,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timeZone: event.timeZone,
        status: event.status,
      },
    })
    .from(eventRegistration)
    .innerJoin(event, eq(event.id, eventRegistration.eventId))
    .where(eq(eventRegistration.userId, userId))
    .orderBy(desc(event.startsAt))
    .limit(limit);
}

export interface OrganisationChoice {
  id: string;
  slug: string;
  name: Translatable;
  sourceLocale: string;
  countryIso2: string | null;
}

/** The organisations a member registers for: the one their directory entry belongs to, and those they administer (by slug). */
export async function selectUserOrganisations(
  executor: Executor,
  userId: string,
  adminSlugs: readonly string[],
): Promise<OrganisationChoice[]> {
  const columns = {
    id: organisation.id,
    slug: organisation.slug,
    name: organisation.name,
    sourceLocale: organisation.sourceLocale,
    countryIso2: organisation.countryIso2,
  };
  const own = await executor
    .select(columns)
    .from(person)
    .innerJoin(organisation, eq(organisation.id, person.organisationId))
    .where(eq(person.userId, userId));
  const administered =
    adminSlugs.length > 0
      ? await executor
          .select(columns)
          .from(organisation)
          .where(inArray(organisation.slug, [...adminSlugs]))
      : [];
  return [...new Map([...own, ...administered].map((o) => [o.id, o])).values()];
}

/** The person in the directory with this account (their gender and organisation prefill the form). */
export async function findPersonOfUser(executor: Executor, userId: string) {
  const [row] = await executor.select().from(person).where(eq(person.userId, userId));
  return row;
}

export async function findOrganisation(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: organisation.id, name: organisation.name, countryIso2: organisation.countryIso2 })
    .from(organisation)
    .where(eq(organisation.id, id));
  return row;
}

/** The code of the event's registration form. */
export async function findFormCode(executor: Executor, formId: string): Promise<string | undefined> {
  const [row] = await executor.select({ code: form.code }).from(form).where(eq(form.id, formId));
  return row?.code;
}

export async function findFormIdByCode(executor: Executor, code: string): Promise<string | undefined> {
  const [row] = await executor.select({ id: form.id }).from(form).where(eq(form.code, code));
  return row?.id;
}

/** The event's registration form (the column is the registration part's to set). */
export async function setEventRegistrationForm(executor: Executor, eventId: string, formId: string | null): Promise<void> {
  await executor.update(event).set({ registrationFormId: formId, updatedAt: new Date() }).where(eq(event.id, eventId));
}

/** Records that the reminder of a registration went; false when it already had (never two reminders). */
export async function claimReminder(executor: Executor, registrationId: string): Promise<boolean> {
  const rows = await executor
    .insert(eventRegistrationReminder)
    .values({ registrationId })
    .onConflictDoNothing({ target: eventRegistrationReminder.registrationId })
    .returning({ id: eventRegistrationReminder.registrationId });
  return rows.length > 0;
}
