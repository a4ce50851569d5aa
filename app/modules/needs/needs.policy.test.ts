/** The needs policy: who may read and change a cluster's diagnostics and read a scope's detail, by built-in role and scope. */
import { describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { canManageDiagnostics, canReadDiagnostic, canReadDiagnosticDetail, canReadNeedsDetail, scopeSubject } from './needs.policy.ts';

const elJem = { slug: 'el-jem-mosaic', countryIso2: 'TN' };
const fes = { slug: 'fes-zellige', countryIso2: 'MA' };

describe('diagnostics policy', () => {
  it('lets a cluster manager manage and read the detail of their own cluster only', () => {
    const manager = person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]);
    expect(canManageDiagnostics(manager, elJem)).toBe(true);
    expect(canReadDiagnosticDetail(manager, elJem)).toBe(true);
    expect(canManageDiagnostics(manager, fes)).toBe(false);
    expect(canReadDiagnostic(manager, fes, 'draft')).toBe(false);
    expect(canReadDiagnostic(manager, fes, 'endorsed')).toBe(true);
  });

  it('lets programme staff manage in their country, and globally', () => {
    const tunisia = person([grant('programme_staff', 'country', 'TN')]);
    expect(canManageDiagnostics(tunisia, elJem)).toBe(true);
    expect(canManageDiagnostics(tunisia, fes)).toBe(false);
    expect(canManageDiagnostics(person([grant('programme_staff', 'global')]), fes)).toBe(true);
  });

  it('lets a national focal point read drafts and evidence in their country without managing', () => {
    const focal = person([grant('national_focal_point', 'country', 'TN')]);
    expect(canReadDiagnosticDetail(focal, elJem)).toBe(true);
    expect(canManageDiagnostics(focal, elJem)).toBe(false);
    expect(canReadDiagnosticDetail(focal, fes)).toBe(false);
  });

  it('shows members and visitors endorsed rounds only', () => {
    const member = person([grant('member', 'global')]);
    for (const actor of [member, anonymous]) {
      expect(canManageDiagnostics(actor, elJem)).toBe(false);
      expect(canReadDiagnostic(actor, elJem, 'draft')).toBe(false);
      expect(canReadDiagnostic(actor, elJem, 'endorsed')).toBe(true);
    }
  });

  it("reads a scope's detail with needs.read over it: the region for global grants, a country and its clusters, a cluster for its managers", () => {
    const region = scopeSubject({ kind: 'region' });
    const tunisia = scopeSubject({ kind: 'country', country: 'TN' });
    const elJemScope = scopeSubject({ kind: 'cluster', cluster: 'el-jem-mosaic' }, 'TN');
    const focal = person([grant('national_focal_point', 'country', 'TN')]);
    expect([region, tunisia, elJemScope].map((s) => canReadNeedsDetail(focal, s))).toEqual([false, true, true]);
    const manager = person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]);
    expect([region, tunisia, elJemScope].map((s) => canReadNeedsDetail(manager, s))).toEqual([false, false, true]);
    const staff = person([grant('programme_staff', 'global')]);
    expect([region, tunisia, elJemScope].map((s) => canReadNeedsDetail(staff, s))).toEqual([true, true, true]);
    for (const actor of [person([grant('member', 'global')]), anonymous]) expect(canReadNeedsDetail(actor, elJemScope)).toBe(false);
    // An unknown cluster's country is not known: a country grant does not cover it.
    expect(canReadNeedsDetail(focal, scopeSubject({ kind: 'cluster', cluster: 'nowhere' }))).toBe(false);
  });
});
