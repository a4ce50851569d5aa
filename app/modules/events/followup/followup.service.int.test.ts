/**
 * An event's follow-up on a real database: staff record decisions, actions, minutes and documents
 * (audited); the public sees only the public items; a member and another cluster's manager are
 * refused and nothing is written; assigning an action to an account queues a mail in the owner's
 * language (and not again for the same owner); overdue actions are flagged; the list across events
 * holds only the events the reader manages.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { auditLog, eventAction, job, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { LocalDiskStorage, setFileStorage } from '#app/shared/files/index.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent } from '../event.fixture.ts';
import type { LoadedEvent } from '../events-core.repository.server.ts';
import {
  createAction,
  createDecision,
  deleteDocument,
  getFollowUp,
  listOpenActions,
  openDocument,
  saveMinutes,
  setActionStatus,
  updateAction,
  uploadDocument,
} from './followup.service.server.ts';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    if (isAppError(error)) return `${error.status} ${error.code}`;
    throw error;
  }
}

const pdf = new TextEncoder().encode('%PDF-1.4\n%test\n');

describe('event follow-up', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let workshop: LoadedEvent;
  let elsewhere: LoadedEvent;
  let manager: ReturnType<typeof person>;
  let otherManager: ReturnType<typeof person>;
  const member = person([grant('member', 'global')], { userId: 'member' });
  const mails = async () =>
    (await db().select({ payload: job.payload }).from(job).where(eq(job.kind, 'mail.send'))).map(
      (j) => j.payload as { to: string; locale: string; template: string; values: Record<string, string> },
    );
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog).where(like(auditLog.action, 'events.%')))[0]!.n;

  beforeAll(async () => {
    setFileStorage(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), 'mosaic-followup-'))));
    const host = await insertCluster(db(), { countryIso2: 'TN' });
    const other = await insertCluster(db(), { countryIso2: 'EG' });
    manager = person([grant('cluster_manager', 'cluster', host.slug)], { userId: 'manager', name: 'Leila Manager' });
    otherManager = person([grant('cluster_manager', 'cluster', other.slug)], { userId: 'other' });
    workshop = await insertEvent(db(), { hostClusterId: host.id, timeZone: 'Africa/Tunis' });
    elsewhere = await insertEvent(db(), { hostClusterId: other.id, countryIso2: 'EG' });
    await db().insert(user).values({ id: 'owner-ar', name: 'Owner', email: 'owner@example.org', emailVerified: true, locale: 'ar' });
  });
  afterAll(() => setFileStorage(undefined));

  it('records decisions, actions and minutes; the public sees only what is public', async () => {
    const decision = await createDecision(manager, workshop.slug, {
      text: 'Créer un label commun',
      decidedOn: '2026-11-20',
      isPublic: 'on',
    });
    await createDecision(manager, workshop.slug, { text: 'Internal budget note', decidedOn: '2026-11-20' });
    await createAction(manager, workshop.slug, {
      title: 'Draft the label charter',
      ownerName: 'Sami',
      dueOn: '2020-01-31',
      decisionId: decision.id,
      isPublic: true,
    });
    await createAction(manager, workshop.slug, { title: 'Book the next venue', ownerName: 'Staff', dueOn: '' });
    await saveMinutes(manager, workshop.slug, { body: 'First draft', isPublic: false });
    await saveMinutes(manager, workshop.slug, { body: 'محضر الورشة', isPublic: 'on' });

    const staffView = await getFollowUp(manager, workshop.slug);
    expect(staffView.canManage).toBe(true);
    expect(staffView.decisions).toHaveLength(2);
    expect(staffView.actions.map((a) => [a.title, a.overdue])).toEqual([
      ['Draft the label charter', true],
      ['Book the next venue', false],
    ]);
    expect(staffView.minutes).toMatchObject({ body: 'محضر الورشة', authorName: 'Leila Manager', isPublic: true });
    expect(staffView.minutesHistory.map((m) => m.body)).toEqual(['First draft']);

    const publicView = await getFollowUp(anonymous, workshop.slug);
    expect(publicView.canManage).toBe(false);
    expect(publicView.decisions.map((d) => d.text)).toEqual(['Créer un label commun']);
    expect(publicView.actions.map((a) => a.title)).toEqual(['Draft the label charter']);
    expect(publicView.minutes?.body).toBe('محضر الورشة');
    expect(publicView.minutesHistory).toEqual([]);
  });

  it('refuses a member, another cluster’s manager and a visitor, and writes nothing', async () => {
    const before = await auditCount();
    const jobsBefore = (await mails()).length;
    expect(await refusal(createDecision(member, workshop.slug, { text: 'x', decidedOn: '2026-11-20' }))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(createAction(otherManager, workshop.slug, { title: 'x', ownerName: 'y', ownerEmail: 'owner@example.org' }))).toBe(
      '403 COMMON_FORBIDDEN',
    );
    expect(await refusal(saveMinutes(anonymous, workshop.slug, { body: 'x' }))).toBe('401 COMMON_UNAUTHENTICATED');
    expect(
      await refusal(uploadDocument(member, workshop.slug, { title: 'x' }, { name: 'a.pdf', contentType: 'application/pdf', bytes: pdf })),
    ).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(listOpenActions(member))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(createDecision(manager, workshop.slug, { text: '', decidedOn: 'yesterday' }))).toBe(
      '400 COMMON_VALIDATION_FAILED',
    );
    expect(await auditCount()).toBe(before);
    expect((await mails()).length).toBe(jobsBefore);
  });

  it('queues a mail in the owner’s language when an action is assigned to their account, once', async () => {
    const action = await createAction(manager, workshop.slug, {
      title: 'Send the survey',
      ownerName: 'Owner',
      ownerEmail: 'OWNER@example.org',
      dueOn: '2030-05-01',
    });
    expect(action.ownerHasAccount).toBe(true);
    let sent = (await mails()).filter((m) => m.to === 'owner@example.org');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ locale: 'ar', template: 'eventsFollowup.actionAssigned', values: { action: 'Send the survey' } });
    await updateAction(manager, workshop.slug, action.id, {
      title: 'Send the survey again',
      ownerName: 'Owner',
      ownerEmail: 'owner@example.org',
      status: 'in-progress',
    });
    sent = (await mails()).filter((m) => m.to === 'owner@example.org');
    expect(sent).toHaveLength(1);
    expect(await refusal(createAction(manager, workshop.slug, { title: 'x', ownerName: 'y', ownerEmail: 'nobody@example.org' }))).toBe(
      '400 EVENTS_FOLLOWUP_OWNER_UNKNOWN',
    );
    const done = await setActionStatus(manager, workshop.slug, action.id, { status: 'done' });
    expect(done.status).toBe('done');
    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'events.action.status'), eq(auditLog.subjectId, action.id)));
    expect(audited[0]?.data).toMatchObject({ from: 'in-progress', to: 'done' });
  });

  it('stores documents of the accepted types, shows staff-only ones to staff only, and deletes them', async () => {
    const shared = await uploadDocument(
      manager,
      workshop.slug,
      { title: 'Agenda', isPublic: true },
      { name: 'agenda.pdf', contentType: 'application/pdf', bytes: pdf },
    );
    const internal = await uploadDocument(
      manager,
      workshop.slug,
      { title: 'Budget' },
      { name: 'budget.pdf', contentType: 'application/pdf', bytes: pdf },
    );
    expect(shared).toMatchObject({ kind: 'PDF', size: pdf.length, fileName: 'agenda.pdf' });
    expect(
      await refusal(uploadDocument(manager, workshop.slug, { title: 'x' }, { name: 'a.html', contentType: 'text/html', bytes: pdf })),
    ).toBe('400 EVENTS_FOLLOWUP_DOCUMENT_TYPE');
    expect((await getFollowUp(anonymous, workshop.slug)).documents.map((d) => d.title)).toEqual(['Agenda']);
    expect((await openDocument(anonymous, workshop.slug, shared.id)).fileName).toBe('agenda.pdf');
    expect(await refusal(openDocument(anonymous, workshop.slug, internal.id))).toBe('404 EVENTS_FOLLOWUP_DOCUMENT_NOT_FOUND');
    expect((await openDocument(manager, workshop.slug, internal.id)).size).toBe(pdf.length);
    await deleteDocument(manager, workshop.slug, internal.id);
    expect(await refusal(openDocument(manager, workshop.slug, internal.id))).toBe('404 EVENTS_FOLLOWUP_DOCUMENT_NOT_FOUND');
  });

  it('lists open actions across the events the reader manages only', async () => {
    await createAction(otherManager, elsewhere.slug, { title: 'Egyptian follow-up', ownerName: 'Mona', dueOn: '2020-02-01' });
    const mine = await listOpenActions(manager);
    expect(mine.items.map((a) => a.title)).toEqual(['Draft the label charter', 'Book the next venue']);
    expect(mine.items[0]!.overdue).toBe(true);
    const theirs = await listOpenActions(otherManager);
    expect(theirs.items.map((a) => a.event.slug)).toEqual([elsewhere.slug]);
    expect((await db().select({ n: count() }).from(eventAction))[0]!.n).toBe(4);
  });
});
