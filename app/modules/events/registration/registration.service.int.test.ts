/**
 * Registration on a real database (PGlite, and PostgreSQL with MOSAIC_TEST_DB=postgres, where the
 * 200 calls run at once through a pool of several connections): capacity and the waiting list
 * stay exact, cancelling promotes the first in line and tells them, refusals write nothing.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '#app/modules/directory/index.ts';
import { formDefinitionSchema, seedPublishedForm } from '#app/modules/forms/index.ts';
import { parseConfig, setConfig } from '#app/shared/config.server.ts';
import { auditLog, event, eventInvitation, eventInvitationLink, eventRegistration, formResponse, job } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
// biome-ignore lint/style/noRestrictedImports: the events module's own invitation tokens (invitations/ is a folder of the events module).
import { hashInvitationToken, newInvitationToken } from '../invitations/invitation-token.ts';
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  getRegisterPage,
  getRegistrationFormSetting,
  listRegistrations,
  registerForEvent,
  setRegistrationForm,
} from './registration.service.server.ts';
import { reminderAt } from './registration.ts';
import { REMINDER_JOB, sendReminder } from './registration-mail.server.ts';

const member = (n: number | string, locale: 'ar' | 'fr' | 'en' = 'en') =>
  person([grant('member', 'global')], {
    userId: `member-${n}`,
    email: `member-${n}@example.org`,
    name: `Member ${n}`,
    locale,
    twoFactorEnabled: false,
  });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : String(error);
}

describe('event registration', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  const staff = person([grant('programme_staff', 'global')], { userId: 'staff-1', email: 'staff@example.org', name: 'Staff' });

  beforeAll(async () => {
    await seedReferenceData(db());
    setConfig(
      parseConfig({ NODE_ENV: 'test', AUTH_SECRET: 'a-test-secret-that-is-long-enough-0123456789', PUBLIC_URL: 'https://mosaic.test' }),
    );
  });

  const rowsOf = (eventId: string) =>
    db().select().from(eventRegistration).where(eq(eventRegistration.eventId, eventId)).orderBy(eventRegistration.seq);
  const mailsTo = async (email: string) =>
    (await db().select().from(job).where(eq(job.kind, 'mail.send'))).filter((j) => (j.payload as { to: string }).to === email);

  it('200 simultaneous registrations for 50 seats: exactly 50 confirmed and 150 waiting, in order, no error', async () => {
    const found = await insertEvent(db(), { capacity: 50, waitlistEnabled: true });
    const members = Array.from({ length: 200 }, (_, i) => member(`crowd-${i}`));
    const results = await Promise.allSettled(members.map((m) => registerForEvent(m, found.slug, { consentListed: true })));
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toEqual([]);

    const rows = await rowsOf(found.id);
    expect(rows).toHaveLength(200);
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const waiting = rows.filter((r) => r.status === 'waiting');
    expect(confirmed).toHaveLength(50);
    expect(waiting).toHaveLength(150);
    // In order: the first 50 to arrive hold the seats, everyone after them waits.
    expect(Math.max(...confirmed.map((r) => r.seq))).toBeLessThan(Math.min(...waiting.map((r) => r.seq)));
    // Each waiting person was told their place, which is their rank by arrival.
    const places = results.map((r) => (r.status === 'fulfilled' ? r.value : null)).filter((v) => v?.status === 'waiting');
    expect(places.map((v) => v!.waitingPlace).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    for (const view of places) expect(view!.waitingPlace).toBe(waiting.findIndex((r) => r.id === view!.id) + 1);
    expect(new Set(rows.map((r) => r.checkInCode)).size).toBe(200);

    // Cancelling a seat promotes the first in line, in the same transaction, and tells them.
    const leaving = confirmed[17]!;
    const first = waiting[0]!;
    const owner = members.find((m) => m.userId === leaving.userId)!;
    const { promoted } = await cancelRegistration(owner, leaving.id);
    expect(promoted).toEqual([first.id]);
    const after = await rowsOf(found.id);
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    expect(after.filter((r) => r.status === 'waiting')).toHaveLength(149);
    expect(after.find((r) => r.id === first.id)).toMatchObject({ status: 'confirmed' });
    expect(after.find((r) => r.id === first.id)?.promotedAt).not.toBeNull();
    const told = await mailsTo(first.email);
    expect(told.map((j) => (j.payload as { template: string }).template)).toEqual([
      'eventsRegistration.waiting',
      'eventsRegistration.promoted',
    ]);
    const promotedMail = told[1]!.payload as { attachments: { filename: string; contentType: string }[] };
    expect(promotedMail.attachments.map((a) => a.filename)).toEqual(['event.ics', 'check-in-code.png']);
    // The second in line is now first.
    const staffView = await listRegistrations(staff, found.slug, { status: 'waiting' });
    expect(staffView.items[0]).toMatchObject({ id: waiting[1]!.id, waitingPlace: 1 });
    expect(staffView.counts).toMatchObject({ capacity: 50, confirmed: 50, waiting: 149, cancelled: 1 });
  }, 120_000);

  it('refuses someone else’s cancellation and staff actions by a member, writing nothing', async () => {
    const found = await insertEvent(db(), { capacity: 1, approvalRequired: true });
    const alice = member('alice');
    const bob = member('bob');
    const pending = await registerForEvent(alice, found.slug, {});
    expect(pending.status).toBe('pending');
    const before = await rowsOf(found.id);
    const auditBefore = await db().select().from(auditLog);
    expect(await refusal(cancelRegistration(bob, pending.id))).toBe('COMMON_FORBIDDEN');
    expect(await refusal(approveRegistration(bob, pending.id))).toBe('COMMON_FORBIDDEN');
    expect(await refusal(declineRegistration(alice, pending.id))).toBe('COMMON_FORBIDDEN');
    expect(await refusal(cancelRegistration({ kind: 'anonymous' }, pending.id))).toBe('COMMON_UNAUTHENTICATED');
    expect(await rowsOf(found.id)).toEqual(before);
    expect(await db().select().from(auditLog)).toHaveLength(auditBefore.length);
    // A member lists only their own registration; staff see all with the counts.
    expect((await listRegistrations(bob, found.slug)).items).toEqual([]);
    expect((await listRegistrations(alice, found.slug)).items.map((r) => r.id)).toEqual([pending.id]);
    expect((await listRegistrations(alice, found.slug)).counts).toBeNull();
  });

  it('approval: staff approve into a seat, then into the waiting list; decline; EVENTS_FULL without a waiting list', async () => {
    const found = await insertEvent(db(), { capacity: 1, approvalRequired: true, waitlistEnabled: false });
    const a = await registerForEvent(member('appr-a'), found.slug, {});
    const b = await registerForEvent(member('appr-b'), found.slug, {});
    const c = await registerForEvent(member('appr-c'), found.slug, {});
    expect(await approveRegistration(staff, a.id)).toMatchObject({ status: 'confirmed' });
    expect(await refusal(approveRegistration(staff, b.id))).toBe('EVENTS_FULL');
    expect(await declineRegistration(staff, c.id)).toMatchObject({ status: 'declined' });
    expect(await refusal(declineRegistration(staff, c.id))).toBe('EVENTS_REGISTRATION_NOT_PENDING');
    expect((await mailsTo('member-appr-c@example.org')).map((j) => (j.payload as { template: string }).template)).toEqual([
      'eventsRegistration.pending',
      'eventsRegistration.declined',
    ]);

    const open = await insertEvent(db(), { capacity: 1, waitlistEnabled: false });
    await registerForEvent(member('full-a'), open.slug, {});
    const before = await rowsOf(open.id);
    expect(await refusal(registerForEvent(member('full-b'), open.slug, {}))).toBe('EVENTS_FULL');
    expect(await rowsOf(open.id)).toEqual(before);
  });

  it('one registration per address; registering again after cancelling joins the end of the line', async () => {
    const found = await insertEvent(db(), { capacity: 1 });
    const x = member('again-x');
    const first = await registerForEvent(x, found.slug, { consentPhotographed: true, gender: 'woman' });
    expect(first).toMatchObject({ status: 'confirmed', consentPhotographed: true, consentListed: false, gender: 'woman' });
    expect(await refusal(registerForEvent(x, found.slug, {}))).toBe('EVENTS_ALREADY_REGISTERED');
    const y = await registerForEvent(member('again-y'), found.slug, {});
    expect(y.status).toBe('waiting');
    await cancelRegistration(x, first.id);
    const again = await registerForEvent(x, found.slug, {});
    expect(again.id).toBe(first.id);
    expect(again.seq).toBeGreaterThan(y.seq);
    expect(again).toMatchObject({ status: 'waiting', waitingPlace: 1 });
    expect(await refusal(cancelRegistration(x, (await insertRegistration(db(), found.id, { status: 'cancelled' })).id))).toBe(
      'COMMON_FORBIDDEN',
    );
  });

  it('checks the event: drafts are not found, invitation-only needs a link, the window is kept', async () => {
    const draft = await insertEvent(db(), { status: 'draft', publishedAt: null });
    expect(await refusal(registerForEvent(member('w1'), draft.slug, {}))).toBe('COMMON_NOT_FOUND');
    const invited = await insertEvent(db(), { visibility: 'invitation' });
    expect(await refusal(registerForEvent(member('w1'), invited.slug, {}))).toBe('EVENTS_INVITATION_REQUIRED');
    expect(await refusal(registerForEvent(member('w1'), invited.slug, { invitation: 'not-a-real-token-000000000000' }))).toBe(
      'EVENTS_INVITATION_INVALID',
    );
    const later = await insertEvent(db(), { registrationOpensAt: new Date(Date.now() + 86_400_000) });
    expect(await refusal(registerForEvent(member('w1'), later.slug, {}))).toBe('EVENTS_REGISTRATION_NOT_OPEN');
    const closed = await insertEvent(db(), { registrationClosesAt: new Date(Date.now() - 1000) });
    expect(await refusal(registerForEvent(member('w1'), closed.slug, {}))).toBe('EVENTS_REGISTRATION_CLOSED');
    expect(await refusal(registerForEvent({ kind: 'anonymous' }, closed.slug, {}))).toBe('COMMON_UNAUTHENTICATED');
    expect(await refusal(registerForEvent(member('w1'), closed.slug, { organisationId: 'someone-elses' }))).toBe(
      'EVENTS_REGISTRATION_ORGANISATION_INVALID',
    );
  });

  it('reminds a confirmed registrant once, the day before, and never a cancelled one', async () => {
    const found = await insertEvent(db(), { capacity: 5 });
    const kept = await registerForEvent(member('rem-kept', 'ar'), found.slug, {});
    const gone = await registerForEvent(member('rem-gone'), found.slug, {});
    const reminders = await db().select().from(job).where(eq(job.kind, REMINDER_JOB));
    const forKept = reminders.filter((j) => (j.payload as { registrationId: string }).registrationId === kept.id);
    expect(forKept).toHaveLength(1);
    // 09:00 in Tunis (UTC+1) on the day before.
    const expected = new Date(found.startsAt.getTime() - 86_400_000);
    expect(forKept[0]!.runAt.getUTCHours()).toBe(8);
    expect(forKept[0]!.runAt.toISOString().slice(0, 10)).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Tunis' }).format(expected),
    );
    await cancelRegistration(member('rem-gone'), gone.id);
    // Run early (the event moved a week later since): put off to the new day before, nothing sent.
    const later = new Date(found.startsAt.getTime() + 7 * 86_400_000);
    await db()
      .update(event)
      .set({ startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) })
      .where(eq(event.id, found.id));
    expect(await sendReminder(kept.id)).toBe('rescheduled');
    const moved = (await db().select().from(job).where(eq(job.kind, REMINDER_JOB))).filter(
      (j) => (j.payload as { registrationId: string }).registrationId === kept.id,
    );
    expect(moved.map((j) => j.runAt.toISOString()).sort()).toEqual(
      [forKept[0]!.runAt.toISOString(), new Date(forKept[0]!.runAt.getTime() + 7 * 86_400_000).toISOString()].sort(),
    );
    expect(await sendReminder(kept.id, reminderAt(later, 'Africa/Tunis', new Date(0))!)).toBe('sent');
    expect(await sendReminder(kept.id, reminderAt(later, 'Africa/Tunis', new Date(0))!)).toBe('skipped');
    expect(await sendReminder(gone.id)).toBe('skipped');
    const mails = await mailsTo(kept.email);
    const sent = mails.filter((j) => (j.payload as { template: string }).template === 'eventsRegistration.reminder');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ locale: 'ar' });
    const goneMails = await mailsTo(gone.email);
    expect(goneMails.map((j) => (j.payload as { template: string }).template)).not.toContain('eventsRegistration.reminder');
    expect(
      await db()
        .select()
        .from(eventRegistration)
        .where(and(eq(eventRegistration.id, gone.id))),
    ).toMatchObject([{ status: 'cancelled' }]);
  });

  it('asks the event’s registration form: refused answers write nothing, accepted ones are a submitted response linked to the registration', async () => {
    const definition = formDefinitionSchema.parse({
      code: `registration-form-${Date.now()}`,
      title: { en: 'Workshop registration', ar: 'التسجيل في الورشة' },
      pages: [
        {
          code: 'needs',
          sections: [
            {
              code: 'main',
              questions: [
                { code: 'diet', type: 'short-text', label: { en: 'Dietary needs', ar: 'احتياجات غذائية' }, maxLength: 50 },
                {
                  code: 'interpretation',
                  type: 'single-choice',
                  required: true,
                  label: { en: 'Interpretation into', ar: 'الترجمة الفورية إلى' },
                  options: [
                    { code: 'ar', label: { en: 'Arabic', ar: 'العربية' } },
                    { code: 'fr', label: { en: 'French', ar: 'الفرنسية' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    await seedPublishedForm(db(), { definition, scope: { type: 'global', id: null }, publishedAt: new Date() });
    const found = await insertEvent(db(), { capacity: 10 });

    // Staff choose the form among the published forms they manage; a member may not.
    expect(await refusal(setRegistrationForm(member('form-x'), found.slug, { form: definition.code }))).toBe('COMMON_FORBIDDEN');
    expect(await refusal(setRegistrationForm(staff, found.slug, { form: 'no-such-form' }))).toBe('EVENTS_REGISTRATION_FORM_INVALID');
    expect((await getRegistrationFormSetting(staff, found.slug)).choices.map((c) => c.code)).toContain(definition.code);
    await setRegistrationForm(staff, found.slug, { form: definition.code });
    expect((await getRegistrationFormSetting(staff, found.slug)).current).toBe(definition.code);
    const page = await getRegisterPage(member('form-a'), found.slug, undefined);
    expect(page.form?.pages.flatMap((p) => p.sections.flatMap((x) => x.questions.map((q) => q.code)))).toEqual(['diet', 'interpretation']);

    const responsesBefore = await db().select().from(formResponse);
    expect(await refusal(registerForEvent(member('form-a'), found.slug, { formFields: { diet: 'Vegetarian' } }))).toBe(
      'FORMS_ANSWERS_INVALID',
    );
    expect(await rowsOf(found.id)).toEqual([]);
    expect(await db().select().from(formResponse)).toHaveLength(responsesBefore.length);

    const registered = await registerForEvent(member('form-a'), found.slug, { formFields: { diet: 'Vegetarian', interpretation: 'fr' } });
    expect(registered.formResponseId).not.toBeNull();
    const [row] = await rowsOf(found.id);
    expect(row?.formResponseId).toBe(registered.formResponseId);
    const [stored] = await db().select().from(formResponse).where(eq(formResponse.id, registered.formResponseId!));
    expect(stored).toMatchObject({
      status: 'submitted',
      respondentUserId: 'member-form-a',
      answers: { diet: 'Vegetarian', interpretation: 'fr' },
    });

    await setRegistrationForm(staff, found.slug, { form: null });
    const [cleared] = await db().select().from(event).where(eq(event.id, found.id));
    expect(cleared?.registrationFormId).toBeNull();
  });

  it('registers through an invitation link without an account, for an invitation-only event, and marks the invitation registered', async () => {
    const found = await insertEvent(db(), { visibility: 'invitation', capacity: 3 });
    const [invitation] = await db()
      .insert(eventInvitation)
      .values({
        eventId: found.id,
        name: 'ليلى بن صالح',
        email: 'Leila@Example.org',
        locale: 'ar',
        gender: 'woman',
        countryIso2: 'TN',
        source: 'manual',
      })
      .returning();
    const token = newInvitationToken();
    await db()
      .insert(eventInvitationLink)
      .values({ tokenHash: hashInvitationToken(token), invitationId: invitation!.id });

    expect(await refusal(registerForEvent({ kind: 'anonymous' }, found.slug, {}))).toBe('COMMON_UNAUTHENTICATED');
    const page = await getRegisterPage({ kind: 'anonymous' }, found.slug, token);
    expect(page).toMatchObject({
      invitationRequired: false,
      invitation: { name: 'ليلى بن صالح', email: 'Leila@Example.org' },
      gender: 'woman',
    });
    const view = await registerForEvent({ kind: 'anonymous' }, found.slug, { invitation: token, consentListed: true });
    expect(view).toMatchObject({
      status: 'confirmed',
      name: 'ليلى بن صالح',
      email: 'leila@example.org',
      locale: 'ar',
      gender: 'woman',
      countryIso2: 'TN',
    });
    const [row] = await rowsOf(found.id);
    expect(row).toMatchObject({ invitationId: invitation!.id, userId: null });
    const [marked] = await db().select().from(eventInvitation).where(eq(eventInvitation.id, invitation!.id));
    expect(marked?.registeredAt).not.toBeNull();
    // The same link again: already registered, nothing more written.
    expect(await refusal(registerForEvent({ kind: 'anonymous' }, found.slug, { invitation: token }))).toBe('EVENTS_ALREADY_REGISTERED');
    expect(await rowsOf(found.id)).toHaveLength(1);
  });
});
