import { describe, expect, it } from 'vitest';
import { groupEventsByMonth, groupSessionsByDay, sessionWithinEventDays } from './event-agenda.ts';

describe('groupEventsByMonth', () => {
  it('groups by the month at each venue, keeping the order', () => {
    const events = [
      { id: 'a', startsAt: '2026-05-31T22:30:00Z', timeZone: 'Asia/Amman' }, // 1 June in Amman
      { id: 'b', startsAt: '2026-06-15T08:00:00Z', timeZone: 'Africa/Tunis' },
      { id: 'c', startsAt: '2026-07-01T08:00:00Z', timeZone: 'Africa/Tunis' },
    ];
    expect(groupEventsByMonth(events).map((g) => [g.key, g.items.map((e) => e.id)])).toEqual([
      ['2026-06', ['a', 'b']],
      ['2026-07', ['c']],
    ]);
  });
});

describe('groupSessionsByDay', () => {
  it('sorts sessions and groups them by the venue day', () => {
    const sessions = [
      { id: '2', startsAt: new Date('2026-10-30T07:00:00Z') },
      { id: '1', startsAt: new Date('2026-10-29T20:30:00Z') }, // 23:30 in Cairo, 29 October
      { id: '3', startsAt: new Date('2026-10-29T22:30:00Z') }, // 00:30 in Cairo, 30 October (after the change)
    ];
    expect(groupSessionsByDay(sessions, 'Africa/Cairo').map((g) => [g.key, g.items.map((s) => s.id)])).toEqual([
      ['2026-10-29', ['1']],
      ['2026-10-30', ['3', '2']],
    ]);
  });
});

describe('sessionWithinEventDays', () => {
  const event = { startsAt: new Date('2026-06-10T08:00:00Z'), endsAt: new Date('2026-06-11T16:00:00Z'), timeZone: 'Africa/Tunis' };
  it('accepts a session on any day of the event, even before its first hour', () => {
    expect(sessionWithinEventDays({ startsAt: new Date('2026-06-10T06:00:00Z'), endsAt: new Date('2026-06-10T07:00:00Z') }, event)).toBe(
      true,
    );
    expect(sessionWithinEventDays({ startsAt: new Date('2026-06-11T17:00:00Z'), endsAt: new Date('2026-06-11T22:00:00Z') }, event)).toBe(
      true,
    );
  });
  it('refuses a session on another day', () => {
    expect(sessionWithinEventDays({ startsAt: new Date('2026-06-09T21:00:00Z'), endsAt: new Date('2026-06-09T22:30:00Z') }, event)).toBe(
      false,
    );
    expect(sessionWithinEventDays({ startsAt: new Date('2026-06-11T22:00:00Z'), endsAt: new Date('2026-06-11T23:30:00Z') }, event)).toBe(
      false,
    );
  });
});
