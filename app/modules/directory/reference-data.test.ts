import { describe, expect, it } from 'vitest';
import { buildReferenceData, materialCode, shippedReferenceData } from './reference-data.ts';

describe('shipped reference data', () => {
  const data = shippedReferenceData();

  it('has the 7 countries, 4 families, 11 subsectors and the materials list', () => {
    expect(data.countries.map((c) => c.iso2)).toEqual(['DZ', 'EG', 'JO', 'LB', 'MA', 'PS', 'TN']);
    expect(data.families.map((f) => f.code)).toEqual(['cultural-media', 'live-culture', 'design-industries', 'creative-services']);
    expect(data.subsectors).toHaveLength(11);
    expect(data.materials).toHaveLength(19);
  });

  it('names everything in Arabic, French and English', () => {
    const rows = [...data.countries, ...data.families, ...data.subsectors, ...data.materials];
    for (const row of rows) {
      expect(Object.keys(row.name).sort(), JSON.stringify(row)).toEqual(['ar', 'en', 'fr']);
      expect(row.name.ar, JSON.stringify(row)).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('gives unique codes and positions in file order', () => {
    for (const list of [data.families, data.subsectors, data.materials]) {
      const codes = list.map((row) => row.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(data.subsectors.filter((s) => s.familyCode === 'design-industries')).toEqual([
      expect.objectContaining({ code: 'fashion', position: 0 }),
      expect.objectContaining({ code: 'habitat', position: 1 }),
    ]);
    expect(data.materials.find((m) => m.code === 'olive-wood')?.name).toEqual({
      en: 'Olive wood',
      fr: "Bois d'olivier",
      ar: 'خشب الزيتون',
    });
  });
});

describe('buildReferenceData', () => {
  const sectors = {
    families: [{ code: 'live-culture', name: { en: 'Live culture' }, subsectors: [{ code: 'music', name: { fr: 'Musique' } }] }],
    materials_and_techniques_examples: ['silver'],
  };

  it('refuses a material without translations', () => {
    expect(() => buildReferenceData([], { ...sectors, materials_and_techniques_examples: ['papier-mâché'] })).toThrow(/papier-mâché/);
  });

  it('refuses a name with no language and a malformed country code', () => {
    expect(() => buildReferenceData([{ iso2: 'MA', name: {} }], sectors)).toThrow();
    expect(() => buildReferenceData([{ iso2: 'mar', name: { en: 'Morocco' } }], sectors)).toThrow();
  });

  it('accepts a name in one language only', () => {
    expect(buildReferenceData([{ iso2: 'LY', name: { ar: 'ليبيا' } }], sectors).countries).toEqual([{ iso2: 'LY', name: { ar: 'ليبيا' } }]);
  });
});

describe('materialCode', () => {
  it('makes kebab-case codes', () => {
    expect(materialCode('reverse-glass painting')).toBe('reverse-glass-painting');
    expect(materialCode(' Home textile ')).toBe('home-textile');
  });
});
