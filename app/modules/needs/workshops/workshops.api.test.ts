/**
 * Workshop outputs over the API: a facilitator (the host cluster's manager) captures and runs the
 * voting, a participant votes by token and another by check-in code, outsiders are refused, the
 * comparison answers anyone, and every path is in the OpenAPI document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: the events module's test fixtures (rows written straight to its tables).
import { insertEvent, insertRegistration } from '#app/modules/events/event.fixture.ts';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { comparisonSchema, myBallotSchema, seedChallengeThemes, votingResultsSchema, workshopChallengeSchema } from '../index.ts';

describe('needs API: workshop outputs', () => {
  const database = useTestDatabase();
  let app: TestApp;
  let managerToken: string;
  let participantToken: string;
  let outsiderToken: string;
  let slug: string;
  let code: string;

  beforeAll(async () => {
    const db = database().db;
    await seedRoles(db);
    await seedChallengeThemes(db);
    const host = await insertCluster(db, { slug: 'api-outputs-host', countryIso2: 'TN' });
    const event = await insertEvent(db, { hostClusterId: host.id, clusterIds: [host.id] });
    slug = event.slug;
    const manager = await createPerson({ name: 'Facilitator' });
    await assignRole(system, { userId: manager.userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: 'api-outputs-host' });
    managerToken = (await issueToken(manager)).token;
    const participant = await createPerson({ name: 'Participant' });
    await insertRegistration(db, event.id, { userId: participant.userId });
    participantToken = (await issueToken(participant)).token;
    outsiderToken = (await issueToken(await createPerson({ name: 'Outsider' }))).token;
    code = (await insertRegistration(db, event.id, { checkInCode: 'api-badge-code-0001' })).checkInCode;
    app = createTestApp();
  });

  it('lets the facilitator capture, open and close the voting, and participants vote by token or code', async () => {
    const base = `/api/v1/events/${slug}/outputs`;
    const refused = await apiRequest(app, `${base}/challenges`, {
      method: 'POST',
      token: outsiderToken,
      json: { themeCode: 'access-to-finance', description: 'x' },
    });
    expect(refused.status).toBe(403);

    const created = await apiRequest(app, `${base}/challenges`, {
      method: 'POST',
      token: managerToken,
      json: { themeCode: 'access-to-finance', description: 'Les banques refusent les petits prêts', sourceLocale: 'fr' },
    });
    expect(created.status).toBe(201);
    const challenge = workshopChallengeSchema.parse(await created.json());
    const other = workshopChallengeSchema.parse(
      await (
        await apiRequest(app, `${base}/challenges`, {
          method: 'POST',
          token: managerToken,
          json: { themeCode: 'infrastructure', description: 'Roads' },
        })
      ).json(),
    );
    const patched = await apiRequest(app, `${base}/challenges/${other.id}`, {
      method: 'PATCH',
      token: managerToken,
      json: { description: 'Roads and power' },
    });
    expect(patched.status).toBe(200);
    const training = await apiRequest(app, `${base}/training-needs`, {
      method: 'POST',
      token: managerToken,
      json: { topic: 'export', format: 'online' },
    });
    expect(training.status).toBe(201);
    const list = (await (await apiRequest(app, `${base}/challenges`, { token: managerToken })).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(2);

    expect(
      (await apiRequest(app, `${base}/voting`, { method: 'POST', token: managerToken, json: { action: 'open', dots: 2 } })).status,
    ).toBe(200);
    const mine = await apiRequest(app, `${base}/votes`, {
      method: 'PUT',
      token: participantToken,
      json: { allocation: { [challenge.id]: 2 } },
    });
    expect(mine.status).toBe(200);
    expect(myBallotSchema.parse(await mine.json())).toMatchObject({ used: 2, voting: { dots: 2, status: 'open' } });
    const tooMany = await apiRequest(app, `${base}/votes`, { method: 'PUT', json: { checkInCode: code, allocation: { [other.id]: 3 } } });
    expect(tooMany.status).toBe(409);
    expect(((await tooMany.json()) as { code: string }).code).toBe('EVENTS_OUTPUTS_TOO_MANY_DOTS');
    const byCode = await apiRequest(app, `${base}/votes`, { method: 'PUT', json: { checkInCode: code, allocation: { [other.id]: 1 } } });
    expect(byCode.status).toBe(200);
    const outsider = await apiRequest(app, `${base}/votes`, {
      method: 'PUT',
      token: outsiderToken,
      json: { allocation: { [other.id]: 1 } },
    });
    expect(outsider.status).toBe(403);
    expect((await apiRequest(app, `${base}/votes`, { method: 'PUT', json: { allocation: {} } })).status).toBe(401);

    expect((await apiRequest(app, `${base}/votes`, { token: participantToken })).status).toBe(403);
    const live = votingResultsSchema.parse(await (await apiRequest(app, `${base}/votes`, { token: managerToken })).json());
    expect(live.results.map((r) => [r.themeCode, r.dots])).toEqual([
      ['access-to-finance', 2],
      ['infrastructure', 1],
    ]);
    expect((await apiRequest(app, `${base}/voting`, { method: 'POST', token: managerToken, json: { action: 'close' } })).status).toBe(200);
    expect((await apiRequest(app, `${base}/votes?checkInCode=${code}`)).status).toBe(200);
    const ballot = myBallotSchema.parse(await (await apiRequest(app, `${base}/votes/mine`, { token: participantToken })).json());
    expect(ballot.results?.[0]).toMatchObject({ themeCode: 'access-to-finance', dots: 2, rank: 1 });
    expect((await apiRequest(app, `${base}/challenges/${other.id}`, { method: 'DELETE', token: managerToken })).status).toBe(409);
  });

  it('compares workshops for anyone, hiding small groups in public', async () => {
    const response = await apiRequest(app, '/api/v1/needs/workshops');
    expect(response.status).toBe(200);
    const body = comparisonSchema.parse(await response.json());
    expect(body.audience).toBe('public');
    expect(body.rows.find((r) => r.theme === 'access-to-finance')).toMatchObject({ workshops: 1, countries: ['TN'], dots: null });
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(document.paths['/events/{slug}/outputs/challenges']?.post?.operationId).toBe('addWorkshopChallenge');
    expect(document.paths['/events/{slug}/outputs/challenges/{id}']?.delete?.operationId).toBe('removeWorkshopChallenge');
    expect(document.paths['/events/{slug}/outputs/training-needs']?.get?.operationId).toBe('listWorkshopTrainingNeeds');
    expect(document.paths['/events/{slug}/outputs/voting']?.post?.operationId).toBe('changeWorkshopVoting');
    expect(document.paths['/events/{slug}/outputs/votes']?.put?.operationId).toBe('setMyWorkshopVotes');
    expect(document.paths['/events/{slug}/outputs/votes']?.get?.operationId).toBe('getWorkshopVotingResults');
    expect(document.paths['/needs/workshops']?.get?.operationId).toBe('compareWorkshops');
  });
});
