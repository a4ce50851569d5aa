import { describe, expect, it } from 'vitest';
import { anonymous, system } from '#app/shared/auth/actor.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { canDecideRequests, canManageOrganisation, canPropose, canPublishInCountry, publishesDirectly } from './organisation.policy.ts';

const atelier = { slug: 'atelier-el-jem', countryIso2: 'TN' };
const other = { slug: 'dar-batna', countryIso2: 'DZ' };

describe('organisation policy', () => {
  it('lets an organisation admin manage their organisation only', () => {
    const admin = person([grant('organisation_admin', 'organisation', atelier.slug)]);
    expect(canManageOrganisation(admin, atelier)).toBe(true);
    expect(canManageOrganisation(admin, other)).toBe(false);
    expect(canPublishInCountry(admin, 'TN')).toBe(false);
    expect(publishesDirectly(admin)).toBe(false);
    expect(canDecideRequests(admin, 'TN')).toBe(false);
  });

  it('confines country staff to their country, and counts staff grants only with two-factor on', () => {
    const tunisia = person([grant('programme_staff', 'country', 'TN')]);
    expect(canManageOrganisation(tunisia, atelier)).toBe(true);
    expect(canManageOrganisation(tunisia, other)).toBe(false);
    expect(canDecideRequests(tunisia, 'TN')).toBe(true);
    expect(canDecideRequests(tunisia, 'DZ')).toBe(false);
    expect(canDecideRequests(tunisia)).toBe(false);
    expect(publishesDirectly(tunisia)).toBe(true);
    const withoutTwoFactor = person([grant('programme_staff', 'global')], { twoFactorEnabled: false });
    expect(canManageOrganisation(withoutTwoFactor, atelier)).toBe(false);
    expect(canDecideRequests(withoutTwoFactor)).toBe(false);
    expect(publishesDirectly(withoutTwoFactor)).toBe(false);
  });

  it('gives global staff every organisation and every request', () => {
    const staff = person([grant('programme_staff', 'global')]);
    expect(canManageOrganisation(staff, other)).toBe(true);
    expect(canDecideRequests(staff)).toBe(true);
    expect(canPublishInCountry(staff, 'DZ')).toBe(true);
  });

  it('lets any signed-in person with a verified e-mail propose or claim, and nobody else', () => {
    expect(canPropose(person([]))).toBe(true);
    expect(canPropose(person([], { emailVerified: false }))).toBe(false);
    expect(canPropose(anonymous)).toBe(false);
    expect(canManageOrganisation(anonymous, atelier)).toBe(false);
    expect(canManageOrganisation(person([grant('member', 'global')]), atelier)).toBe(false);
    expect(canManageOrganisation(person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]), atelier)).toBe(false);
    expect(canManageOrganisation(system, atelier)).toBe(true);
  });
});
