/**
 * The organisations directory on a real database: facet counts with the other filters applied,
 * paging and order, published organisations only, and contact details never shown to visitors or
 * for organisations that did not consent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '#app/shared/audit/testing/staff-actor.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { AppError } from '#app/shared/errors.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { NO_FILTERS, type OrganisationFilters } from './organisation-filters.ts';
import { getOrganisation, getOrganisationPage, listOrganisations } from './organisations.query.server.ts';

const member = actorWith([], { userId: 'member-1', name: 'A Member' });

function filters(overrides: Partial<OrganisationFilters> = {}): OrganisationFilters {
  return { ...NO_FILTERS, ...overrides };
}

function facet(list: Awaited<ReturnType<typeof listOrganisations>>, key: keyof NonNullable<typeof list.facets>) {
  return Object.fromEntries((list.facets?.[key] ?? []).map((value) => [value.value, value.count]));
}

describe('organisations directory (read side)', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const db = database().db;
    const jewellery = await insertCluster(db, {
      slug: 'test-jewellery',
      name: { en: 'Jewellers', ar: 'الصاغة' },
      subsectorCode: 'fashion',
    });
    const tn = [
      { slug: 'tn-silver', name: { en: 'Atlas Silver' }, subsectorCodes: ['fashion'], materialCodes: ['silver', 'enamel'], womenLed: true },
      {
        slug: 'tn-weavers',
        name: { fr: 'Tisserandes de Kairouan' },
        sourceLocale: 'fr',
        subsectorCodes: ['habitat'],
        materialCodes: ['weaving'],
      },
      {
        slug: 'tn-coop',
        name: { en: 'Coop Mosaic' },
        type: 'cooperative' as const,
        sizeClass: 'small' as const,
        subsectorCodes: ['heritage'],
      },
    ];
    const ma = [
      { slug: 'ma-silver', name: { en: 'Berber Silver' }, subsectorCodes: ['fashion'], materialCodes: ['silver'], womenLed: true },
      { slug: 'ma-leather', name: { ar: 'دباغة فاس' }, sourceLocale: 'ar', subsectorCodes: ['fashion'], materialCodes: ['leather'] },
    ];
    const rows = [
      ...(await Promise.all(tn.map((o) => insertOrganisation(db, { countryIso2: 'TN', ...o })))),
      ...(await Promise.all(ma.map((o) => insertOrganisation(db, { countryIso2: 'MA', ...o })))),
    ];
    await addMember(db, jewellery, rows.find((r) => r.slug === 'tn-silver')!);
    await addMember(db, jewellery, rows.find((r) => r.slug === 'ma-silver')!, 'anchor');
    await insertOrganisation(db, {
      slug: 'lb-consenting',
      name: { en: 'Consenting Workshop' },
      countryIso2: 'LB',
      email: 'hello@consenting.example',
      phone: '+961 1 234 567',
      address: '1 Armenia Street',
      contactConsent: true,
      subsectorCodes: ['visual-arts'],
    });
    await insertOrganisation(db, {
      slug: 'lb-private',
      name: { en: 'Private Workshop' },
      countryIso2: 'LB',
      email: 'secret@private.example',
      phone: '+961 1 765 432',
      address: '2 Hidden Street',
      contactConsent: false,
      subsectorCodes: ['visual-arts'],
    });
    await insertOrganisation(db, { slug: 'tn-proposed', name: { en: 'Proposed One' }, status: 'proposed', proposedById: 'member-1' });
    await insertOrganisation(db, { slug: 'tn-archived', name: { en: 'Archived One' }, status: 'archived' });
  });

  it('lists published organisations only, with the total', async () => {
    const list = await listOrganisations(anonymous, filters(), { facets: true });
    expect(list.total).toBe(7);
    expect(list.items.map((o) => o.slug)).not.toContain('tn-proposed');
    expect(list.items.map((o) => o.slug)).not.toContain('tn-archived');
  });

  it('counts each facet with the other filters applied, and combines values of one facet as alternatives', async () => {
    const list = await listOrganisations(anonymous, filters({ country: ['TN'], subsector: ['fashion'] }), { facets: true });
    expect(list.items.map((o) => o.slug)).toEqual(['tn-silver']);
    expect(list.total).toBe(1);
    // Countries are counted with the subsector filter only: fashion exists in TN (1) and MA (2).
    expect(facet(list, 'country')).toEqual({ TN: 1, MA: 2 });
    // Subsectors are counted with the country filter only: everything in TN.
    expect(facet(list, 'subsector')).toEqual({ fashion: 1, habitat: 1, heritage: 1 });
    expect(facet(list, 'material')).toEqual({ silver: 1, enamel: 1 });
    expect(facet(list, 'cluster')).toEqual({ 'test-jewellery': 1 });
    expect(facet(list, 'womenLed')).toEqual({ true: 1 });
    expect(list.facets?.country.find((v) => v.value === 'TN')).toMatchObject({ selected: true, label: { en: 'Tunisia' } });
    expect(list.facets?.cluster[0]?.label).toEqual({ en: 'Jewellers', ar: 'الصاغة' });

    const both = await listOrganisations(anonymous, filters({ country: ['TN', 'MA'], subsector: ['fashion'] }), { facets: true });
    expect(both.items.map((o) => o.slug).sort()).toEqual(['ma-leather', 'ma-silver', 'tn-silver']);
  });

  it('keeps a ticked value in its facet with 0 so it can be unticked', async () => {
    const list = await listOrganisations(anonymous, filters({ country: ['LB'], material: ['silver'] }), { facets: true });
    expect(list.total).toBe(0);
    expect(list.facets?.material.find((v) => v.value === 'silver')).toMatchObject({ count: 0, selected: true });
    expect(list.facets?.country.find((v) => v.value === 'LB')).toMatchObject({ count: 0, selected: true });
    expect(facet(list, 'country')).toMatchObject({ TN: 1, MA: 1 });
  });

  it('filters by flag, type, size, material and cluster', async () => {
    const slugs = async (f: Partial<OrganisationFilters>) =>
      (await listOrganisations(anonymous, filters(f))).items.map((o) => o.slug).sort();
    expect(await slugs({ womenLed: true })).toEqual(['ma-silver', 'tn-silver']);
    expect(await slugs({ type: ['cooperative'] })).toEqual(['tn-coop']);
    expect(await slugs({ size: ['small'] })).toEqual(['tn-coop']);
    expect(await slugs({ material: ['leather', 'weaving'] })).toEqual(['ma-leather', 'tn-weavers']);
    expect(await slugs({ cluster: ['test-jewellery'] })).toEqual(['ma-silver', 'tn-silver']);
    expect(await slugs({ cluster: ['no-such-cluster'] })).toEqual([]);
  });

  it('pages through the list in name order in the reader language, without overlap', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const list = await listOrganisations(anonymous, filters({ page }), { pageSize: 3, locale: 'en' });
      expect(list).toMatchObject({ total: 7, page, pageSize: 3, pageCount: 3 });
      seen.push(...list.items.map((o) => o.slug));
    }
    // The name written only in Arabic sorts after the Latin ones; the French-only one by its French name.
    expect(seen).toEqual(['tn-silver', 'ma-silver', 'lb-consenting', 'tn-coop', 'lb-private', 'tn-weavers', 'ma-leather']);
  });

  it('searches with q through the search index, ranked, and counts facets among the hits', async () => {
    const list = await listOrganisations(anonymous, filters({ q: 'silver' }), { facets: true });
    expect(list.items.map((o) => o.slug).sort()).toEqual(['ma-silver', 'tn-silver']);
    expect(facet(list, 'country')).toEqual({ TN: 1, MA: 1 });
    const narrowed = await listOrganisations(anonymous, filters({ q: 'silver', country: ['MA'] }), { facets: true });
    expect(narrowed.items.map((o) => o.slug)).toEqual(['ma-silver']);
    expect(facet(narrowed, 'country')).toEqual({ TN: 1, MA: 1 });
    // The page and the total read the hits narrowed to the countries; the country facet all of them.
    expect((await listOrganisations(anonymous, filters({ q: 'silver', country: ['MA'] }))).total).toBe(1);
    const both = await listOrganisations(anonymous, filters({ q: 'silver', country: ['MA', 'TN'] }));
    expect(both.items.map((o) => o.slug).sort()).toEqual(['ma-silver', 'tn-silver']);
    expect(both.total).toBe(2);
    expect((await listOrganisations(anonymous, filters({ q: 'silver', country: ['LB'] }), { facets: true })).items).toEqual([]);
    const french = await listOrganisations(anonymous, filters({ q: 'tisserandes', sort: 'name' }));
    expect(french.items.map((o) => o.slug)).toEqual(['tn-weavers']);
    expect((await listOrganisations(anonymous, filters({ q: 'Proposed One' }))).total).toBe(0);
  });

  it('sorts the newest first when asked', async () => {
    const list = await listOrganisations(anonymous, filters({ sort: 'newest' }), { pageSize: 2 });
    expect(list.items.map((o) => o.slug)).toEqual(['lb-private', 'lb-consenting']);
  });

  it('caps the page size at 100', async () => {
    expect((await listOrganisations(anonymous, filters(), { pageSize: 5000 })).pageSize).toBe(100);
  });

  it('lists other statuses only for programme staff deciding on them', async () => {
    await expect(listOrganisations(member, filters(), { statuses: ['proposed'] })).rejects.toMatchObject({ code: 'COMMON_FORBIDDEN' });
    const staff = actorWith(['directory.requests.decide']);
    const proposed = await listOrganisations(staff, filters(), { statuses: ['proposed'] });
    expect(proposed.items.map((o) => o.slug)).toEqual(['tn-proposed']);
  });

  it('never puts contact details in a list', async () => {
    const list = await listOrganisations(member, filters({ country: ['LB'] }), { facets: true });
    expect(JSON.stringify(list)).not.toMatch(/consenting\.example|private\.example|Armenia|Hidden/);
  });

  it('shows contact details on a profile only to signed-in people, and only with consent', async () => {
    expect((await getOrganisation(anonymous, 'lb-consenting')).contact).toBeNull();
    expect((await getOrganisation(member, 'lb-consenting')).contact).toEqual({
      email: 'hello@consenting.example',
      phone: '+961 1 234 567',
      address: '1 Armenia Street',
    });
    const privateProfile = await getOrganisation(member, 'lb-private');
    expect(privateProfile.contact).toBeNull();
    expect(JSON.stringify(privateProfile)).not.toMatch(/private\.example|765|Hidden/);
  });

  it('gives a profile with its clusters and roles', async () => {
    const profile = await getOrganisation(anonymous, 'ma-silver');
    expect(profile.clusters).toEqual([{ slug: 'test-jewellery', name: { en: 'Jewellers', ar: 'الصاغة' }, role: 'anchor' }]);
    expect(profile.materialCodes).toEqual(['silver']);
  });

  it('answers 404 for an unknown or unpublished organisation, except to who may see it', async () => {
    for (const slug of ['no-such-organisation', 'tn-proposed', 'tn-archived']) {
      await expect(getOrganisation(anonymous, slug)).rejects.toMatchObject({ code: 'DIRECTORY_ORGANISATION_NOT_FOUND', status: 404 });
    }
    await expect(getOrganisation(actorWith([], { userId: 'someone-else' }), 'tn-proposed')).rejects.toBeInstanceOf(AppError);
    expect((await getOrganisation(member, 'tn-proposed')).status).toBe('proposed');
    const admin = actorWith([], {
      grants: [
        {
          role: 'organisation_admin',
          scopeType: 'organisation',
          scopeId: 'tn-archived',
          permissions: ['directory.organisations.manage'],
          requiresTwoFactor: false,
        },
      ],
    });
    expect((await getOrganisation(admin, 'tn-archived')).status).toBe('archived');
  });

  it('gives the profile page the names of its codes and whether to offer the manage links', async () => {
    const visitor = await getOrganisationPage(anonymous, 'tn-silver');
    expect(visitor.canManage).toBe(false);
    expect(visitor.labels.countries.TN).toMatchObject({ fr: 'Tunisie' });
    expect(visitor.labels.materials.enamel).toMatchObject({ en: 'Enamel' });
    const admin = actorWith([], {
      grants: [
        {
          role: 'organisation_admin',
          scopeType: 'organisation',
          scopeId: 'tn-silver',
          permissions: ['directory.organisations.manage'],
          requiresTwoFactor: false,
        },
      ],
    });
    expect((await getOrganisationPage(admin, 'tn-silver')).canManage).toBe(true);
    expect((await getOrganisationPage(admin, 'ma-silver')).canManage).toBe(false);
  });
});
