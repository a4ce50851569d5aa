/**
 * The calendars parse with a real iCalendar parser (ical.js), and the instants and the venue's
 * wall-clock times are right in Tunis (UTC+1, no clock change), Cairo (summer time since 2023,
 * an event across the autumn change, one across the spring change, and 2030, when the change
 * falls on the day after the last Thursday of October, not the last Friday) and Amman (UTC+3 all
 * year since 2022). The expected instants are written out, not computed.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildEventCalendar, type CalendarEvent } from './event-calendar.ts';

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  // A fresh registry for each calendar: the file's own VTIMEZONEs are the only source of offsets.
  ICAL.TimezoneService.reset();
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { root, events };
}

const wall = (t: ICAL.Time) =>
  `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

function one(event: Partial<CalendarEvent> & Pick<CalendarEvent, 'startsAt' | 'endsAt' | 'timeZone'>) {
  const text = buildEventCalendar({
    name: 'Test',
    stamp: new Date('2026-01-05T10:00:00Z'),
    events: [{ uid: 'event-1@mosaic', title: 'Workshop', ...event }],
  });
  const { events } = parse(text);
  return { text, event: events[0]! };
}

describe('buildEventCalendar', () => {
  it('writes Tunis times with their zone (UTC+1 all year, even when Europe changes its clocks)', () => {
    const { text, event } = one({
      timeZone: 'Africa/Tunis',
      startsAt: new Date('2026-03-28T08:00:00Z'),
      endsAt: new Date('2026-03-30T16:00:00Z'),
    });
    expect(text).toContain('DTSTART;TZID=Africa/Tunis:20260328T090000');
    expect(event.startDate.zone?.tzid).toBe('Africa/Tunis');
    expect(wall(event.startDate)).toBe('2026-03-28 09:00');
    expect(wall(event.endDate)).toBe('2026-03-30 17:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-30T16:00:00.000Z');
  });

  it('writes a Cairo event across the autumn change: summer time at the start, winter time at the end', () => {
    // Clocks go back at midnight between Thursday 29 and Friday 30 October 2026 (UTC+3 to UTC+2).
    const { event } = one({
      timeZone: 'Africa/Cairo',
      startsAt: new Date('2026-10-29T17:00:00Z'),
      endsAt: new Date('2026-10-30T08:00:00Z'),
    });
    expect(wall(event.startDate)).toBe('2026-10-29 20:00');
    expect(wall(event.endDate)).toBe('2026-10-30 10:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-29T17:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-10-30T08:00:00.000Z');
    expect(event.startDate.utcOffset()).toBe(3 * 3600);
    expect(event.endDate.utcOffset()).toBe(2 * 3600);
  });

  it('writes a Cairo event across the spring change (last Friday of April)', () => {
    const { event } = one({
      timeZone: 'Africa/Cairo',
      startsAt: new Date('2026-04-23T20:00:00Z'),
      endsAt: new Date('2026-04-24T07:00:00Z'),
    });
    expect(wall(event.startDate)).toBe('2026-04-23 22:00');
    expect(wall(event.endDate)).toBe('2026-04-24 10:00');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-04-24T07:00:00.000Z');
  });

  it('keeps Cairo on summer time until the day after the last Thursday of October (2030: 1 November)', () => {
    // A rule "last Friday of October" would put Saturday 26 October 2030 on winter time.
    const { event } = one({
      timeZone: 'Africa/Cairo',
      startsAt: new Date('2030-10-26T07:00:00Z'),
      endsAt: new Date('2030-10-26T13:00:00Z'),
    });
    expect(wall(event.startDate)).toBe('2030-10-26 10:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2030-10-26T07:00:00.000Z');
  });

  it('writes Amman times at UTC+3 in winter and in summer', () => {
    for (const [startsAt, local] of [
      ['2026-01-15T06:00:00Z', '2026-01-15 09:00'],
      ['2026-07-15T06:00:00Z', '2026-07-15 09:00'],
    ] as const) {
      const { event } = one({ timeZone: 'Asia/Amman', startsAt: new Date(startsAt), endsAt: new Date('2026-07-16T00:00:00Z') });
      expect(wall(event.startDate)).toBe(local);
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(startsAt).toISOString());
    }
  });

  it('writes UTC events in UTC', () => {
    const { text, event } = one({ timeZone: 'UTC', startsAt: new Date('2026-05-01T12:00:00Z'), endsAt: new Date('2026-05-01T13:30:00Z') });
    expect(text).toContain('DTSTART:20260501T120000Z');
    expect(text).not.toContain('VTIMEZONE');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-05-01T13:30:00.000Z');
  });

  it('keeps text, status, sequence, url and sessions through a parser', () => {
    const text = buildEventCalendar({
      name: 'Ateliers, 2026',
      stamp: new Date('2026-01-05T10:00:00Z'),
      events: [
        {
          uid: 'event-7@mosaic',
          title: 'Atelier : design, mode; "textile"',
          description: 'Ligne 1\nورشة العمل حول التصميم',
          startsAt: new Date('2026-06-10T07:00:00Z'),
          endsAt: new Date('2026-06-11T15:00:00Z'),
          timeZone: 'Africa/Tunis',
          location: 'Cité de la culture, Tunis',
          url: 'https://mosaic.example/fr/events/atelier-2026-06-10',
          cancelled: true,
          sequence: 3,
          sessions: [
            {
              uid: 'session-1@mosaic',
              title: 'Ouverture',
              startsAt: new Date('2026-06-10T07:00:00Z'),
              endsAt: new Date('2026-06-10T08:00:00Z'),
              location: 'Salle A',
            },
            {
              uid: 'session-2@mosaic',
              title: 'الجلسة الثانية',
              startsAt: new Date('2026-06-11T08:00:00Z'),
              endsAt: new Date('2026-06-11T09:00:00Z'),
            },
          ],
        },
      ],
    });
    const { root, events } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Ateliers, 2026');
    expect(events.map((e) => e.uid)).toEqual(['event-7@mosaic', 'session-1@mosaic', 'session-2@mosaic']);
    const [main, first, second] = events as [ICAL.Event, ICAL.Event, ICAL.Event];
    expect(main.summary).toBe('Atelier : design, mode; "textile"');
    expect(main.description).toBe('Ligne 1\nورشة العمل حول التصميم');
    expect(main.location).toBe('Cité de la culture, Tunis');
    expect(main.sequence).toBe(3);
    expect(main.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(main.component.getFirstPropertyValue('url')).toBe('https://mosaic.example/fr/events/atelier-2026-06-10');
    expect(first.location).toBe('Salle A');
    expect(wall(first.startDate)).toBe('2026-06-10 08:00');
    expect(second.summary).toBe('الجلسة الثانية');
    expect(second.location).toBe('Cité de la culture, Tunis');
    expect(second.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(wall(second.startDate)).toBe('2026-06-11 09:00');
  });

  it('writes one VTIMEZONE per zone for a feed of events in several zones', () => {
    const text = buildEventCalendar({
      name: 'Feed',
      stamp: new Date('2026-01-05T10:00:00Z'),
      events: [
        {
          uid: 'a',
          title: 'A',
          timeZone: 'Africa/Cairo',
          startsAt: new Date('2026-05-01T07:00:00Z'),
          endsAt: new Date('2026-05-01T09:00:00Z'),
        },
        {
          uid: 'b',
          title: 'B',
          timeZone: 'Asia/Amman',
          startsAt: new Date('2026-05-02T07:00:00Z'),
          endsAt: new Date('2026-05-02T09:00:00Z'),
        },
        {
          uid: 'c',
          title: 'C',
          timeZone: 'Africa/Cairo',
          startsAt: new Date('2026-12-01T07:00:00Z'),
          endsAt: new Date('2026-12-01T09:00:00Z'),
        },
      ],
    });
    const { root, events } = parse(text);
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Africa/Cairo', 'Asia/Amman']);
    expect(events.map((e) => wall(e.startDate))).toEqual(['2026-05-01 10:00', '2026-05-02 10:00', '2026-12-01 09:00']);
  });

  it('asks with METHOD:REQUEST and an organizer when told to', () => {
    const text = buildEventCalendar({
      name: 'Invitation',
      method: 'REQUEST',
      organizer: { name: 'Mosaic', email: 'events@mosaic.example' },
      stamp: new Date('2026-01-05T10:00:00Z'),
      events: [
        {
          uid: 'x',
          title: 'X',
          timeZone: 'Asia/Amman',
          startsAt: new Date('2026-05-02T07:00:00Z'),
          endsAt: new Date('2026-05-02T09:00:00Z'),
        },
      ],
    });
    const { root, events } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events[0]!.organizer).toBe('mailto:events@mosaic.example');
  });

  it('writes an empty calendar when there are no events', () => {
    const { root, events } = parse(buildEventCalendar({ name: 'Empty', events: [] }));
    expect(root.name).toBe('vcalendar');
    expect(events).toEqual([]);
  });
});
