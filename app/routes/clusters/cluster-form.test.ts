import { describe, expect, it } from 'vitest';
import { clusterInputSchema, clusterPatchSchema } from '#app/modules/directory/index.ts';
import { clusterFormValueOf, clusterInputOf, clusterPatchOf, newClusterFormValue, readClusterForm } from './cluster-form.ts';

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** What the browser posts for a form with two fact rows and two link rows, some left empty. */
const posted = formOf([
  ['name.ar', ''],
  ['name.fr', ' Potiers de Sejnane '],
  ['name.en', ''],
  ['sourceLocale', 'fr'],
  ['description.ar', ''],
  ['description.fr', ''],
  ['description.en', ''],
  ['countryIso2', 'TN'],
  ['city.ar', 'سجنان'],
  ['city.fr', ''],
  ['city.en', ''],
  ['latitude', '37,056'],
  ['longitude', ''],
  ['subsectorCode', 'pottery'],
  ['materialCodes', 'clay'],
  ['materialCodes', 'natural-pigments'],
  ['stage', 'mapped'],
  ['anchorOrganisationSlug', ''],
  ['fact.0.ar', ''],
  ['fact.0.fr', 'Inscrite au patrimoine immatériel en 2018.'],
  ['fact.0.en', ''],
  ['fact.0.source', 'https://ich.unesco.org/fr/RL/01385'],
  ['fact.1.ar', ''],
  ['fact.1.fr', ''],
  ['fact.1.en', ''],
  ['fact.1.source', ''],
  ['link.0.kind', 'website'],
  ['link.0.url', 'https://sejnane.example'],
  ['link.1.kind', 'facebook'],
  ['link.1.url', ''],
]);

describe('the cluster profile form', () => {
  it('reads the form as typed, dropping empty rows and languages', () => {
    const value = readClusterForm(posted, 'en');
    expect(value).toMatchObject({
      name: { fr: 'Potiers de Sejnane' },
      description: null,
      city: { ar: 'سجنان' },
      latitude: '37,056',
      longitude: '',
      materialCodes: ['clay', 'natural-pigments'],
      facts: [{ text: { fr: 'Inscrite au patrimoine immatériel en 2018.' }, sourceUrl: 'https://ich.unesco.org/fr/RL/01385' }],
      links: [{ kind: 'website', url: 'https://sejnane.example' }],
    });
    expect(readClusterForm(formOf([['sourceLocale', 'xx']]), 'ar').sourceLocale).toBe('ar');
  });

  it('makes a patch that clears empty optional fields, and an input that leaves them out', () => {
    const value = readClusterForm(posted, 'en');
    const patch = clusterPatchOf(value);
    expect(patch).toMatchObject({ description: null, latitude: 37.056, longitude: null, anchorOrganisationSlug: null });
    expect(clusterPatchSchema.safeParse(patch).success).toBe(true);
    const input = clusterInputOf(value);
    expect(input).not.toHaveProperty('description');
    expect(input).not.toHaveProperty('longitude');
    expect(clusterInputSchema.safeParse(input).success).toBe(true);
  });

  it('passes a coordinate that is not a number, or an unchosen country, on for validation to name', () => {
    const value = { ...newClusterFormValue('fr', []), name: { fr: 'X' }, latitude: 'nord', subsectorCode: 'pottery' };
    expect(clusterPatchOf(value).latitude).toBe('nord');
    const input = clusterInputOf(value);
    expect(input).not.toHaveProperty('countryIso2');
    const issues = clusterInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['latitude', 'countryIso2']));
  });

  it('starts a new cluster in the page language, in the only country offered', () => {
    expect(newClusterFormValue('ar', ['TN'])).toMatchObject({ sourceLocale: 'ar', countryIso2: 'TN', stage: 'mapped' });
    expect(newClusterFormValue('fr', ['TN', 'DZ']).countryIso2).toBe('');
  });

  it('shows a saved profile as the form that would save it unchanged', () => {
    const value = clusterFormValueOf({
      ...({} as Parameters<typeof clusterFormValueOf>[0]),
      name: { en: 'Batna Jewellery Cluster' },
      description: null,
      sourceLocale: 'en',
      countryIso2: 'DZ',
      city: null,
      latitude: 35.556,
      longitude: null,
      subsectorCode: 'fashion',
      materialCodes: ['silver'],
      stage: 'selected',
      anchor: { slug: 'cam-batna', name: { fr: 'Chambre' } },
      facts: [{ text: { en: 'About 700 artisan-jewellers.' }, sourceUrl: null }],
      links: [],
    });
    expect(value).toMatchObject({ latitude: '35.556', longitude: '', anchorOrganisationSlug: 'cam-batna' });
    expect(clusterPatchOf(value)).toMatchObject({
      latitude: 35.556,
      longitude: null,
      anchorOrganisationSlug: 'cam-batna',
      facts: [{ text: { en: 'About 700 artisan-jewellers.' } }],
    });
  });
});
