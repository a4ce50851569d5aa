/** Clusters over the API: public list and profile, staff create, managers update and manage members, refusals write nothing. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { cluster, clusterMembership, user } from '#app/shared/db/schema.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { clusterProfileSchema, clusterSummarySchema } from './index.ts';

const listSchema = z.object({ items: z.array(clusterSummarySchema), total: z.number() });

describe('clusters API', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let app: TestApp;
  let memberToken: string;
  let managerToken: string;
  let otherManagerToken: string;
  let staffToken: string;

  async function tokenFor(role?: { key: string; scopeType: 'global' | 'cluster'; scopeId: string | null }): Promise<string> {
    const person = await createPerson();
    if (role) {
      await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, person.userId));
      await assignRole(system, { userId: person.userId, role: role.key, scopeType: role.scopeType, scopeId: role.scopeId });
    }
    return (await issueToken(person)).token;
  }

  beforeAll(async () => {
    await seedRoles(db());
    const batna = await insertCluster(db(), {
      slug: 'api-batna',
      name: { en: 'Batna Jewellery', fr: 'Bijoutiers de Batna' },
      countryIso2: 'DZ',
      subsectorCode: 'fashion',
      stage: 'selected',
    });
    await insertCluster(db(), { slug: 'api-el-jem', countryIso2: 'TN', subsectorCode: 'heritage' });
    await addMember(db(), batna, await insertOrganisation(db(), { slug: 'api-silver-house', countryIso2: 'DZ' }), 'anchor');
    await insertOrganisation(db(), { slug: 'api-newcomer', countryIso2: 'DZ' });
    app = createTestApp();
    memberToken = await tokenFor();
    managerToken = await tokenFor({ key: 'cluster_manager', scopeType: 'cluster', scopeId: 'api-batna' });
    otherManagerToken = await tokenFor({ key: 'cluster_manager', scopeType: 'cluster', scopeId: 'api-el-jem' });
    staffToken = await tokenFor({ key: 'programme_staff', scopeType: 'global', scopeId: null });
  });

  it('lists clusters without credentials, with member counts and filters', async () => {
    const response = await apiRequest(app, '/api/v1/clusters');
    expect(response.status).toBe(200);
    const list = listSchema.parse(await response.json());
    expect(list.items.map((c) => [c.slug, c.memberCount])).toEqual([
      ['api-batna', 1],
      ['api-el-jem', 0],
    ]);
    const tunisia = listSchema.parse(await (await apiRequest(app, '/api/v1/clusters?country=TN')).json());
    expect(tunisia.items.map((c) => c.slug)).toEqual(['api-el-jem']);
    const both = listSchema.parse(await (await apiRequest(app, '/api/v1/clusters?country=TN&country=DZ&stage=selected')).json());
    expect(both.items.map((c) => c.slug)).toEqual(['api-batna']);
  });

  it('answers 400 naming a bad filter', async () => {
    const response = await apiRequest(app, '/api/v1/clusters?stage=flying');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('gets a profile, and 404 for an unknown slug', async () => {
    const response = await apiRequest(app, '/api/v1/clusters/api-batna');
    expect(response.status).toBe(200);
    const profile = clusterProfileSchema.parse(await response.json());
    expect(profile.members).toEqual([expect.objectContaining({ slug: 'api-silver-house', role: 'anchor' })]);
    const missing = await apiRequest(app, '/api/v1/clusters/no-such-cluster');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('DIRECTORY_CLUSTERS_NOT_FOUND');
  });

  it('lets staff create a cluster (201), refuses members (403) and visitors (401)', async () => {
    const body = { name: { en: 'Fes Leather' }, countryIso2: 'MA', subsectorCode: 'fashion', materialCodes: ['leather'] };
    expect((await apiRequest(app, '/api/v1/clusters', { method: 'POST', json: body })).status).toBe(401);
    expect((await apiRequest(app, '/api/v1/clusters', { method: 'POST', json: body, token: memberToken })).status).toBe(403);
    expect((await apiRequest(app, '/api/v1/clusters', { method: 'POST', json: body, token: managerToken })).status).toBe(403);
    const created = await apiRequest(app, '/api/v1/clusters', { method: 'POST', json: body, token: staffToken });
    expect(created.status).toBe(201);
    expect(clusterProfileSchema.parse(await created.json())).toMatchObject({ slug: 'fes-leather', countryIso2: 'MA', stage: 'mapped' });
    const invalid = await apiRequest(app, '/api/v1/clusters', { method: 'POST', json: { name: {} }, token: staffToken });
    expect(invalid.status).toBe(400);
  });

  it('lets the cluster manager update it; another cluster’s manager gets 403 and nothing changes', async () => {
    const refused = await apiRequest(app, '/api/v1/clusters/api-batna', {
      method: 'PATCH',
      json: { stage: 'closed' },
      token: otherManagerToken,
    });
    expect(refused.status).toBe(403);
    const [unchanged] = await db().select({ stage: cluster.stage }).from(cluster).where(eq(cluster.slug, 'api-batna'));
    expect(unchanged?.stage).toBe('selected');

    const response = await apiRequest(app, '/api/v1/clusters/api-batna', {
      method: 'PATCH',
      json: { stage: 'diagnosed', facts: [{ text: { en: 'Sourced fact.' }, sourceUrl: 'https://example.org/source' }] },
      token: managerToken,
    });
    expect(response.status).toBe(200);
    const profile = clusterProfileSchema.parse(await response.json());
    expect(profile.stage).toBe('diagnosed');
    expect(profile.facts).toEqual([{ text: { en: 'Sourced fact.' }, sourceUrl: 'https://example.org/source' }]);
  });

  it('puts and deletes members for the manager; others are refused and nothing is written', async () => {
    const path = '/api/v1/clusters/api-batna/members/api-newcomer';
    expect((await apiRequest(app, path, { method: 'PUT', json: { role: 'partner' }, token: otherManagerToken })).status).toBe(403);
    expect((await apiRequest(app, path, { method: 'PUT', json: { role: 'partner' } })).status).toBe(401);
    const countMembers = async () => (await db().select().from(clusterMembership)).length;
    const before = await countMembers();

    const added = await apiRequest(app, path, { method: 'PUT', json: { role: 'partner' }, token: managerToken });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ changed: true, role: 'partner' });
    expect(await countMembers()).toBe(before + 1);

    const bare = await apiRequest(app, path, { method: 'PUT', token: managerToken });
    expect(await bare.json()).toEqual({ changed: true, role: 'member' });

    expect((await apiRequest(app, path, { method: 'DELETE', token: otherManagerToken })).status).toBe(403);
    expect(await countMembers()).toBe(before + 1);
    const removed = await apiRequest(app, path, { method: 'DELETE', token: managerToken });
    expect(await removed.json()).toEqual({ changed: true, role: null });
    expect(await countMembers()).toBe(before);

    const ghost = await apiRequest(app, '/api/v1/clusters/api-batna/members/ghost-org', { method: 'PUT', token: managerToken });
    expect(ghost.status).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/clusters'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(document.paths['/clusters/{slug}'] ?? {})).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(document.paths['/clusters/{slug}/members/{organisationSlug}'] ?? {})).toEqual(
      expect.arrayContaining(['put', 'delete']),
    );
  });
});
