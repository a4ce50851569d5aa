import { beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '#app/shared/audit/testing/staff-actor.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertTwinsFixture } from './twins.fixture.ts';
import { findAllTwins, findClusterTwins, findOrganisationTwins } from './twins.service.server.ts';

const member = actorWith([]);

describe('twins finder service', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    await insertTwinsFixture(database().db);
  });

  it('finds bourj-hammoud-jewellery among the twins of batna-jewellery, for its subsector and its silver', async () => {
    const result = await findClusterTwins(anonymous, 'batna-jewellery');
    expect(result.source).toMatchObject({ kind: 'cluster', slug: 'batna-jewellery', countryIso2: 'DZ' });
    expect(result.clusters.map((twin) => twin.cluster.slug)).toEqual(['bourj-hammoud-jewellery', 'amman-fashion']);
    const [bourjHammoud] = result.clusters;
    expect(bourjHammoud?.reasons).toContainEqual({ code: 'same-subsector', points: 40, subsectors: ['fashion'] });
    // The members' profiles count: enamel is Bourj Hammoud's through its exporter, whose export complements Batna's producer.
    expect(bourjHammoud?.reasons).toContainEqual({ code: 'shared-materials', points: 20, materials: ['enamel', 'silver'] });
    expect(bourjHammoud?.reasons).toContainEqual({
      code: 'complementary-value-chain',
      points: 10,
      pairs: [{ source: 'production', twin: 'export' }],
    });
    expect(bourjHammoud?.cluster.memberCount).toBe(1);
    expect(bourjHammoud?.strength).toBe('strong');
  });

  it('lists organisation twins in other countries only, published only, best first', async () => {
    const result = await findClusterTwins(anonymous, 'batna-jewellery');
    expect(result.organisations.items.map((twin) => twin.organisation.slug)).toEqual(['beirut-gold-exporter', 'tunis-silversmith']);
    expect(result.organisations).toMatchObject({ page: 1, total: 2, hasNext: false });
    expect(result.names.subsectors.fashion?.en).toMatch(/Fashion/);
    expect(result.names.materials.silver).toMatchObject({ en: 'Silver', fr: 'Argent' });
  });

  it('filters by country and by organisation type', async () => {
    const tunisia = await findClusterTwins(anonymous, 'batna-jewellery', { country: ['TN'] });
    expect(tunisia.organisations.items.map((twin) => twin.organisation.slug)).toEqual(['tunis-silversmith']);
    expect(tunisia.clusters).toEqual([]);
    const cooperatives = await findClusterTwins(anonymous, 'batna-jewellery', { type: ['cooperative'] });
    expect(cooperatives.organisations.items.map((twin) => twin.organisation.slug)).toEqual(['tunis-silversmith']);
    expect(cooperatives.clusters.map((twin) => twin.cluster.slug)).toEqual(['bourj-hammoud-jewellery', 'amman-fashion']);
  });

  it('finds the twins of an organisation among organisations and clusters', async () => {
    const result = await findOrganisationTwins(anonymous, 'atelier-argent-batna');
    expect(result.organisations.items[0]?.organisation.slug).toBe('beirut-gold-exporter');
    expect(result.organisations.items[0]?.reasons.map((reason) => reason.code)).toEqual([
      'same-subsector',
      'shared-materials',
      'complementary-value-chain',
      'complementary-markets',
      'shared-language',
    ]);
    expect(result.clusters.map((twin) => twin.cluster.slug)).toContain('bourj-hammoud-jewellery');
    expect(result.clusters.map((twin) => twin.cluster.slug)).not.toContain('batna-jewellery');
  });

  it('gives contact details only for consenting organisations and only to signed-in people', async () => {
    const forVisitor = await findAllTwins(anonymous, 'cluster', 'batna-jewellery');
    expect(forVisitor.organisations.map((twin) => twin.contact)).toEqual([null, null]);
    expect(JSON.stringify(forVisitor)).not.toMatch(/beirut-gold\.example|tunis-silver\.example|961/);
    const forMember = await findAllTwins(member, 'cluster', 'batna-jewellery');
    const contacts = Object.fromEntries(forMember.organisations.map((twin) => [twin.organisation.slug, twin.contact]));
    expect(contacts['beirut-gold-exporter']).toEqual({
      email: 'contact@beirut-gold.example',
      phone: '+961 1 234 567',
      address: 'Arax Street, Bourj Hammoud',
    });
    expect(contacts['tunis-silversmith']).toBeNull();
    expect(JSON.stringify(forMember)).not.toContain('tunis-silver.example');
  });

  it('answers 404 for an unknown or unpublished source, and 400 for bad filters', async () => {
    await expect(findClusterTwins(anonymous, 'no-such-cluster')).rejects.toMatchObject({
      code: 'DIRECTORY_TWINS_SOURCE_NOT_FOUND',
      status: 404,
    });
    await expect(findOrganisationTwins(anonymous, 'proposed-jeweller')).rejects.toMatchObject({ status: 404 });
    await expect(findClusterTwins(anonymous, 'batna-jewellery', { country: ['dz'] })).rejects.toMatchObject({
      code: 'COMMON_VALIDATION_FAILED',
      status: 400,
    });
  });

  it('pages beyond the last twin are empty, not an error', async () => {
    const result = await findClusterTwins(anonymous, 'batna-jewellery', { page: 2 });
    expect(result.organisations).toMatchObject({ items: [], page: 2, total: 2, hasNext: false });
  });
});
