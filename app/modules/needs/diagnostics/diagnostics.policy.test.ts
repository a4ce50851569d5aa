/** Who may read and change a cluster's diagnostics, by built-in role and scope. */
import { describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { canManageDiagnostics, canReadDiagnostic, canReadDiagnosticDetail } from './diagnostics.policy.ts';

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
});
