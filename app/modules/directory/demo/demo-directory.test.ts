import { describe, expect, it } from 'vitest';
import { organisationInputSchema, slugSchema } from '../directory.contracts.ts';
import { shippedReferenceData } from '../reference-data.ts';
import { buildDemoDirectory, DEMO_ORGANISATION_SLUG, realClusters, SYNTHETIC_PER_CLUSTER } from './demo-directory.ts';
import { arabicFor, frenchOf, slugOf } from './organisation-generator.ts';
import { syntheticOrganisation, syntheticOrganisations } from './synthetic-directory.ts';

const reference = shippedReferenceData();
const materialCodes = new Set(reference.materials.map((material) => material.code));
const subsectorCodes = new Set(reference.subsectors.map((subsector) => subsector.code));

describe('buildDemoDirectory', () => {
  const demo = buildDemoDirectory();

  it('is the same on every run', () => {
    expect(buildDemoDirectory()).toEqual(demo);
  });

  it('keeps the 14 real clusters as shipped, not demo-flagged, with their facts and sources', () => {
    expect(demo.clusters.map((row) => row.slug)).toEqual(realClusters().map((row) => row.slug));
    expect(demo.clusters).toHaveLength(14);
    for (const row of demo.clusters) expect(row.isDemo).toBe(false);
    const batna = demo.clusters.find((row) => row.slug === 'batna-jewellery')!;
    expect(batna).toMatchObject({ countryIso2: 'DZ', subsectorCode: 'fashion', materialCodes: ['silver', 'enamel'], latitude: 35.556 });
    expect(demo.facts.filter((fact) => fact.clusterSlug === 'batna-jewellery').map((fact) => fact.sourceUrl)).toEqual([
      'https://www.algerie360.com/le-cluster-des-bijoutiers-de-batna-une-initiative-prometteuse/',
      'https://djazairess.com/fr/apsfr/432177',
    ]);
    for (const fact of demo.facts) {
      expect(fact.sourceUrl).toMatch(/^https?:\/\//);
      expect(Object.keys(fact.text).sort()).toEqual(['ar', 'en', 'fr']);
    }
  });

  it('gives each cluster 10 to 40 demo organisations and exactly one anchor', () => {
    const organisationsBySlug = new Map(demo.organisations.map((row) => [row.slug, row]));
    for (const row of demo.clusters) {
      const members = demo.memberships.filter((membership) => membership.clusterSlug === row.slug);
      const synthetic = members.filter((membership) => organisationsBySlug.get(membership.organisationSlug)?.isDemo);
      expect(synthetic.length).toBeGreaterThanOrEqual(SYNTHETIC_PER_CLUSTER.min);
      expect(synthetic.length).toBeLessThanOrEqual(SYNTHETIC_PER_CLUSTER.max);
      expect(members.filter((membership) => membership.role === 'anchor')).toHaveLength(1);
      expect(demo.anchors.filter((anchor) => anchor.clusterSlug === row.slug)).toHaveLength(1);
    }
  });

  it('makes valid, unique organisations in a realistic mix', () => {
    const slugs = demo.organisations.map((row) => row.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const synthetic = demo.organisations.filter((row) => row.isDemo);
    for (const row of demo.organisations) {
      expect(slugSchema.safeParse(row.slug).success, row.slug).toBe(true);
      for (const code of row.materialCodes ?? []) expect(materialCodes.has(code), code).toBe(true);
      for (const code of row.subsectorCodes ?? []) expect(subsectorCodes.has(code), code).toBe(true);
      // Inputs leave absent fields out where rows hold null.
      const parsed = organisationInputSchema.safeParse(Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)));
      expect(parsed.success, `${row.slug}: ${parsed.error?.message}`).toBe(true);
    }
    const share = (predicate: (row: (typeof synthetic)[number]) => boolean) => synthetic.filter(predicate).length / synthetic.length;
    expect(share((row) => row.womenLed === true)).toBeGreaterThanOrEqual(0.3);
    expect(share((row) => row.womenLed === true)).toBeLessThanOrEqual(0.5);
    expect(share((row) => row.type === 'enterprise' || row.type === 'cooperative')).toBeGreaterThan(0.6);
    expect(share((row) => row.sizeClass === 'micro' || row.sizeClass === 'small')).toBeGreaterThan(0.8);
    expect(share((row) => row.sizeClass === 'medium')).toBeGreaterThan(0);
    expect(share((row) => row.contactConsent === true)).toBeGreaterThan(0.3);
    expect(synthetic.some((row) => !row.contactConsent && row.email)).toBe(true);
    for (const row of synthetic) expect((row.staffWomen ?? 0) + (row.staffMen ?? 0)).toBe(row.staffTotal);
  });

  it('names organisations in the languages of their country', () => {
    const algerian = demo.organisations.filter((row) => row.isDemo && row.countryIso2 === 'DZ');
    expect(algerian.every((row) => row.name.ar || row.name.fr)).toBe(true);
    expect(algerian.some((row) => row.name.ar && row.name.fr)).toBe(true);
    const palestinian = demo.organisations.filter((row) => row.isDemo && row.countryIso2 === 'PS');
    expect(palestinian.every((row) => !row.name.fr)).toBe(true);
    expect(palestinian.some((row) => row.name.ar && row.name.en)).toBe(true);
  });

  it('includes demo-organisation in El Jem', () => {
    expect(demo.organisations.find((row) => row.slug === DEMO_ORGANISATION_SLUG)).toMatchObject({ isDemo: true, countryIso2: 'TN' });
    expect(demo.memberships).toContainEqual({ clusterSlug: 'el-jem-mosaic', organisationSlug: DEMO_ORGANISATION_SLUG, role: 'member' });
  });

  it('has demo people, some listed and some not', () => {
    expect(demo.people.length).toBeGreaterThanOrEqual(14);
    expect(demo.people.every((row) => row.isDemo)).toBe(true);
    expect(demo.people.some((row) => row.listedConsent)).toBe(true);
    expect(demo.people.some((row) => !row.listedConsent)).toBe(true);
  });
});

describe('syntheticOrganisation', () => {
  it('is reproducible per index, whatever the batch', () => {
    expect(syntheticOrganisations(5, 3)[1]).toEqual(syntheticOrganisation(6));
    expect(syntheticOrganisation(42).slug).toMatch(/-s42$/);
  });

  it('spreads over the seven countries and the eleven subsectors', () => {
    const rows = syntheticOrganisations(1, 3000);
    expect(new Set(rows.map((row) => row.countryIso2)).size).toBe(7);
    expect(new Set(rows.flatMap((row) => row.subsectorCodes))).toEqual(subsectorCodes);
    expect(new Set(rows.map((row) => row.slug)).size).toBe(rows.length);
    const womenLed = rows.filter((row) => row.womenLed).length / rows.length;
    expect(womenLed).toBeGreaterThan(0.3);
    expect(womenLed).toBeLessThan(0.5);
  });
});

describe('name helpers', () => {
  it('writes French "of", Arabic "for" and ASCII slugs', () => {
    expect(frenchOf('Le Caire')).toBe('du Caire');
    expect(frenchOf('El Jem')).toBe("d'El Jem");
    expect(frenchOf('Batna')).toBe('de Batna');
    expect(arabicFor('الصناعات الجلدية')).toBe('للصناعات الجلدية');
    expect(arabicFor('صناعة المجوهرات')).toBe('لصناعة المجوهرات');
    expect(slugOf("Bijoux Zitouna d'El Jem & Fils")).toBe('bijoux-zitouna-d-el-jem-and-fils');
    expect(slugOf('Céramique Ghardaïa')).toBe('ceramique-ghardaia');
  });
});
