import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { canSeeContact, contactFor, type OrganisationRow, presentOrganisationProfile } from './organisation.presenter.ts';

const member: UserActor = {
  kind: 'user',
  userId: 'u1',
  email: 'member@example.org',
  name: 'Member',
  locale: 'en',
  emailVerified: true,
  twoFactorEnabled: false,
  grants: [],
  via: 'session',
};

function row(overrides: Partial<OrganisationRow> = {}): OrganisationRow {
  return {
    id: 'o1',
    slug: 'atelier-batna',
    name: { fr: 'Atelier Batna' },
    description: null,
    sourceLocale: 'fr',
    type: 'enterprise',
    sizeClass: 'micro',
    foundedYear: 2001,
    countryIso2: 'DZ',
    city: null,
    latitude: null,
    longitude: null,
    subsectorCodes: ['fashion'],
    materialCodes: ['silver'],
    products: null,
    markets: [],
    valueChainRoles: [],
    workingLanguages: ['ar', 'fr'],
    certifications: [],
    staffTotal: 4,
    staffWomen: 2,
    staffMen: 2,
    womenLed: true,
    womenOwned: false,
    youthLed: false,
    address: '12 rue des Orfèvres',
    email: 'contact@atelier.example',
    phone: '+213 33 00 00 00',
    contactConsent: true,
    links: [],
    logoFileId: 'f1',
    photoFileIds: ['f2'],
    status: 'published',
    proposedById: null,
    isDemo: true,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-02T00:00:00Z'),
    ...overrides,
  };
}

describe('organisation presenter', () => {
  it('shows contact details to signed-in people when the organisation consented', () => {
    expect(canSeeContact(member, row())).toBe(true);
    expect(contactFor(member, row())).toEqual({
      email: 'contact@atelier.example',
      phone: '+213 33 00 00 00',
      address: '12 rue des Orfèvres',
    });
  });

  it('never shows them without consent, nor to visitors', () => {
    expect(contactFor(member, row({ contactConsent: false }))).toBeNull();
    expect(contactFor(anonymous, row())).toBeNull();
    const profile = presentOrganisationProfile(anonymous, row(), []);
    expect(profile.contact).toBeNull();
    expect(JSON.stringify(profile)).not.toContain('contact@atelier.example');
    expect(JSON.stringify(presentOrganisationProfile(member, row({ contactConsent: false }), []))).not.toMatch(
      /atelier\.example|213 33|Orfèvres/,
    );
  });

  it('links images through the media route and keeps dates as ISO strings', () => {
    const profile = presentOrganisationProfile(member, row(), [{ slug: 'batna-jewellery', name: { en: 'Batna' }, role: 'member' }]);
    expect(profile.logoUrl).toBe('/media/f1');
    expect(profile.photoUrls).toEqual(['/media/f2']);
    expect(profile.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(profile.clusters).toHaveLength(1);
  });
});
