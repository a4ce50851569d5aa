/**
 * The confirmation as a person receives it: delivered over a real SMTP server in the registrant's
 * language, with the event as an ICS attachment that a real iCalendar parser (ical.js) reads at
 * the venue's time, and the check-in QR code as a PNG; without SMTP the outbox keeps both files.
 */
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '#app/modules/directory/index.ts';
import { parseConfig, setConfig } from '#app/shared/config.server.ts';
import { job, mailOutbox } from '#app/shared/db/schema.ts';
import { runJobsOnce } from '#app/shared/jobs/index.ts';
import { type SmtpTestServer, startSmtpTestServer } from '#app/shared/mail/testing/smtp-test-server.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent } from '../event.fixture.ts';
import { cancelRegistration, registerForEvent } from './registration.service.server.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function configure(smtpUrl: string | undefined) {
  setConfig(
    parseConfig({
      NODE_ENV: 'test',
      AUTH_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
      MAIL_FROM: 'Mosaic <no-reply@mosaic.test>',
      PUBLIC_URL: 'https://mosaic.test',
      SMTP_URL: smtpUrl,
    }),
  );
}

function firstEvent(ics: string): ICAL.Event {
  const root = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return new ICAL.Event(root.getFirstSubcomponent('vevent')!);
}

describe('registration mail', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    await seedReferenceData(db());
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const member = (n: string, locale: 'ar' | 'fr' | 'en') =>
    person([grant('member', 'global')], {
      userId: `mail-${n}`,
      email: `mail-${n}@example.org`,
      name: `مريم ${n}`,
      locale,
      twoFactorEnabled: false,
    });

  it('sends the confirmation in Arabic with an ICS (venue time, Cairo in summer) and the QR code; the promotion mail too', async () => {
    configure(smtp.url);
    // 10:00 in Cairo on 2 July 2027 (UTC+3 in summer): 07:00 UTC.
    const found = await insertEvent(db(), {
      capacity: 1,
      countryIso2: 'EG',
      timeZone: 'Africa/Cairo',
      startsAt: new Date('2027-07-02T07:00:00Z'),
      endsAt: new Date('2027-07-02T15:00:00Z'),
      title: { ar: 'ورشة الحرف في القاهرة', en: 'Crafts workshop in Cairo' },
      sourceLocale: 'ar',
    });
    await db().delete(job);
    const first = await registerForEvent(member('a', 'ar'), found.slug, {});
    const second = await registerForEvent(member('b', 'fr'), found.slug, {});
    expect([first.status, second.status]).toEqual(['confirmed', 'waiting']);
    while ((await runJobsOnce()).succeeded > 0);

    const toA = smtp.received.find((m) => m.envelope.to.includes('mail-a@example.org'))!;
    expect(toA.headers.subject).toBe('تم تأكيد مقعدك: ورشة الحرف في القاهرة');
    expect(toA.headers['content-language']).toBe('ar');
    expect(toA.text).toContain(first.checkInCode);
    expect(toA.attachments.map((a) => a.filename)).toEqual(['event.ics', 'check-in-code.png']);
    const ics = toA.attachments[0]!;
    expect(ics.contentType).toMatch(/^text\/calendar/);
    const entry = firstEvent(ics.content.toString('utf8'));
    expect(entry.summary).toBe('ورشة الحرف في القاهرة');
    expect(entry.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Africa/Cairo');
    expect([entry.startDate.hour, entry.startDate.minute]).toEqual([10, 0]);
    expect(entry.startDate.toJSDate().toISOString()).toBe('2027-07-02T07:00:00.000Z');
    expect(entry.endDate.toJSDate().toISOString()).toBe('2027-07-02T15:00:00.000Z');
    expect(toA.attachments[1]!.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    const toB = smtp.received.find((m) => m.envelope.to.includes('mail-b@example.org'))!;
    expect(toB.headers.subject).toBe('Vous êtes sur la liste d’attente : ورشة الحرف في القاهرة');
    expect(toB.attachments).toEqual([]);

    smtp.received.length = 0;
    await cancelRegistration(member('a', 'ar'), first.id);
    while ((await runJobsOnce()).succeeded > 0);
    const promoted = smtp.received.find((m) => m.envelope.to.includes('mail-b@example.org'))!;
    expect(promoted.headers.subject).toBe('Une place vous revient : ورشة الحرف في القاهرة');
    expect(promoted.attachments.map((a) => a.filename)).toEqual(['event.ics', 'check-in-code.png']);
    expect(firstEvent(promoted.attachments[0]!.content.toString('utf8')).startDate.toJSDate().toISOString()).toBe(
      '2027-07-02T07:00:00.000Z',
    );
  });

  it('keeps the attachments in the outbox when no SMTP server is configured', async () => {
    configure(undefined);
    const found = await insertEvent(db(), { capacity: 5 });
    await db().delete(job);
    await registerForEvent(member('c', 'en'), found.slug, {});
    while ((await runJobsOnce()).succeeded > 0);
    const [kept] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, 'mail-c@example.org'));
    expect(kept?.attachments.map((a) => a.filename)).toEqual(['event.ics', 'check-in-code.png']);
    expect(Buffer.from(kept!.attachments[0]!.content, 'base64').toString('utf8')).toContain('BEGIN:VCALENDAR');
  });
});
