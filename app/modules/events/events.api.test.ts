/** Events over the API: staff create, edit, publish and cancel; the agenda; refusals as problems; ICS; OpenAPI. */
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { auditLog, event, user } from '#app/shared/db/schema.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { eventListSchema, eventSchema, sessionSchema } from './index.ts';

describe('events API', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let app: TestApp;
  let staffToken: string;
  let otherManagerToken: string;
  let clusterSlugs: string[];

  beforeAll(async () => {
    await seedRoles(db());
    app = createTestApp();
    const clusters = await Promise.all(['TN', 'EG', 'JO'].map((countryIso2) => insertCluster(db(), { countryIso2 })));
    clusterSlugs = clusters.map((c) => c.slug);
    const other = await insertCluster(db(), { countryIso2: 'MA' });
    const staff = await createPerson({ name: 'Programme Staff' });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.userId));
    await assignRole(system, { userId: staff.userId, role: 'programme_staff', scopeType: 'global', scopeId: null });
    staffToken = (await issueToken(staff)).token;
    const manager = await createPerson({ name: 'Other Manager' });
    await assignRole(system, { userId: manager.userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: other.slug });
    otherManagerToken = (await issueToken(manager)).token;
  });

  const body = () => ({
    type: 'thematic-workshop',
    clusters: clusterSlugs,
    countryIso2: 'TN',
    title: { fr: 'Atelier API', en: 'API workshop' },
    sourceLocale: 'fr',
    timeZone: 'Africa/Tunis',
    startsAt: '2027-09-15T09:00:00+01:00',
    endsAt: '2027-09-16T17:00:00+01:00',
  });

  it('creates a draft (201), adds a session, publishes, and anyone then reads it, its agenda and its ICS', async () => {
    const created = await apiRequest(app, '/api/v1/events', { method: 'POST', token: staffToken, json: body() });
    expect(created.status).toBe(201);
    const draft = eventSchema.parse(await created.json());
    expect(draft).toMatchObject({ status: 'draft', slug: 'atelier-api-2027-09-15', startsAt: '2027-09-15T08:00:00.000Z' });
    expect((await apiRequest(app, `/api/v1/events/${draft.slug}`)).status).toBe(404);

    const session = await apiRequest(app, `/api/v1/events/${draft.slug}/sessions`, {
      method: 'POST',
      token: staffToken,
      json: {
        title: { fr: 'Ouverture' },
        startsAt: '2027-09-15T09:00:00+01:00',
        endsAt: '2027-09-15T10:00:00+01:00',
        languages: ['fr', 'ar'],
        interpretation: ['en'],
        speakers: [{ name: 'Leila Ben Salah' }],
      },
    });
    expect(session.status).toBe(201);
    const { id } = sessionSchema.parse(await session.json());
    const outside = await apiRequest(app, `/api/v1/events/${draft.slug}/sessions`, {
      method: 'POST',
      token: staffToken,
      json: { title: { fr: 'Hors dates' }, startsAt: '2027-09-17T09:00:00+01:00', endsAt: '2027-09-17T10:00:00+01:00' },
      headers: { 'Accept-Language': 'fr' },
    });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ code: 'EVENTS_SESSION_OUTSIDE_EVENT', title: expect.stringContaining('Cette séance') });

    const patched = await apiRequest(app, `/api/v1/events/${draft.slug}/sessions/${id}`, {
      method: 'PATCH',
      token: staffToken,
      json: { room: 'Salle 2' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ room: 'Salle 2', speakers: [{ name: 'Leila Ben Salah' }] });

    const published = await apiRequest(app, `/api/v1/events/${draft.slug}/publish`, { method: 'POST', token: staffToken });
    expect(published.status).toBe(200);
    const read = eventSchema.parse(await (await apiRequest(app, `/api/v1/events/${draft.slug}`)).json());
    expect(read.status).toBe('published');
    expect(read.sessions).toHaveLength(1);
    const agenda = await apiRequest(app, `/api/v1/events/${draft.slug}/sessions`);
    expect(((await agenda.json()) as { items: unknown[] }).items).toHaveLength(1);

    const list = eventListSchema.parse(await (await apiRequest(app, '/api/v1/events?type=thematic-workshop&country=TN')).json());
    expect(list.items.map((e) => e.slug)).toContain(draft.slug);

    const ics = await apiRequest(app, `/api/v1/events/${draft.slug}/calendar.ics?locale=fr`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const vevents = new ICAL.Component(ICAL.parse(await ics.text())).getAllSubcomponents('vevent');
    expect(vevents.map((v) => v.getFirstPropertyValue('summary'))).toEqual(['Atelier API', 'Ouverture']);
    const feed = await apiRequest(app, '/api/v1/events.ics?locale=en');
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:API workshop');

    const removed = await apiRequest(app, `/api/v1/events/${draft.slug}/sessions/${id}`, { method: 'DELETE', token: staffToken });
    expect(removed.status).toBe(204);
    const cancelled = await apiRequest(app, `/api/v1/events/${draft.slug}/cancel`, {
      method: 'POST',
      token: staffToken,
      json: { reason: 'Storm' },
    });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
    const edit = await apiRequest(app, `/api/v1/events/${draft.slug}`, { method: 'PATCH', token: staffToken, json: { capacity: 3 } });
    expect(edit.status).toBe(409);
  });

  it('refuses another cluster’s manager (403) and the anonymous (401), writing nothing', async () => {
    const created = eventSchema.parse(
      await (await apiRequest(app, '/api/v1/events', { method: 'POST', token: staffToken, json: body() })).json(),
    );
    const [events, audits] = [await db().select().from(event), await db().select().from(auditLog)];
    const refused = await apiRequest(app, '/api/v1/events', { method: 'POST', token: otherManagerToken, json: body() });
    expect(refused.status).toBe(403);
    // A draft the manager does not manage does not exist for them.
    expect(
      (await apiRequest(app, `/api/v1/events/${created.slug}`, { method: 'PATCH', token: otherManagerToken, json: { capacity: 3 } }))
        .status,
    ).toBe(404);
    await apiRequest(app, `/api/v1/events/${created.slug}/publish`, { method: 'POST', token: staffToken });
    const audits2 = await db().select().from(auditLog);
    expect(
      (await apiRequest(app, `/api/v1/events/${created.slug}`, { method: 'PATCH', token: otherManagerToken, json: { capacity: 3 } }))
        .status,
    ).toBe(403);
    expect((await apiRequest(app, `/api/v1/events/${created.slug}/cancel`, { method: 'POST', token: otherManagerToken })).status).toBe(403);
    expect((await apiRequest(app, '/api/v1/events', { method: 'POST', json: body() })).status).toBe(401);
    expect((await db().select().from(event)).length).toBe(events.length);
    expect((await db().select().from(auditLog)).length).toBe(audits2.length);
    expect(audits2.length).toBe(audits.length + 1);
  });

  it('refuses a bad body with a 400 naming each field', async () => {
    const response = await apiRequest(app, '/api/v1/events', {
      method: 'POST',
      token: staffToken,
      json: { ...body(), timeZone: 'Mars/Olympus', title: {}, startsAt: 'tomorrow' },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('COMMON_VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['startsAt', 'timeZone', 'title']);
  });

  it('describes every operation in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/events'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/events/{slug}'] ?? {}).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(document.paths['/events/{slug}/publish'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/events/{slug}/cancel'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/events/{slug}/sessions'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/events/{slug}/sessions/{id}'] ?? {}).sort()).toEqual(['delete', 'patch']);
    expect(Object.keys(document.paths['/events/{slug}/calendar.ics'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/events.ics'] ?? {})).toEqual(['get']);
  });
});
