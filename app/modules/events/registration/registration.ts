/**
 * Registration decisions, pure: whether an event takes registrations now, where a new registration
 * goes (a seat, the waiting list, staff approval, or nowhere), who a freed seat goes to, and when a
 * registrant is reminded. The service applies them under the event's row lock, so the counts they
 * read cannot change underneath them.
 */
import type { EventStatus, RegistrationStatus } from '../events.schema.ts';

export const GENDERS = ['woman', 'man', 'another', 'prefer-not-to-say'] as const;
export type Gender = (typeof GENDERS)[number];

/** Statuses a registration can still be cancelled from (declined and cancelled ones are over). */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waiting'];

export type WindowState = 'open' | 'not-published' | 'not-open-yet' | 'closed';

export interface RegistrationWindow {
  status: EventStatus;
  startsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

/**
 * A published event takes registrations from `registrationOpensAt` (or publication) until
 * `registrationClosesAt`, and never after it has started.
 */
export function windowState(event: RegistrationWindow, now: Date): WindowState {
  if (event.status !== 'published') return 'not-published';
  if (event.registrationOpensAt && now < event.registrationOpensAt) return 'not-open-yet';
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return 'closed';
  if (now >= event.startsAt) return 'closed';
  return 'open';
}

export interface SeatRules {
  /** Seats; null means no limit. */
  capacity: number | null;
  waitlistEnabled: boolean;
  approvalRequired: boolean;
}

export type SeatDecision = 'confirmed' | 'waiting' | 'pending' | 'full';

/**
 * Where a new registration goes, given the seats already taken (confirmed registrations) and how
 * many are waiting. Approval comes first (pending holds no seat; staff decide and the seat is
 * checked then). Nobody jumps the line: while anyone waits, a newcomer waits too.
 */
export function decideSeat(rules: SeatRules, taken: number, waiting: number): SeatDecision {
  if (rules.approvalRequired) return 'pending';
  if (rules.capacity === null || (taken < rules.capacity && waiting === 0)) return 'confirmed';
  return rules.waitlistEnabled ? 'waiting' : 'full';
}

/** Where an approved registration goes: a seat when one is free, else the waiting list (or full). */
export function decideApproval(rules: SeatRules, taken: number, waiting: number): SeatDecision {
  return decideSeat({ ...rules, approvalRequired: false }, taken, waiting);
}

export interface Waiting {
  id: string;
  seq: number;
}

/** The waiting list in its order: arrival (`seq`), the earliest first. */
export function waitingOrder<T extends Waiting>(waiting: readonly T[]): T[] {
  return [...waiting].sort((a, b) => a.seq - b.seq);
}

/**
 * Who gets the seats that are free: the first waiting registrations, as many as there are free
 * seats (all of them when there is no limit).
 */
export function toPromote<T extends Waiting>(capacity: number | null, taken: number, waiting: readonly T[]): T[] {
  const ordered = waitingOrder(waiting);
  if (capacity === null) return ordered;
  return ordered.slice(0, Math.max(0, capacity - taken));
}

/** 1-based place on the waiting list of the registration with `seq` (null when not waiting). */
export function waitingPlace(seq: number, waitingSeqs: readonly number[]): number {
  return waitingSeqs.filter((s) => s < seq).length + 1;
}

/** The wall-clock parts of an instant in an IANA zone. */
function zonedParts(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The instant at which the wall clock in `timeZone` reads the given date and time. */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour: number, minute = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let guess = asUtc;
  // Two passes settle the zone's offset at that moment, daylight-saving changes included.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/** Reminders go at 09:00, venue time. */
export const REMINDER_HOUR = 9;

/**
 * When a registrant is reminded: at 09:00 in the venue's time zone on the day before the event
 * starts (by the venue's calendar); null when that moment has passed (someone confirmed that late
 * has just had the confirmation, which says the same).
 */
export function reminderAt(startsAt: Date, timeZone: string, now: Date): Date | null {
  const local = zonedParts(startsAt, timeZone);
  const dayBefore = new Date(Date.UTC(local.year, local.month - 1, local.day - 1));
  const at = zonedInstant(timeZone, dayBefore.getUTCFullYear(), dayBefore.getUTCMonth() + 1, dayBefore.getUTCDate(), REMINDER_HOUR);
  if (at.getTime() > now.getTime()) return at;
  return null;
}
