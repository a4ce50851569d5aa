import { describe, expect, it } from 'vitest';
import { anonymous, system } from '#app/shared/auth/actor.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { canEnterForOthers, canManageForm, canReadResponse, canRespondToForm, type FormScope } from './forms.policy.ts';

const elJemForm: FormScope = { type: 'cluster', id: 'el-jem-mosaic' };
const batnaForm: FormScope = { type: 'cluster', id: 'batna-jewellery' };
const tunisiaForm: FormScope = { type: 'country', id: 'TN' };
const regionalForm: FormScope = { type: 'global', id: null };

describe('forms policy', () => {
  it('lets global staff manage and enter answers for others on every form', () => {
    const staff = person([grant('programme_staff', 'global')]);
    for (const scope of [elJemForm, tunisiaForm, regionalForm]) {
      expect(canManageForm(staff, scope)).toBe(true);
      expect(canEnterForOthers(staff, scope)).toBe(true);
    }
    expect(canManageForm(system, regionalForm)).toBe(true);
  });

  it('confines country staff to their country’s forms', () => {
    const staff = person([grant('programme_staff', 'country', 'TN')]);
    expect(canManageForm(staff, tunisiaForm)).toBe(true);
    expect(canEnterForOthers(staff, tunisiaForm)).toBe(true);
    expect(canManageForm(staff, { type: 'country', id: 'DZ' })).toBe(false);
    expect(canManageForm(staff, regionalForm)).toBe(false);
  });

  it('lets a cluster manager manage their cluster’s forms only, without assisted entry', () => {
    const manager = person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]);
    expect(canManageForm(manager, elJemForm)).toBe(true);
    expect(canManageForm(manager, batnaForm)).toBe(false);
    expect(canManageForm(manager, tunisiaForm)).toBe(false);
    expect(canEnterForOthers(manager, elJemForm)).toBe(false);
  });

  it('lets members respond but not manage; visitors and staff without two-factor get nothing', () => {
    const member = person([grant('member', 'global')]);
    expect(canRespondToForm(member, elJemForm)).toBe(true);
    expect(canRespondToForm(member, regionalForm)).toBe(true);
    expect(canManageForm(member, elJemForm)).toBe(false);
    expect(canEnterForOthers(member, regionalForm)).toBe(false);
    expect(canRespondToForm(anonymous, regionalForm)).toBe(false);
    expect(canManageForm(person([grant('programme_staff', 'global')], { twoFactorEnabled: false }), regionalForm)).toBe(false);
  });

  it('shows a response to its respondent, to who entered it and to the form’s managers', () => {
    const response = { respondentUserId: 'respondent', enteredByUserId: 'clerk' };
    const member = (userId: string) => person([grant('member', 'global')], { userId });
    expect(canReadResponse(member('respondent'), elJemForm, response)).toBe(true);
    expect(canReadResponse(member('clerk'), elJemForm, response)).toBe(true);
    expect(canReadResponse(member('someone-else'), elJemForm, response)).toBe(false);
    expect(canReadResponse(person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]), elJemForm, response)).toBe(true);
    expect(canReadResponse(person([grant('cluster_manager', 'cluster', 'batna-jewellery')]), elJemForm, response)).toBe(false);
    expect(canReadResponse(anonymous, elJemForm, response)).toBe(false);
  });
});
