import { describe, expect, it } from 'vitest';
import { organisationInputSchema } from './directory.contracts.ts';
import { organisationPatchSchema } from './organisation-admin.contracts.ts';
import {
  formFieldOf,
  formStateFromForm,
  formStateOf,
  organisationInputFromForm,
  type StoredOrganisationValues,
} from './organisation-admin.form.ts';

function posted(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const form = posted([
  ['name.ar', ' مجوهرات الأوراس '],
  ['name.fr', ''],
  ['name.en', 'Aures Jewellery'],
  ['description.fr', ''],
  ['sourceLocale', 'ar'],
  ['type', 'enterprise'],
  ['sizeClass', ''],
  ['countryIso2', 'DZ'],
  ['city.fr', 'Batna'],
  ['foundedYear', '1998'],
  ['latitude', '35,55'],
  ['staffTotal', 'twelve'],
  ['subsectorCodes', 'fashion'],
  ['subsectorCodes', 'habitat'],
  ['materialCodes', 'silver'],
  ['womenLed', 'on'],
  ['contactConsent', 'on'],
  ['email', 'atelier@example.org'],
  ['certifications', 'ISO 9001\n\n  Label Artisanat  '],
  ['link.website', 'https://aures.example'],
  ['link.facebook', ''],
]);

describe('organisationInputFromForm', () => {
  it('builds the service input from posted fields', () => {
    const input = organisationInputFromForm(formStateFromForm(form), 'create');
    expect(input).toMatchObject({
      name: { ar: 'مجوهرات الأوراس', en: 'Aures Jewellery' },
      city: { fr: 'Batna' },
      sourceLocale: 'ar',
      countryIso2: 'DZ',
      foundedYear: 1998,
      latitude: 35.55,
      staffTotal: 'twelve',
      subsectorCodes: ['fashion', 'habitat'],
      materialCodes: ['silver'],
      markets: [],
      womenLed: true,
      womenOwned: false,
      contactConsent: true,
      certifications: ['ISO 9001', 'Label Artisanat'],
      links: [{ kind: 'website', url: 'https://aures.example' }],
    });
    // Empty fields are left out of a creation...
    expect(input).not.toHaveProperty('description');
    expect(input).not.toHaveProperty('sizeClass');
    // ...and text where a number belongs is named by validation, not silently dropped.
    const result = organisationInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['staffTotal']);
  });

  it('clears emptied fields in a patch', () => {
    const input = organisationInputFromForm(formStateFromForm(form), 'patch');
    expect(input).toMatchObject({ description: null, sizeClass: null, longitude: null, phone: null });
    expect(organisationPatchSchema.safeParse({ ...input, staffTotal: 12 }).success).toBe(true);
  });
});

describe('formStateOf', () => {
  it('shows a stored organisation in the form and round-trips it', () => {
    const stored: StoredOrganisationValues = {
      name: { fr: 'Tissage de Mahdia' },
      description: null,
      city: { fr: 'Mahdia', ar: 'المهدية' },
      products: null,
      sourceLocale: 'fr',
      type: 'cooperative',
      sizeClass: 'small',
      countryIso2: 'TN',
      address: null,
      email: null,
      phone: '+216 73 000 000',
      foundedYear: 1975,
      latitude: null,
      longitude: null,
      staffTotal: 20,
      staffWomen: 18,
      staffMen: 2,
      subsectorCodes: ['fashion'],
      materialCodes: ['weaving'],
      markets: ['local', 'europe'],
      valueChainRoles: [],
      workingLanguages: ['ar', 'fr'],
      womenLed: true,
      womenOwned: false,
      youthLed: false,
      contactConsent: false,
      certifications: ['Label'],
      links: [{ kind: 'instagram', url: 'https://instagram.com/mahdia' }],
    };
    const state = formStateOf(stored);
    expect(state).toMatchObject({ 'name.fr': 'Tissage de Mahdia', 'name.ar': '', staffWomen: '18', womenLed: 'on', contactConsent: '' });
    expect(organisationInputFromForm(state, 'patch')).toMatchObject({
      name: { fr: 'Tissage de Mahdia' },
      city: { fr: 'Mahdia', ar: 'المهدية' },
      staffWomen: 18,
      markets: ['local', 'europe'],
      links: [{ kind: 'instagram', url: 'https://instagram.com/mahdia' }],
      certifications: ['Label'],
    });
  });
});

describe('formFieldOf', () => {
  it('maps issue paths to the form’s fields', () => {
    const input = {
      links: [
        { kind: 'website', url: 'x' },
        { kind: 'facebook', url: 'y' },
      ],
    };
    expect(formFieldOf('name', input)).toBe('name');
    expect(formFieldOf('subsectorCodes.1', input)).toBe('subsectorCodes');
    expect(formFieldOf('links.1.url', input)).toBe('link.facebook');
    expect(formFieldOf('email', input)).toBe('email');
  });
});
