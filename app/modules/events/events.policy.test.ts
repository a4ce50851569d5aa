import { describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { canManageSomeEvents } from './events.policy.ts';

describe('canManageSomeEvents', () => {
  it('opens the lists across events to whoever manages events in some scope, and to the system', () => {
    expect(canManageSomeEvents({ kind: 'system' })).toBe(true);
    expect(canManageSomeEvents(person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]))).toBe(true);
    expect(canManageSomeEvents(person([grant('programme_staff', 'country', 'TN')]))).toBe(true);
  });

  it('refuses visitors, members, and staff whose role waits for two-factor', () => {
    expect(canManageSomeEvents(anonymous)).toBe(false);
    expect(canManageSomeEvents(person([grant('member', 'global')]))).toBe(false);
    expect(canManageSomeEvents(person([grant('programme_staff', 'global')], { twoFactorEnabled: false }))).toBe(false);
  });
});
