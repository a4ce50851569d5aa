/**
 * Who may do what with events. Pure: services enforce it, pages use it to hide controls.
 * - Anyone reads a published event (public or by invitation: both are listed); drafts are seen
 *   only by those who manage the event.
 * - `events.manage` over the event (programme staff globally or for the venue's country, the host
 *   cluster's managers, an event-scoped grant naming the slug) edits it, builds and sends the
 *   invitation list, decides registrations, captures outputs and reads statistics.
 * - `events.checkin` over the event checks participants in (staff at the door).
 * - `events.register` (every member) registers for a published event.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can, canAnywhere, type Subject } from '#app/shared/auth/can.ts';
import type { EventStatus } from './events.schema.ts';

export const EVENTS_MANAGE = 'events.manage';
export const EVENTS_CHECKIN = 'events.checkin';
export const EVENTS_REGISTER = 'events.register';

/** An event as the policy sees it: what event, cluster and country grants cover. */
export interface PolicyEvent {
  slug: string;
  status: EventStatus;
  /** The host cluster's slug, or null when the programme hosts it. */
  hostClusterSlug: string | null;
  countryIso2: string | null;
}

export function eventSubject(event: Pick<PolicyEvent, 'slug' | 'hostClusterSlug' | 'countryIso2'>): Subject {
  return { event: event.slug, cluster: event.hostClusterSlug, country: event.countryIso2 };
}

/**
 * Create an event hosted by `host` (a cluster and its country, or the programme in a country or
 * region-wide): the creator must manage events over what will host it.
 */
export function canCreateEvent(actor: Actor, host: { clusterSlug: string | null; countryIso2: string | null }): boolean {
  return can(actor, EVENTS_MANAGE, { cluster: host.clusterSlug, country: host.countryIso2 });
}

export function canManageEvent(actor: Actor, event: PolicyEvent): boolean {
  return can(actor, EVENTS_MANAGE, eventSubject(event));
}

export function canReadEvent(actor: Actor, event: PolicyEvent): boolean {
  return event.status !== 'draft' || canManageEvent(actor, event);
}

export function canCheckIn(actor: Actor, event: PolicyEvent): boolean {
  return can(actor, EVENTS_CHECKIN, eventSubject(event)) || canManageEvent(actor, event);
}

export function canRegister(actor: Actor, event: PolicyEvent): boolean {
  return event.status === 'published' && can(actor, EVENTS_REGISTER);
}

/** Manages events in some scope: who may open the lists across events (programme statistics, open actions). */
export function canManageSomeEvents(actor: Actor): boolean {
  return canAnywhere(actor, EVENTS_MANAGE);
}
