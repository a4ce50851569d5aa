/**
 * Seeding the demo events (issue 5, item 9): the programme's eight thematic workshops and its
 * regional workshop, with their agenda, participants drawn from the demo directory, and the
 * attendance of the workshops already held. A system task (start-up of a demo installation,
 * `seed --demo`): not authorised against an actor nor audited. Idempotent: an event whose slug
 * exists is left alone. Their outputs (challenges, training needs, votes) are the needs module's
 * records, seeded by it after this.
 */
import { randomBytes } from 'node:crypto';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { fromLocalInput } from './calendar/zoned-time.ts';
import {
  insertDemoEvent,
  insertDemoEventParts,
  selectClusterIds,
  selectDemoCandidates,
  selectExistingEventSlugs,
} from './events-demo.repository.server.ts';
import { DEMO_EVENTS, demoRegistrations, demoSessions } from './events-demo.ts';

export interface DemoEventCounts {
  events: number;
  registrations: number;
  attended: number;
}

/** `2026-03-17` plus `days` days, as a date text. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoEvents(executor: Executor = getDb()): Promise<DemoEventCounts> {
  return executor.transaction(async (tx) => {
    const counts: DemoEventCounts = { events: 0, registrations: 0, attended: 0 };
    const existing = await selectExistingEventSlugs(
      tx,
      DEMO_EVENTS.map((e) => e.slug),
    );
    const clusterIds = await selectClusterIds(tx, [...new Set(DEMO_EVENTS.flatMap((e) => e.clusters))]);
    for (const demo of DEMO_EVENTS) {
      if (existing.has(demo.slug)) continue;
      const gathered = demo.clusters.filter((slug) => clusterIds.has(slug));
      if (gathered.length === 0) continue; // the demo directory is not there
      const at = (day: number, time: string) => fromLocalInput(`${addDays(demo.startsOn, day)}T${time}`, demo.timeZone)!;
      const sessions = demoSessions(demo);
      const startsAt = at(0, sessions[0]!.from);
      const endsAt = at(demo.days - 1, '17:00');
      const published = new Date(startsAt.getTime() - 60 * 86_400_000);
      const eventId = await insertDemoEvent(tx, {
        slug: demo.slug,
        type: demo.type,
        hostClusterId: null,
        countryIso2: demo.countryIso2,
        title: demo.title,
        description: demo.description,
        sourceLocale: 'fr',
        format: 'in-person',
        venueName: demo.venueName,
        city: demo.city,
        timeZone: demo.timeZone,
        startsAt,
        endsAt,
        status: 'published',
        visibility: 'invitation',
        capacity: demo.capacity,
        waitlistEnabled: true,
        registrationOpensAt: published,
        registrationClosesAt: at(0, '00:00'),
        publishedAt: published,
        isDemo: true,
      });
      const candidates = await selectDemoCandidates(tx, gathered);
      const registrations = demoRegistrations(demo, candidates);
      await insertDemoEventParts(tx, eventId, {
        clusterIds: gathered.map((slug) => clusterIds.get(slug)!),
        sessions: sessions.map((s) => ({
          startsAt: at(s.day, s.from),
          endsAt: at(s.day, s.to),
          title: s.title,
          room: s.room ?? null,
          languages: s.languages,
          interpretation: s.interpretation,
        })),
        registrations: registrations.map((r) => {
          const registeredAt = new Date(published.getTime() + (r.order + 1) * 3_600_000);
          return {
            personId: r.personId,
            organisationId: r.organisationId,
            name: r.name,
            email: `participant-${demo.slug.slice(5, 12)}-${r.order + 1}@demo.mosaic.invalid`,
            locale: r.locale,
            gender: r.gender,
            countryIso2: r.countryIso2,
            status: r.status,
            consentListed: r.consentListed,
            consentPhotographed: r.consentPhotographed,
            checkInCode: randomBytes(12).toString('base64url'),
            checkedInAt: r.attended ? at(0, '08:45') : null,
            confirmedAt: r.status === 'confirmed' ? registeredAt : null,
            cancelledAt: r.status === 'cancelled' ? new Date(registeredAt.getTime() + 7 * 86_400_000) : null,
            isDemo: true,
            createdAt: registeredAt,
          };
        }),
      });
      counts.events += 1;
      counts.registrations += registrations.length;
      counts.attended += registrations.filter((r) => r.attended).length;
    }
    return counts;
  });
}
