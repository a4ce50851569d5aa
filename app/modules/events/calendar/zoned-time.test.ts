import { describe, expect, it } from 'vitest';
import { fromLocalInput, localDayKey, localMonthKey, offsetChanges, toLocalInput } from './zoned-time.ts';

describe('fromLocalInput / toLocalInput', () => {
  it('reads a venue wall time as the instant it names', () => {
    expect(fromLocalInput('2026-03-10T09:00', 'Africa/Tunis')?.toISOString()).toBe('2026-03-10T08:00:00.000Z');
    expect(fromLocalInput('2026-07-10T09:00', 'Africa/Cairo')?.toISOString()).toBe('2026-07-10T06:00:00.000Z');
    expect(fromLocalInput('2026-12-10T09:00', 'Africa/Cairo')?.toISOString()).toBe('2026-12-10T07:00:00.000Z');
    expect(fromLocalInput('2026-07-10T09:00', 'Asia/Amman')?.toISOString()).toBe('2026-07-10T06:00:00.000Z');
    expect(fromLocalInput('2026-07-10T09:00', 'Europe/Brussels')?.toISOString()).toBe('2026-07-10T07:00:00.000Z');
    expect(fromLocalInput('2026-07-10T09:00', 'UTC')?.toISOString()).toBe('2026-07-10T09:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward, and takes the earlier of a repeated time', () => {
    // Cairo: 24 April 2026 00:00 becomes 01:00; 29 October 23:00-24:00 happens twice.
    expect(fromLocalInput('2026-04-24T00:30', 'Africa/Cairo')?.toISOString()).toBe('2026-04-23T22:30:00.000Z');
    expect(fromLocalInput('2026-10-29T23:30', 'Africa/Cairo')?.toISOString()).toBe('2026-10-29T20:30:00.000Z');
  });

  it('refuses what is not a local date-time', () => {
    for (const text of ['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00Z', 'tomorrow']) {
      expect(fromLocalInput(text, 'Africa/Tunis')).toBeNull();
    }
  });

  it('round-trips through the input value', () => {
    for (const zone of ['Africa/Cairo', 'Asia/Amman', 'Africa/Casablanca', 'Asia/Beirut', 'Asia/Gaza']) {
      for (const text of ['2026-01-15T09:30', '2026-06-15T18:45', '2026-10-31T08:00']) {
        expect(toLocalInput(fromLocalInput(text, zone)!, zone)).toBe(text);
      }
    }
  });

  it('names the venue day and month of an instant', () => {
    // 23:30 in Amman on 31 January is 20:30 UTC.
    expect(localDayKey(new Date('2026-01-31T21:30:00Z'), 'Asia/Amman')).toBe('2026-02-01');
    expect(localMonthKey(new Date('2026-01-31T21:30:00Z'), 'Asia/Amman')).toBe('2026-02');
    expect(localDayKey(new Date('2026-01-31T21:30:00Z'), 'Africa/Tunis')).toBe('2026-01-31');
  });
});

describe('offsetChanges', () => {
  it('finds both of Morocco’s changes around Ramadan 2026, a month apart', () => {
    const changes = offsetChanges('Africa/Casablanca', new Date('2026-01-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'));
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      [60, 0],
      [0, 60],
    ]);
  });

  it('finds Cairo’s changes to the minute and none for Tunis or Amman', () => {
    const cairo = offsetChanges('Africa/Cairo', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(cairo.map((c) => c.at.toISOString())).toEqual(['2026-04-23T22:00:00.000Z', '2026-10-29T21:00:00.000Z']);
    expect(offsetChanges('Africa/Tunis', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toEqual([]);
    expect(offsetChanges('Asia/Amman', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });
});
