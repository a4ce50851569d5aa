/**
 * Events for tests, written straight to the tables (services are what tests exercise). Each event
 * gets a unique slug; by default a published thematic workshop in Tunis next month, with no seat
 * limit. Registrations likewise, with a unique address and check-in code.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '#app/shared/db/client.server.ts';
import { event, eventCluster, eventRegistration } from '#app/shared/db/schema.ts';
import type { LoadedEvent } from './events-core.repository.server.ts';
import { findEventById } from './events-core.repository.server.ts';

let sequence = 0;
const next = () => `${process.pid}-${++sequence}-${randomBytes(3).toString('hex')}`;

export async function insertEvent(
  db: Executor,
  overrides: Partial<typeof event.$inferInsert> & { clusterIds?: string[] } = {},
): Promise<LoadedEvent> {
  const { clusterIds = [], ...values } = overrides;
  const n = next();
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const [row] = await db
    .insert(event)
    .values({
      slug: `test-event-${n}`,
      type: 'thematic-workshop',
      countryIso2: 'TN',
      title: { en: `Test workshop ${n}`, fr: `Atelier de test ${n}`, ar: `ورشة اختبار ${n}` },
      timeZone: 'Africa/Tunis',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000),
      status: 'published',
      publishedAt: new Date(),
      ...values,
    })
    .returning();
  if (clusterIds.length > 0) await db.insert(eventCluster).values(clusterIds.map((clusterId) => ({ eventId: row!.id, clusterId })));
  return (await findEventById(db, row!.id))!;
}

export async function insertRegistration(
  db: Executor,
  eventId: string,
  overrides: Partial<typeof eventRegistration.$inferInsert> = {},
): Promise<typeof eventRegistration.$inferSelect> {
  const n = next();
  const [row] = await db
    .insert(eventRegistration)
    .values({
      eventId,
      name: `Participant ${n}`,
      email: `participant-${n}@example.org`,
      locale: 'en',
      status: 'confirmed',
      confirmedAt: new Date(),
      checkInCode: randomBytes(12).toString('base64url'),
      ...overrides,
    })
    .returning();
  return row!;
}
