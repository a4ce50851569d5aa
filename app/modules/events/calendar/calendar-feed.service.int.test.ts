/**
 * Personal calendar feeds on a real database: the feed lists the published (or cancelled) events
 * the person is confirmed or waiting for, nothing else; only the token's hash is stored; a new
 * token ends the old address; the signed out cannot make one.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, calendarFeed } from '#app/shared/db/schema.ts';
import { ensureReferenceData } from '#tests/factories/directory.ts';
import { insertUserWithRole, outcomeCode } from '#tests/factories/users.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
import { hashFeedToken, personalCalendarFeed, renewPersonalFeed } from './calendar-feed.service.server.ts';

describe('personal calendar feeds', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let person: UserActor;

  beforeAll(async () => {
    await seedRoles(db());
    await ensureReferenceData(db());
    person = await insertUserWithRole(db(), 'Registrant', { key: 'member', scopeType: 'global', scopeId: null });
  });

  const summaries = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('summary'))
      .sort();

  it('lists the events the person holds a seat for or waits for, and nothing else', async () => {
    const confirmed = await insertEvent(db(), { title: { en: 'Confirmed one' }, timeZone: 'Asia/Amman' });
    const waiting = await insertEvent(db(), { title: { en: 'Waiting one' } });
    const withdrawn = await insertEvent(db(), { title: { en: 'Withdrawn one' } });
    const draft = await insertEvent(db(), { title: { en: 'Draft one' }, status: 'draft' });
    const someoneElses = await insertEvent(db(), { title: { en: 'Someone else’s' } });
    await insertRegistration(db(), confirmed.id, { userId: person.userId, status: 'confirmed' });
    await insertRegistration(db(), waiting.id, { userId: person.userId, status: 'waiting' });
    await insertRegistration(db(), withdrawn.id, { userId: person.userId, status: 'cancelled' });
    await insertRegistration(db(), draft.id, { userId: person.userId, status: 'confirmed' });
    await insertRegistration(db(), someoneElses.id, { status: 'confirmed' });

    const { token } = await renewPersonalFeed(person);
    const stored = await db().select().from(calendarFeed);
    expect(stored).toEqual([expect.objectContaining({ userId: person.userId, tokenHash: hashFeedToken(token) })]);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(summaries(await personalCalendarFeed(token, 'en', 'Mine'))).toEqual(['Confirmed one', 'Waiting one']);
  });

  it('ends the old address when a new one is made, and refuses the signed out', async () => {
    const { token: first } = await renewPersonalFeed(person);
    const { token: second } = await renewPersonalFeed(person);
    expect(await outcomeCode(personalCalendarFeed(first, 'en', 'Mine'))).toBe('EVENTS_FEED_NOT_FOUND');
    expect(await outcomeCode(personalCalendarFeed('not-a-token', 'en', 'Mine'))).toBe('EVENTS_FEED_NOT_FOUND');
    expect(await outcomeCode(personalCalendarFeed(second, 'fr', 'Mine'))).toBe('resolved');
    expect(await outcomeCode(renewPersonalFeed(anonymous))).toBe('COMMON_UNAUTHENTICATED');
    const audits = (await db().select().from(auditLog)).filter((a) => a.subjectType === 'calendar_feed').map((a) => a.action);
    expect(audits).toContain('events.feed.renew');
    expect(JSON.stringify(await db().select().from(auditLog))).not.toContain(second);
  });
});
