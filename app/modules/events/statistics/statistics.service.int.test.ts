/**
 * Event statistics on a real database: the funnel and the gender breakdown equal a recount from the
 * rows; only those who manage the event read them (a member and another cluster's manager are
 * refused, nothing is written); the participant list for sharing leaves out whoever did not agree to
 * be listed, the logistics list names everyone confirmed with the photography consent; the
 * programme-wide view sums only the events the reader manages.
 */

import { and, count, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { auditLog, eventInvitation, eventRegistration } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { SOFFICE, xlsxToCsvWithLibreOffice } from '#app/shared/xlsx/libreoffice.testing.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
import type { LoadedEvent } from '../events-core.repository.server.ts';
import {
  exportEventStatisticsWorkbook,
  exportParticipantsCsv,
  exportParticipantsWorkbook,
  getEventStatistics,
  getProgrammeStatistics,
} from './statistics.service.server.ts';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    if (isAppError(error)) return `${error.status} ${error.code}`;
    throw error;
  }
}

async function sheetRows(body: Uint8Array, index = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const sheet = workbook.worksheets[index]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('event statistics', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let ended: LoadedEvent;
  let other: LoadedEvent;
  let manager: ReturnType<typeof person>;
  let otherManager: ReturnType<typeof person>;
  const staff = person([grant('programme_staff', 'global')]);
  const member = person([grant('member', 'global')], { userId: 'member' });

  beforeAll(async () => {
    const host = await insertCluster(db(), { countryIso2: 'TN' });
    const elsewhere = await insertCluster(db(), { countryIso2: 'EG' });
    manager = person([grant('cluster_manager', 'cluster', host.slug)], { userId: 'manager' });
    otherManager = person([grant('cluster_manager', 'cluster', elsewhere.slug)], { userId: 'other-manager' });
    const womenLed = await insertOrganisation(db(), { type: 'association', sizeClass: 'small', womenLed: true, countryIso2: 'EG' });
    const micro = await insertOrganisation(db(), { type: 'enterprise', sizeClass: 'micro', countryIso2: 'TN' });
    const startsAt = new Date(Date.now() - 3 * 86_400_000);
    ended = await insertEvent(db(), { hostClusterId: host.id, startsAt, endsAt: new Date(startsAt.getTime() + 8 * 3_600_000) });
    other = await insertEvent(db(), { hostClusterId: elsewhere.id, countryIso2: 'EG' });
    const at = new Date();
    // Attended: two women (one listed), a man; no-shows: a person of unknown gender, a woman who did not consent to be listed.
    await insertRegistration(db(), ended.id, {
      name: 'Amel Listed',
      gender: 'woman',
      organisationId: micro.id,
      consentListed: true,
      checkedInAt: at,
    });
    await insertRegistration(db(), ended.id, { name: 'Salma Attended', gender: 'woman', organisationId: womenLed.id, checkedInAt: at });
    await insertRegistration(db(), ended.id, {
      name: 'Karim Listed',
      gender: 'man',
      organisationId: micro.id,
      consentListed: true,
      consentPhotographed: true,
      checkedInAt: at,
    });
    await insertRegistration(db(), ended.id, { name: 'Unknown NoShow', gender: null, consentListed: true });
    await insertRegistration(db(), ended.id, {
      name: 'Nadia Unlisted',
      gender: 'woman',
      organisationId: womenLed.id,
      consentListed: false,
    });
    await insertRegistration(db(), ended.id, { name: 'Waiting Person', gender: 'another', status: 'waiting', consentListed: true });
    await insertRegistration(db(), ended.id, { name: 'Cancelled Person', gender: 'woman', status: 'cancelled', consentListed: true });
    await insertRegistration(db(), other.id, { name: 'Elsewhere', gender: 'man', checkedInAt: at });
    const invitation = { eventId: ended.id, locale: 'en', source: 'manual' as const, sentAt: at };
    await db()
      .insert(eventInvitation)
      .values([
        { ...invitation, email: 'a@example.org', gender: 'woman', countryIso2: 'TN', organisationType: 'enterprise', sizeClass: 'micro' },
        { ...invitation, email: 'b@example.org', gender: 'man', countryIso2: 'EG' },
        { ...invitation, email: 'c@example.org', gender: null, countryIso2: 'EG', revokedAt: at },
        { ...invitation, email: 'd@example.org', gender: 'woman', sentAt: null },
      ]);
  });

  it('counts what a recount from the rows gives', async () => {
    const view = await getEventStatistics(manager, ended.slug);
    const recount = async (...conditions: Parameters<typeof and>) =>
      (
        await db()
          .select({ n: count() })
          .from(eventRegistration)
          .where(and(eq(eventRegistration.eventId, ended.id), ...conditions))
      )[0]!.n;
    expect(view.statistics.totals.registered).toBe(await recount());
    expect(view.statistics.totals.confirmed).toBe(await recount(eq(eventRegistration.status, 'confirmed')));
    expect(view.statistics.totals.attended).toBe(await recount(isNotNull(eventRegistration.checkedInAt)));
    expect(view.statistics.totals).toMatchObject({
      invited: 2,
      registered: 7,
      confirmed: 5,
      waiting: 1,
      cancelled: 1,
      attended: 3,
      noShow: 2,
    });
    const byGender = Object.fromEntries(view.statistics.breakdowns.gender.map((r) => [r.key, r.counts]));
    expect(byGender.woman).toMatchObject({ invited: 1, registered: 4, attended: 2, noShow: 1 });
    expect(byGender.unknown).toMatchObject({ registered: 1, noShow: 1 });
    const byWomenLed = Object.fromEntries(view.statistics.breakdowns.womenLed.map((r) => [r.key, r.counts.attended]));
    expect(byWomenLed).toEqual({ 'women-led': 1, 'not-women-led': 2, 'no-organisation': 0 });
    const bySize = Object.fromEntries(view.statistics.breakdowns.size.map((r) => [r.key, r.counts.registered]));
    expect(bySize).toMatchObject({ micro: 2, small: 2, unknown: 3 });
    expect(view.event.ended).toBe(true);
  });

  it('refuses a member, another cluster’s manager and a visitor, and writes nothing', async () => {
    const before = (await db().select({ n: count() }).from(auditLog))[0]!.n;
    expect(await refusal(getEventStatistics(member, ended.slug))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getEventStatistics(otherManager, ended.slug))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getEventStatistics(anonymous, ended.slug))).toBe('401 COMMON_UNAUTHENTICATED');
    expect(await refusal(exportParticipantsWorkbook(otherManager, ended.slug, { list: 'sharing', locale: 'en' }))).toBe(
      '403 COMMON_FORBIDDEN',
    );
    expect(await refusal(exportParticipantsCsv(member, ended.slug, { list: 'logistics', locale: 'en' }))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getEventStatistics(manager, 'no-such-event'))).toBe('404 COMMON_NOT_FOUND');
    expect(await refusal(getProgrammeStatistics(member))).toBe('403 COMMON_FORBIDDEN');
    expect((await db().select({ n: count() }).from(auditLog))[0]!.n).toBe(before);
  });

  it('leaves whoever did not agree to be listed out of the list for sharing (opened in LibreOffice when installed)', async () => {
    const file = await exportParticipantsWorkbook(manager, ended.slug, { list: 'sharing', locale: 'en' });
    const rows = await sheetRows(file.body);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toEqual(['Amel Listed', 'Karim Listed', 'Unknown NoShow']);
    expect(rows[0]).toHaveLength(3);
    if (SOFFICE) {
      const csv = xlsxToCsvWithLibreOffice(file.body)!;
      expect(csv).toContain('Amel Listed');
      expect(csv).not.toContain('Nadia Unlisted');
      expect(csv).not.toContain('Salma Attended');
    }
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'events.participants.export'));
    expect(audit.at(-1)?.data).toMatchObject({ slug: ended.slug, list: 'sharing', rows: 3 });
  });

  it('names every confirmed participant with the photography consent in the logistics list, in CSV too', async () => {
    const csv = new TextDecoder().decode((await exportParticipantsCsv(manager, ended.slug, { list: 'logistics', locale: 'en' })).body);
    expect(csv).toContain('Nadia Unlisted');
    expect(csv).not.toContain('Waiting Person');
    expect(csv).not.toContain('Cancelled Person');
    const karim = csv.split('\n').find((line) => line.startsWith('Karim Listed'))!;
    const nadia = csv.split('\n').find((line) => line.startsWith('Nadia Unlisted'))!;
    expect(karim).toMatch(/,Tunisia,.*,Yes,Yes\r?$/);
    expect(nadia).toMatch(/,No,No\r?$/);
  });

  it('writes the statistics workbook right-to-left in Arabic with a cover', async () => {
    const file = await exportEventStatisticsWorkbook(staff, ended.slug, 'ar');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as never);
    expect(workbook.worksheets.length).toBe(7);
    expect(workbook.worksheets.every((s) => s.views[0]?.rightToLeft)).toBe(true);
    const funnel = await sheetRows(file.body, 1);
    expect(funnel.map((r) => r[1])).toContain('3');
    const gender = await sheetRows(file.body, 2);
    expect(gender.find((r) => r[1] === 'woman')).toBeDefined();
  });

  it('sums, programme-wide, only the events the reader manages', async () => {
    const mine = await getProgrammeStatistics(manager, {});
    expect(mine.events.map((e) => e.slug)).toEqual([ended.slug]);
    expect(mine.statistics.totals.registered).toBe(7);
    const all = await getProgrammeStatistics(staff, {});
    expect(all.events.map((e) => e.slug)).toEqual(expect.arrayContaining([ended.slug, other.slug]));
    const egypt = await getProgrammeStatistics(staff, { country: 'EG' });
    expect(egypt.events.map((e) => e.slug)).toEqual([other.slug]);
    expect(egypt.statistics.totals.attended).toBe(1);
  });
});
