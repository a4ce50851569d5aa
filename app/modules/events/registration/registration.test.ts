import { describe, expect, it } from 'vitest';
import {
  decideApproval,
  decideSeat,
  reminderAt,
  toPromote,
  waitingOrder,
  waitingPlace,
  windowState,
  zonedInstant,
} from './registration.ts';

const rules = { capacity: 2, waitlistEnabled: true, approvalRequired: false };

describe('decideSeat', () => {
  it('gives a seat while one is free and nobody waits', () => {
    expect(decideSeat(rules, 0, 0)).toBe('confirmed');
    expect(decideSeat(rules, 1, 0)).toBe('confirmed');
  });
  it('puts newcomers on the waiting list when full, or refuses without a waiting list', () => {
    expect(decideSeat(rules, 2, 0)).toBe('waiting');
    expect(decideSeat({ ...rules, waitlistEnabled: false }, 2, 0)).toBe('full');
  });
  it('never lets a newcomer jump the line while someone waits', () => {
    expect(decideSeat(rules, 1, 3)).toBe('waiting');
  });
  it('has no limit without a capacity, and approval first when required', () => {
    expect(decideSeat({ ...rules, capacity: null }, 10_000, 0)).toBe('confirmed');
    expect(decideSeat({ ...rules, approvalRequired: true }, 0, 0)).toBe('pending');
    expect(decideApproval({ ...rules, approvalRequired: true }, 0, 0)).toBe('confirmed');
    expect(decideApproval({ ...rules, approvalRequired: true }, 2, 0)).toBe('waiting');
  });
  it('takes nobody when the capacity is zero', () => {
    expect(decideSeat({ ...rules, capacity: 0 }, 0, 0)).toBe('waiting');
  });
});

describe('the waiting list', () => {
  const waiting = [
    { id: 'c', seq: 30 },
    { id: 'a', seq: 10 },
    { id: 'b', seq: 20 },
  ];
  it('is served in arrival order', () => {
    expect(waitingOrder(waiting).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(toPromote(3, 2, waiting).map((w) => w.id)).toEqual(['a']);
    expect(toPromote(5, 2, waiting).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(toPromote(2, 2, waiting)).toEqual([]);
    expect(toPromote(2, 5, waiting)).toEqual([]);
    expect(toPromote(null, 99, waiting).map((w) => w.id)).toEqual(['a', 'b', 'c']);
  });
  it('tells each their place', () => {
    expect(waitingPlace(10, [10, 20, 30])).toBe(1);
    expect(waitingPlace(30, [10, 20, 30])).toBe(3);
  });
});

describe('windowState', () => {
  const startsAt = new Date('2026-12-10T08:00:00Z');
  const base = { status: 'published' as const, startsAt, registrationOpensAt: null, registrationClosesAt: null };
  const now = new Date('2026-12-01T00:00:00Z');
  it('is open for a published event before it starts', () => {
    expect(windowState(base, now)).toBe('open');
    expect(windowState(base, startsAt)).toBe('closed');
  });
  it('follows the opening and closing times', () => {
    expect(windowState({ ...base, registrationOpensAt: new Date('2026-12-02T00:00:00Z') }, now)).toBe('not-open-yet');
    expect(windowState({ ...base, registrationClosesAt: now }, now)).toBe('closed');
    expect(windowState({ ...base, registrationClosesAt: new Date('2026-12-01T00:00:01Z') }, now)).toBe('open');
  });
  it('refuses drafts and cancelled events', () => {
    expect(windowState({ ...base, status: 'draft' }, now)).toBe('not-published');
    expect(windowState({ ...base, status: 'cancelled' }, now)).toBe('not-published');
  });
});

describe('reminders', () => {
  it('finds the instant of a wall-clock time in a zone, across daylight saving', () => {
    // Amman is UTC+3 all year since 2022; Cairo is UTC+3 in summer (2026) and UTC+2 in winter; Tunis UTC+1.
    expect(zonedInstant('Africa/Tunis', 2026, 12, 9, 9).toISOString()).toBe('2026-12-09T08:00:00.000Z');
    expect(zonedInstant('Africa/Cairo', 2026, 7, 1, 9).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(zonedInstant('Africa/Cairo', 2026, 12, 1, 9).toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(zonedInstant('Asia/Amman', 2026, 12, 1, 9).toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });
  it('goes at 09:00 venue time on the day before, by the venue’s calendar', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    // 00:30 in Tunis on 10 December is still 9 December in UTC: the day before is the 9th in Tunis.
    expect(reminderAt(new Date('2026-12-09T23:30:00Z'), 'Africa/Tunis', now)?.toISOString()).toBe('2026-12-09T08:00:00.000Z');
    expect(reminderAt(new Date('2026-12-10T08:00:00Z'), 'Asia/Amman', now)?.toISOString()).toBe('2026-12-09T06:00:00.000Z');
    // Over the month's edge.
    expect(reminderAt(new Date('2027-01-01T08:00:00Z'), 'Africa/Cairo', now)?.toISOString()).toBe('2026-12-31T07:00:00.000Z');
  });
  it('gives no reminder once that moment has passed', () => {
    const startsAt = new Date('2026-12-10T08:00:00Z');
    expect(reminderAt(startsAt, 'Africa/Tunis', new Date('2026-12-09T08:00:00Z'))).toBeNull();
    expect(reminderAt(startsAt, 'Africa/Tunis', new Date('2026-12-09T07:59:00Z'))).not.toBeNull();
  });
});
