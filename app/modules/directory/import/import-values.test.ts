import { describe, expect, it } from 'vitest';
import { guessMapping } from './import-fields.ts';
import { languageTable, lookupTable, parseBoolean, parseNumber, readRow, splitList, type ValueLookup } from './import-values.ts';

const lookup: ValueLookup = {
  countries: lookupTable([
    { code: 'TN', names: ['Tunisia', 'Tunisie', 'تونس'] },
    { code: 'JO', names: ['Jordan', 'Jordanie', 'الأردن'] },
  ]),
  subsectors: lookupTable([{ code: 'jewellery', names: ['Jewellery', 'Bijouterie', 'المجوهرات'] }]),
  materials: lookupTable([
    { code: 'silver', names: ['Silver', 'Argent', 'الفضة'] },
    { code: 'olive-wood', names: ['Olive wood', "Bois d'olivier", 'خشب الزيتون'] },
  ]),
  organisationTypes: lookupTable([
    { code: 'cooperative', names: ['Cooperative', 'Coopérative', 'تعاونية'] },
    { code: 'enterprise', names: ['Enterprise', 'Entreprise', 'مؤسسة'] },
  ]),
  sizeClasses: lookupTable([
    { code: 'micro', names: ['Micro (under 10 staff)', 'Micro (moins de 10 salariés)', 'صغرى (أقل من 10 عاملين)'] },
  ]),
  clusterStages: lookupTable([{ code: 'mapped', names: ['Mapped', 'Cartographié', 'مُدرج في الخريطة'] }]),
  markets: lookupTable([{ code: 'europe', names: ['Europe', 'Europe', 'أوروبا'] }]),
  valueChainRoles: lookupTable([{ code: 'production', names: ['Production', 'Production', 'الإنتاج'] }]),
  languages: languageTable(),
};

describe('cell parsing', () => {
  it('reads yes and no in three languages, and nothing else', () => {
    for (const yes of ['yes', 'Oui', 'نعم', 'TRUE', '1', 'x']) expect(parseBoolean(yes)).toBe(true);
    for (const no of ['no', 'Non', 'لا', 'false', '0']) expect(parseBoolean(no)).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
  });

  it('reads numbers with a decimal comma, spaces between thousands and Arabic-Indic digits', () => {
    expect(parseNumber('36,8')).toBe(36.8);
    expect(parseNumber('36.8')).toBe(36.8);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('1,200.5')).toBe(1200.5);
    expect(parseNumber('١٩٩٨')).toBe(1998);
    expect(parseNumber('-10.5')).toBe(-10.5);
    expect(parseNumber('about 12')).toBeNaN();
  });

  it('splits lists on ; or |, else on commas', () => {
    expect(splitList('silver; gold |copper')).toEqual(['silver', 'gold', 'copper']);
    expect(splitList("Bois d'olivier, argent")).toEqual(["Bois d'olivier", 'argent']);
    expect(splitList('a;;b; ')).toEqual(['a', 'b']);
  });

  it('knows languages by code and by name in three languages', () => {
    const languages = languageTable();
    expect(languages.get('arabic')).toBe('ar');
    expect(languages.get('anglais')).toBe('en');
    expect(languages.get('fr')).toBe('fr');
  });
});

describe('readRow', () => {
  const headers = [
    'Nom',
    'name_ar',
    'Type',
    'Pays',
    'Matériaux',
    'Taille',
    'Dirigée par une femme',
    'Langues',
    'Site web',
    'Latitude',
    'Effectif',
  ];
  const mapping = guessMapping('organisations', headers, 'fr');

  it('turns labels and names in any language into codes', () => {
    const reading = readRow(
      'organisations',
      mapping,
      [
        'Atelier Nour',
        'ورشة نور',
        'Coopérative',
        'تونس',
        "argent | Bois d'olivier",
        'Micro',
        'oui',
        'arabe; Français',
        'https://nour.example',
        '36,8',
        '',
      ],
      lookup,
    );
    expect(reading.issues).toEqual([]);
    expect(reading.input).toEqual({
      name: { fr: 'Atelier Nour', ar: 'ورشة نور' },
      type: 'cooperative',
      countryIso2: 'TN',
      materialCodes: ['silver', 'olive-wood'],
      sizeClass: 'micro',
      womenLed: true,
      workingLanguages: ['ar', 'fr'],
      links: [{ kind: 'website', url: 'https://nour.example' }],
      latitude: 36.8,
    });
  });

  it('accepts codes and Arabic labels with or without the article', () => {
    const reading = readRow('organisations', mapping, ['X', '', 'تعاونيه', 'jo', 'الفضة', 'micro', 'non', 'ar', '', '', '3'], lookup);
    expect(reading.issues).toEqual([]);
    expect(reading.input).toMatchObject({
      type: 'cooperative',
      countryIso2: 'JO',
      materialCodes: ['silver'],
      womenLed: false,
      staffTotal: 3,
    });
  });

  it('reports each value that names nothing known, on its column', () => {
    const reading = readRow(
      'organisations',
      mapping,
      ['X', '', 'Kombinat', 'Atlantis', 'argent; unobtainium', '', 'peut-être', '', '', 'north', '2.5'],
      lookup,
    );
    expect(reading.issues).toEqual([
      { field: 'type', code: 'DIRECTORY_IMPORT_UNKNOWN_VALUE', value: 'Kombinat' },
      { field: 'countryIso2', code: 'DIRECTORY_IMPORT_UNKNOWN_COUNTRY', value: 'Atlantis' },
      { field: 'materialCodes', code: 'DIRECTORY_IMPORT_UNKNOWN_MATERIAL', value: 'unobtainium' },
      { field: 'womenLed', code: 'DIRECTORY_IMPORT_NOT_YES_NO', value: 'peut-être' },
      { field: 'latitude', code: 'invalid_type', value: 'north' },
      { field: 'staffTotal', code: 'invalid_type', value: '2.5' },
    ]);
  });
});
