import { describe, expect, it } from 'vitest';
import { isAppError } from '#app/shared/errors.ts';
import { guessMapping, guessTarget, mappingProblem, overrideMapping, resolveTarget, targetsOf } from './import-fields.ts';

describe('guessTarget', () => {
  it('reads headers in Arabic, French, English and as codes', () => {
    expect(guessTarget('organisations', 'Nom', 'fr')).toBe('name.fr');
    expect(guessTarget('organisations', 'الاسم', 'ar')).toBe('name.ar');
    expect(guessTarget('organisations', 'name', 'en')).toBe('name.en');
    expect(guessTarget('organisations', 'Pays', 'fr')).toBe('countryIso2');
    expect(guessTarget('organisations', 'country', 'en')).toBe('countryIso2');
    expect(guessTarget('organisations', 'countryIso2', 'en')).toBe('countryIso2');
    expect(guessTarget('organisations', 'البلد', 'ar')).toBe('countryIso2');
    expect(guessTarget('organisations', 'E-mail', 'fr')).toBe('email');
    expect(guessTarget('organisations', 'Téléphone', 'fr')).toBe('phone');
    expect(guessTarget('organisations', 'Année de création', 'fr')).toBe('foundedYear');
    expect(guessTarget('organisations', 'staffWomen', 'en')).toBe('staffWomen');
    expect(guessTarget('organisations', 'Women-led', 'en')).toBe('womenLed');
  });

  it('takes the language a header names over the run language', () => {
    expect(guessTarget('organisations', 'name_ar', 'en')).toBe('name.ar');
    expect(guessTarget('organisations', 'Nom (français)', 'en')).toBe('name.fr');
    expect(guessTarget('organisations', 'Ville - arabe', 'fr')).toBe('city.ar');
    expect(guessTarget('organisations', 'الاسم بالفرنسية', 'ar')).toBe('name.fr');
    expect(guessTarget('clusters', 'description_en', 'ar')).toBe('description.en');
  });

  it('leaves unknown headers and language suffixes on non-translatable fields unmapped', () => {
    expect(guessTarget('organisations', 'Remarks', 'en')).toBeNull();
    expect(guessTarget('organisations', 'email_fr', 'en')).toBeNull();
    expect(guessTarget('organisations', '', 'en')).toBeNull();
    // A cluster has one subsector, an organisation several; stage is a cluster's only.
    expect(guessTarget('clusters', 'subsector', 'en')).toBe('subsectorCode');
    expect(guessTarget('organisations', 'subsector', 'en')).toBe('subsectorCodes');
    expect(guessTarget('organisations', 'stage', 'en')).toBeNull();
  });
});

describe('guessMapping', () => {
  it('maps each column by position and gives a target to its first column only', () => {
    expect(guessMapping('organisations', ['Nom', 'Pays', 'Nom', 'Notes'], 'fr')).toEqual([
      { header: 'Nom', field: 'name.fr' },
      { header: 'Pays', field: 'countryIso2' },
      { header: 'Nom', field: null },
      { header: 'Notes', field: null },
    ]);
  });
});

describe('mappingProblem', () => {
  it('names the required fields a mapping leaves out', () => {
    const mapping = guessMapping('organisations', ['Nom', 'Ville'], 'fr');
    expect(mappingProblem('organisations', mapping)).toEqual({
      code: 'DIRECTORY_IMPORT_MAPPING_INCOMPLETE',
      targets: ['type', 'countryIso2'],
    });
    expect(mappingProblem('organisations', guessMapping('organisations', ['Nom', 'Type', 'Pays'], 'fr'))).toBeNull();
  });

  it('refuses a target twice and a target the kind does not have', () => {
    const twice = [
      { header: 'a', field: 'name.en' },
      { header: 'b', field: 'name.en' },
      { header: 'c', field: 'type' },
      { header: 'd', field: 'countryIso2' },
    ];
    expect(mappingProblem('organisations', twice)).toEqual({ code: 'DIRECTORY_IMPORT_MAPPING_REPEATED', targets: ['name.en'] });
    expect(mappingProblem('clusters', [{ header: 'e', field: 'email' }])?.code).toBe('DIRECTORY_IMPORT_MAPPING_UNKNOWN_FIELD');
  });
});

describe('overrideMapping', () => {
  const guessed = guessMapping('organisations', ['Raison', 'Nom', 'Pays'], 'fr');

  it('applies Header=target choices, moving a target away from the column it was guessed for', () => {
    expect(overrideMapping(guessed, { Raison: 'name.fr', nom: '' })).toEqual([
      { header: 'Raison', field: 'name.fr' },
      { header: 'Nom', field: null },
      { header: 'Pays', field: 'countryIso2' },
    ]);
  });

  it('refuses a header the file does not have', () => {
    try {
      overrideMapping(guessed, { Adresse: 'address' });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('DIRECTORY_IMPORT_MAPPING_UNKNOWN_COLUMN');
    }
  });
});

describe('targets', () => {
  it('offers each translatable field in the three languages and resolves them back', () => {
    const targets = targetsOf('organisations');
    expect(targets).toEqual(expect.arrayContaining(['name.ar', 'name.fr', 'name.en', 'countryIso2', 'link.website', 'clusterSlug']));
    expect(targets).not.toContain('name');
    expect(resolveTarget('organisations', 'city.ar')).toMatchObject({ field: { key: 'city' }, locale: 'ar' });
    expect(resolveTarget('organisations', 'city')).toBeNull();
    expect(resolveTarget('clusters', 'clusterSlug')).toBeNull();
  });
});
