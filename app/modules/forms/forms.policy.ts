/**
 * Who may do what with a form. A form belongs to a scope (global, a country, a cluster): those
 * with `forms.manage` covering that scope build and publish it (programme staff globally or in
 * the country, a cluster's managers for the cluster's forms); `forms.respond` covering it answers
 * it; staff entering answers for someone else (assisted entry) also need `users.act_as` there.
 * Pure: services enforce it, pages use it to hide controls.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can, type Subject } from '#app/shared/auth/can.ts';
import type { FormScopeType } from './forms.schema.ts';

export const FORMS_MANAGE = 'forms.manage';
export const FORMS_RESPOND = 'forms.respond';
export const USERS_ACT_AS = 'users.act_as';

export interface FormScope {
  type: FormScopeType;
  /** The country's ISO code or the cluster's slug; null for a global form. */
  id: string | null;
}

/** The subject a grant must cover: nothing for a global form (global grants only). */
export function formSubject(scope: FormScope): Subject | undefined {
  if (scope.type === 'cluster') return { cluster: scope.id };
  if (scope.type === 'country') return { country: scope.id };
  return undefined;
}

/** Create, edit drafts, publish, read every response. */
export function canManageForm(actor: Actor, scope: FormScope): boolean {
  return can(actor, FORMS_MANAGE, formSubject(scope));
}

/** Answer the form for oneself (and read its published versions). */
export function canRespondToForm(actor: Actor, scope: FormScope): boolean {
  return can(actor, FORMS_RESPOND, formSubject(scope));
}

/** Enter answers for another person (assisted entry, audited). */
export function canEnterForOthers(actor: Actor, scope: FormScope): boolean {
  return can(actor, USERS_ACT_AS, formSubject(scope));
}

/** Read one response: its respondent, whoever entered it, or the form's managers. */
export function canReadResponse(
  actor: Actor,
  scope: FormScope,
  response: { respondentUserId: string | null; enteredByUserId: string | null },
): boolean {
  if (canManageForm(actor, scope)) return true;
  if (actor.kind !== 'user') return false;
  return response.respondentUserId === actor.userId || response.enteredByUserId === actor.userId;
}
