/**
 * Who may change the directory's organisations. Pure: services enforce these rules, pages use the
 * same functions to hide controls a viewer may not use.
 *
 * - Editing an organisation (its profile, people, images, history) is `directory.organisations.manage`
 *   at the organisation's slug (organisation admins), its country (country-scoped programme staff)
 *   or globally.
 * - Any signed-in person with a verified e-mail may propose a new organisation or claim one.
 * - Programme staff decide proposals and claims (`directory.requests.decide`, global or at the
 *   organisation's country).
 */
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import { can, grantAllows, type Subject } from '#app/shared/auth/can.ts';

export interface OrganisationRef {
  slug: string;
  countryIso2: string;
}

export function organisationSubject(organisation: OrganisationRef): Subject {
  return { organisation: organisation.slug, country: organisation.countryIso2 };
}

export function canManageOrganisation(actor: Actor, organisation: OrganisationRef): boolean {
  return can(actor, 'directory.organisations.manage', organisationSubject(organisation));
}

/** Publishing straight away is for those who manage organisations of the whole country (staff), not one organisation's admin. */
export function canPublishInCountry(actor: Actor, countryIso2: string): boolean {
  return can(actor, 'directory.organisations.manage', { country: countryIso2 });
}

/** Whether what this person adds is published at once somewhere (global or country staff), for the page to say so. */
export function publishesDirectly(actor: Actor): boolean {
  return (
    actor.kind === 'user' &&
    actor.grants.some(
      (grant) =>
        (grant.scopeType === 'global' || grant.scopeType === 'country') &&
        grantAllows(grant, 'directory.organisations.manage') &&
        (!grant.requiresTwoFactor || actor.twoFactorEnabled),
    )
  );
}

export function canPropose(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.emailVerified;
}

export function canDecideRequests(actor: Actor, countryIso2?: string): boolean {
  return can(actor, 'directory.requests.decide', countryIso2 ? { country: countryIso2 } : undefined);
}
