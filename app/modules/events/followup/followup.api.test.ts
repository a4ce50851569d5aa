/**
 * Statistics and follow-up over the API: the fixed paths (/events/statistics, /events/actions) are
 * reached before /events/{slug}; an event's statistics, its XLSX and participant lists for its
 * managers only (403 for another cluster's manager, 401 anonymous); decisions, actions, minutes and
 * a multipart document upload, read back publicly where public; the OpenAPI paths.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { LocalDiskStorage, setFileStorage } from '#app/shared/files/index.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
import type { LoadedEvent } from '../events-core.repository.server.ts';
import { eventStatisticsSchema, programmeStatisticsSchema } from '../index.ts';
import { followUpSchema, openActionsSchema } from './followup.contracts.ts';

describe('statistics and follow-up API', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let app: TestApp;
  let managerToken: string;
  let otherToken: string;
  let workshop: LoadedEvent;

  beforeAll(async () => {
    setFileStorage(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), 'mosaic-followup-api-'))));
    await seedRoles(db());
    app = createTestApp();
    const host = await insertCluster(db(), { countryIso2: 'TN' });
    const other = await insertCluster(db(), { countryIso2: 'EG' });
    const manager = await createPerson({ name: 'Manager' });
    await assignRole(system, { userId: manager.userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: host.slug });
    managerToken = (await issueToken(manager)).token;
    const otherManager = await createPerson({ name: 'Other' });
    await assignRole(system, { userId: otherManager.userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: other.slug });
    otherToken = (await issueToken(otherManager)).token;
    const startsAt = new Date(Date.now() - 2 * 86_400_000);
    workshop = await insertEvent(db(), { hostClusterId: host.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
    await insertRegistration(db(), workshop.id, { name: 'Listed One', gender: 'woman', consentListed: true, checkedInAt: new Date() });
    await insertRegistration(db(), workshop.id, { name: 'Hidden Two', gender: 'man', consentListed: false });
  });
  afterAll(() => setFileStorage(undefined));

  it('answers an event’s statistics and the programme-wide view to its manager only', async () => {
    const own = await apiRequest(app, `/api/v1/events/${workshop.slug}/statistics`, { token: managerToken });
    expect(own.status).toBe(200);
    const stats = eventStatisticsSchema.parse(await own.json());
    expect(stats.statistics.totals).toMatchObject({ registered: 2, attended: 1, noShow: 1 });
    expect((await apiRequest(app, `/api/v1/events/${workshop.slug}/statistics`, { token: otherToken })).status).toBe(403);
    expect((await apiRequest(app, `/api/v1/events/${workshop.slug}/statistics`)).status).toBe(401);

    const programme = await apiRequest(app, '/api/v1/events/statistics?country=TN', { token: managerToken });
    expect(programme.status).toBe(200);
    expect(programmeStatisticsSchema.parse(await programme.json()).events.map((e) => e.slug)).toEqual([workshop.slug]);
    expect((await apiRequest(app, '/api/v1/events/statistics?year=abc', { token: managerToken })).status).toBe(400);
  });

  it('gives the statistics workbook and the participant lists, the sharing list without the unlisted', async () => {
    const xlsx = await apiRequest(app, `/api/v1/events/${workshop.slug}/statistics.xlsx?locale=fr`, { token: managerToken });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets[1]!.name).toBe('Parcours');

    const csv = await apiRequest(app, `/api/v1/events/${workshop.slug}/participants.csv?list=sharing&locale=en`, { token: managerToken });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Listed One');
    expect(text).not.toContain('Hidden Two');
    const logistics = await apiRequest(app, `/api/v1/events/${workshop.slug}/participants.xlsx?list=logistics`, { token: managerToken });
    expect(logistics.status).toBe(200);
    expect((await apiRequest(app, `/api/v1/events/${workshop.slug}/participants.csv`, { token: otherToken })).status).toBe(403);
  });

  it('records decisions, actions, minutes and documents; the public reads what is public', async () => {
    const base = `/api/v1/events/${workshop.slug}`;
    const decision = await apiRequest(app, `${base}/decisions`, {
      method: 'POST',
      token: managerToken,
      json: { text: 'Adopt a shared label', decidedOn: '2026-11-20', isPublic: true },
    });
    expect(decision.status).toBe(201);
    const { id: decisionId } = (await decision.json()) as { id: string };
    const action = await apiRequest(app, `${base}/actions`, {
      method: 'POST',
      token: managerToken,
      json: { title: 'Write the charter', ownerName: 'Sami', dueOn: '2020-01-01', decisionId, isPublic: true },
    });
    expect(action.status).toBe(201);
    const { id: actionId } = (await action.json()) as { id: string };
    const patched = await apiRequest(app, `${base}/actions/${actionId}`, {
      method: 'PATCH',
      token: managerToken,
      json: { status: 'in-progress' },
    });
    expect(await patched.json()).toMatchObject({ status: 'in-progress', overdue: true });
    const refused = await apiRequest(app, `${base}/decisions`, {
      method: 'POST',
      token: otherToken,
      json: { text: 'x', decidedOn: '2026-11-20' },
    });
    expect(refused.status).toBe(403);
    const bad = await apiRequest(app, `${base}/actions`, {
      method: 'POST',
      token: managerToken,
      json: { title: '', ownerName: 'x', status: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(
      (await apiRequest(app, `${base}/minutes`, { method: 'PUT', token: managerToken, json: { body: 'Notes', isPublic: false } })).status,
    ).toBe(200);

    const form = new FormData();
    form.set('title', 'Agenda');
    form.set('isPublic', 'true');
    form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n')], 'agenda.pdf', { type: 'application/pdf' }));
    const upload = await app.fetch(
      new Request(`${TEST_ORIGIN}${base}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${managerToken}` }, body: form }),
    );
    expect(upload.status).toBe(201);
    const document = (await upload.json()) as { id: string; kind: string; size: number };
    expect(document).toMatchObject({ kind: 'PDF', size: 9 });
    const html = new FormData();
    html.set('title', 'Page');
    html.set('file', new File(['<script>'], 'x.html', { type: 'text/html' }));
    const refusedType = await app.fetch(
      new Request(`${TEST_ORIGIN}${base}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${managerToken}` }, body: html }),
    );
    expect(refusedType.status).toBe(400);

    const publicView = followUpSchema.parse(await (await apiRequest(app, `${base}/follow-up`)).json());
    expect(publicView.decisions.map((d) => d.text)).toEqual(['Adopt a shared label']);
    expect(publicView.actions[0]).toMatchObject({ title: 'Write the charter', overdue: true });
    expect(publicView.minutes).toBeNull();
    const download = await apiRequest(app, `${base}/documents/${document.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('agenda.pdf');
    expect(await download.text()).toBe('%PDF-1.4\n');

    const open = openActionsSchema.parse(await (await apiRequest(app, '/api/v1/events/actions', { token: managerToken })).json());
    expect(open.items.map((a) => a.title)).toEqual(['Write the charter']);
    expect((await apiRequest(app, `${base}/actions/${actionId}`, { method: 'DELETE', token: managerToken })).status).toBe(204);
    expect((await apiRequest(app, `${base}/documents/${document.id}`, { method: 'DELETE', token: otherToken })).status).toBe(403);
  });

  it('documents the paths in OpenAPI', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/events/statistics'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/{slug}/statistics'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/{slug}/statistics.xlsx'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/{slug}/participants.xlsx'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/{slug}/participants.csv'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/{slug}/follow-up'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/actions'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events/{slug}/actions/{id}'] ?? {}).sort()).toEqual(['delete', 'patch', 'put']);
    expect(Object.keys(document.paths['/events/{slug}/documents'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/events/{slug}/minutes'] ?? {})).toEqual(['put']);
  });
});
