/**
 * The check-in page's offline state, pure (runs in the browser, tested alone): the attendee list
 * kept on the device, the queue of check-ins not yet received by the server, and how the two
 * merge into what staff see ("checked in", "waiting to sync", "not confirmed").
 */
import type { RegistrationStatus } from '../events.schema.ts';

export interface CachedAttendee {
  registrationId: string;
  name: string;
  organisation: string;
  code: string;
  status: RegistrationStatus;
  checkedInAt: string | null;
}

export interface QueuedCheckIn {
  /** UUID made on the device: the idempotency key. */
  id: string;
  slug: string;
  registrationId?: string;
  code?: string;
  /** The device's time of the check-in. */
  checkedInAt: string;
  /** The name shown while it waits (the code when the person is not on the device's list). */
  label: string;
}

export type AttendeeState = 'checked-in' | 'pending' | 'expected' | 'not-confirmed';

export interface AttendeeView extends CachedAttendee {
  state: AttendeeState;
}

/** What staff see of each attendee: the server's list overlaid with the device's queue. */
export function mergeQueue(attendees: readonly CachedAttendee[], queue: readonly QueuedCheckIn[]): AttendeeView[] {
  const queuedIds = new Set(queue.map((item) => item.registrationId).filter(Boolean));
  const queuedCodes = new Set(queue.map((item) => item.code).filter(Boolean));
  return attendees.map((attendee) => {
    let state: AttendeeState;
    if (attendee.status !== 'confirmed') state = 'not-confirmed';
    else if (attendee.checkedInAt) state = 'checked-in';
    else if (queuedIds.has(attendee.registrationId) || queuedCodes.has(attendee.code)) state = 'pending';
    else state = 'expected';
    return { ...attendee, state };
  });
}

/** Case-, accent- and Arabic-form-insensitive text for instant filtering. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ـ/g, '')
    .toLowerCase()
    .trim();
}

export function filterAttendees<T extends CachedAttendee>(attendees: readonly T[], query: string): T[] {
  const needle = foldForSearch(query);
  if (needle === '') return [...attendees];
  return attendees.filter(
    (attendee) => attendee.code === query.trim() || foldForSearch(`${attendee.name} ${attendee.organisation}`).includes(needle),
  );
}

export interface SyncOutcome {
  id: string;
  status: 'recorded' | 'duplicate' | 'refused';
  reason: string | null;
  registrationId: string | null;
  checkedInAt: string | null;
}

/**
 * After the server answered a batch: recorded and duplicate items leave the queue (the server
 * has them), refused ones leave it too and are reported; items it did not answer stay.
 * The list learns who is now checked in.
 */
export function applyOutcomes(
  attendees: readonly CachedAttendee[],
  queue: readonly QueuedCheckIn[],
  outcomes: readonly SyncOutcome[],
): { attendees: CachedAttendee[]; queue: QueuedCheckIn[]; refused: { item: QueuedCheckIn; reason: string }[] } {
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const refused: { item: QueuedCheckIn; reason: string }[] = [];
  const remaining: QueuedCheckIn[] = [];
  for (const item of queue) {
    const outcome = byId.get(item.id);
    if (!outcome) remaining.push(item);
    else if (outcome.status === 'refused') refused.push({ item, reason: outcome.reason ?? 'COMMON_INTERNAL' });
  }
  const checkedIn = new Map(
    outcomes
      .filter((outcome) => outcome.status !== 'refused' && outcome.registrationId)
      .map((outcome) => [outcome.registrationId!, outcome.checkedInAt]),
  );
  return {
    attendees: attendees.map((attendee) =>
      checkedIn.has(attendee.registrationId) && !attendee.checkedInAt
        ? { ...attendee, checkedInAt: checkedIn.get(attendee.registrationId) ?? new Date().toISOString() }
        : attendee,
    ),
    queue: remaining,
    refused,
  };
}

/** Checked in (on the server or waiting to sync) out of the confirmed registrations. */
export function countAttendance(views: readonly AttendeeView[]): { checkedIn: number; expected: number } {
  const confirmed = views.filter((view) => view.status === 'confirmed');
  return {
    checkedIn: confirmed.filter((view) => view.state === 'checked-in' || view.state === 'pending').length,
    expected: confirmed.length,
  };
}
