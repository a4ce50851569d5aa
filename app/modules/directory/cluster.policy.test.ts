import { describe, expect, it } from 'vitest';
import { anonymous, system } from '#app/shared/auth/actor.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { canCreateCluster, canManageCluster, clusterCreationCountries } from './cluster.policy.ts';

const elJem = { slug: 'el-jem-mosaic', countryIso2: 'TN' };

describe('cluster policy', () => {
  it('lets global staff create clusters anywhere', () => {
    const staff = person([grant('programme_staff', 'global')]);
    expect(clusterCreationCountries(staff)).toBe('any');
    expect(canCreateCluster(staff, 'LB')).toBe(true);
    expect(clusterCreationCountries(system)).toBe('any');
  });

  it('confines country staff to their countries', () => {
    const staff = person([grant('programme_staff', 'country', 'TN'), grant('programme_staff', 'country', 'DZ')]);
    expect(clusterCreationCountries(staff)).toEqual(['DZ', 'TN']);
    expect(canCreateCluster(staff, 'MA')).toBe(false);
    expect(canManageCluster(staff, elJem)).toBe(true);
  });

  it('lets a cluster manager manage their cluster but create none', () => {
    const manager = person([grant('cluster_manager', 'cluster', elJem.slug)]);
    expect(canManageCluster(manager, elJem)).toBe(true);
    expect(clusterCreationCountries(manager)).toEqual([]);
    expect(canCreateCluster(manager, 'TN')).toBe(false);
  });

  it('gives nothing to a member, a visitor, or staff whose role needs two-factor before they enable it', () => {
    expect(clusterCreationCountries(person([]))).toEqual([]);
    expect(clusterCreationCountries(anonymous)).toEqual([]);
    // programme_staff requires two-factor.
    expect(clusterCreationCountries(person([grant('programme_staff', 'country', 'TN')], { twoFactorEnabled: false }))).toEqual([]);
    expect(clusterCreationCountries(person([grant('programme_staff', 'global')], { twoFactorEnabled: false }))).toEqual([]);
  });
});
