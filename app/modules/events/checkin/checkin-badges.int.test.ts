/** The badges PDF on a real database: pdftotext finds each Arabic name shaped in logical order, and who may print which badge. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '#app/modules/directory/index.ts';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { system, type UserActor } from '#app/shared/auth/actor.ts';
import { user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { PDFTOTEXT, pdfText } from '#app/shared/pdf/pdf-text.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
import { eventBadges, myBadge } from './checkin.service.server.ts';

describe.skipIf(!PDFTOTEXT)('badges PDF', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let staff: UserActor;

  async function personWith(name: string, role?: string) {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    if (role) await assignRole(system, { userId: id, role, scopeType: 'global', scopeId: null });
    return actorForUser(id, 'session');
  }

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  beforeAll(async () => {
    await seedRoles(db());
    await seedReferenceData(db());
    staff = await personWith('Badge Staff', 'programme_staff');
  });

  it('prints every confirmed participant, four to a page, each in their language, Arabic names extractable', async () => {
    const event = await insertEvent(db(), {
      title: { ar: 'ورشة الفخار المتوسطية', fr: 'Atelier méditerranéen de la poterie', en: 'Mediterranean pottery workshop' },
      sourceLocale: 'fr',
    });
    await insertRegistration(db(), event.id, { name: 'فاطمة الزهراء بن علي', locale: 'ar', countryIso2: 'TN' });
    await insertRegistration(db(), event.id, { name: 'Youssef Alaoui', locale: 'fr', countryIso2: 'MA' });
    for (let n = 0; n < 3; n += 1) await insertRegistration(db(), event.id, { name: `Guest ${n}`, locale: 'en' });
    await insertRegistration(db(), event.id, { name: 'عمر المنتظر', status: 'waiting', confirmedAt: null, locale: 'ar' });
    const { fileName, pdf } = await eventBadges(staff, event.slug, 'en');
    expect(fileName).toBe(`badges-${event.slug}.pdf`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf)!;
    expect(text).toContain('فاطمة الزهراء بن علي');
    expect(text).toContain('Youssef Alaoui');
    expect(text).not.toContain('عمر المنتظر');
    // The Arabic badge has the title in Arabic and the country's Arabic name; the French one in French.
    expect(text).toContain('ورشة الفخار المتوسطية');
    expect(text).toContain('تونس');
    expect(text).toContain('Atelier méditerranéen de la poterie');
    expect(text).toContain('Maroc');
    // Five badges: two pages.
    expect(text.split('\f').filter((page) => page.trim() !== '')).toHaveLength(2);
  });

  it('gives a participant their own badge only, and staff-only sheets to staff', async () => {
    const event = await insertEvent(db());
    const amina = await personWith('Amina');
    const other = await personWith('Other member');
    await insertRegistration(db(), event.id, { name: 'أمينة الصغير', locale: 'ar', userId: amina.userId });
    await insertRegistration(db(), event.id, { name: 'Someone else', userId: other.userId, status: 'cancelled' });
    const mine = await myBadge(amina, event.slug);
    const text = pdfText(mine.pdf)!;
    expect(text).toContain('أمينة الصغير');
    expect(text).not.toContain('Someone else');
    expect(await codeOf(myBadge(other, event.slug))).toBe('EVENTS_CHECKIN_BADGE_NOT_FOUND');
    expect(await codeOf(eventBadges(amina, event.slug, 'ar'))).toBe('COMMON_FORBIDDEN');
  });
});
