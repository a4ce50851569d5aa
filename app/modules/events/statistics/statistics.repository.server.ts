/**
 * What the statistics count, read in a bounded number of queries: the registrations of one event
 * or of many (with their organisation's type, size class and women-led flag from the directory),
 * the invitations sent (with what was copied from the directory when added), and the participant
 * lists. Only this file touches drizzle for the statistics.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, event, eventInvitation, eventRegistration, organisation } from '#app/shared/db/schema.ts';

const registrationColumns = {
  eventId: eventRegistration.eventId,
  status: eventRegistration.status,
  checkedInAt: eventRegistration.checkedInAt,
  gender: eventRegistration.gender,
  countryIso2: eventRegistration.countryIso2,
  organisationType: organisation.type,
  sizeClass: organisation.sizeClass,
  womenLed: organisation.womenLed,
  organisationCountry: organisation.countryIso2,
};

export type RegistrationFacts = Awaited<ReturnType<typeof selectRegistrationFacts>>[number];

export async function selectRegistrationFacts(executor: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return executor
    .select(registrationColumns)
    .from(eventRegistration)
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .where(inArray(eventRegistration.eventId, [...eventIds]));
}

/** Invitations sent and not revoked. */
export async function selectInvitationFacts(executor: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return executor
    .select({
      eventId: eventInvitation.eventId,
      gender: eventInvitation.gender,
      countryIso2: eventInvitation.countryIso2,
      organisationId: eventInvitation.organisationId,
      organisationType: eventInvitation.organisationType,
      sizeClass: eventInvitation.sizeClass,
      womenLed: eventInvitation.womenLed,
    })
    .from(eventInvitation)
    .where(and(inArray(eventInvitation.eventId, [...eventIds]), isNotNull(eventInvitation.sentAt), isNull(eventInvitation.revokedAt)));
}

export interface EventFilter {
  type?: string;
  countryIso2?: string;
  /** Events starting in this calendar year (UTC). */
  year?: number;
}

/** Events that are not drafts, by start, with what the policy reads; a bounded list (the programme holds hundreds at most). */
export async function selectEventsForStatistics(executor: Executor, filter: EventFilter, limit: number) {
  const conditions: SQL[] = [ne(event.status, 'draft')];
  if (filter.type) conditions.push(eq(event.type, filter.type as never));
  if (filter.countryIso2) conditions.push(eq(event.countryIso2, filter.countryIso2));
  if (filter.year) {
    conditions.push(gte(event.startsAt, new Date(Date.UTC(filter.year, 0, 1))));
    conditions.push(lt(event.startsAt, new Date(Date.UTC(filter.year + 1, 0, 1))));
  }
  return executor
    .select({
      id: event.id,
      slug: event.slug,
      type: event.type,
      title: event.title,
      sourceLocale: event.sourceLocale,
      status: event.status,
      countryIso2: event.countryIso2,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      hostClusterSlug: cluster.slug,
    })
    .from(event)
    .leftJoin(cluster, eq(cluster.id, event.hostClusterId))
    .where(and(...conditions))
    .orderBy(asc(event.startsAt), asc(event.slug))
    .limit(limit);
}

/** The participant list: registrations of the given statuses, by name, with their organisation's name. */
export async function selectParticipants(executor: Executor, eventId: string, options: { statuses: string[]; listedOnly: boolean }) {
  const conditions: SQL[] = [eq(eventRegistration.eventId, eventId), inArray(eventRegistration.status, options.statuses as never[])];
  if (options.listedOnly) conditions.push(eq(eventRegistration.consentListed, true));
  return executor
    .select({
      name: eventRegistration.name,
      email: eventRegistration.email,
      status: eventRegistration.status,
      countryIso2: sql<string | null>`coalesce(${eventRegistration.countryIso2}, ${organisation.countryIso2})`,
      organisationName: organisation.name,
      organisationSourceLocale: organisation.sourceLocale,
      consentListed: eventRegistration.consentListed,
      consentPhotographed: eventRegistration.consentPhotographed,
      checkedInAt: eventRegistration.checkedInAt,
    })
    .from(eventRegistration)
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .where(and(...conditions))
    .orderBy(asc(eventRegistration.name), asc(eventRegistration.seq));
}
