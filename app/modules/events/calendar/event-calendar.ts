/**
 * iCalendar (RFC 5545) text for one event or many: the file behind "Add to calendar", the
 * confirmation mail's attachment and the calendar feeds. Pure (no clock unless `stamp` is left out).
 *
 * Times are written as the venue's wall-clock time with `TZID=<IANA zone>` (a calendar app in
 * another zone still shows the right instant, and a venue's clock change between now and the
 * event is honoured), each zone with a VTIMEZONE built from the runtime's time zone database:
 * the offsets and the exact instants of their changes over the span of the calendar's events.
 * Packaged VTIMEZONE data writes rules (`last Friday of October`) that are wrong in some years
 * for Cairo, whose clocks go back on the day after the last Thursday of October; explicit
 * changes are right in every year. `UTC` events are written in UTC (`...Z`).
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { offsetChanges, offsetMinutes } from './zoned-time.ts';

/** One slot of an event's agenda, written as its own VEVENT in the event's zone. */
export interface CalendarSession {
  uid: string;
  title: string;
  description?: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
}

export interface CalendarEvent {
  /** Stable across revisions (`event-<id>@mosaic`): calendar apps update the entry they have. */
  uid: string;
  title: string;
  description?: string;
  startsAt: Date;
  endsAt: Date;
  /** The venue's IANA zone. */
  timeZone: string;
  location?: string;
  url?: string;
  /** Written as STATUS:CANCELLED: calendar apps strike or remove the entry. */
  cancelled?: boolean;
  /** Raise it on every change of time, place or status so apps replace their copy. */
  sequence?: number;
  /** Written as separate VEVENTs (uid from the session), same zone, same status. */
  sessions?: CalendarSession[];
}

export interface CalendarInput {
  /** The calendar's name (X-WR-CALNAME), e.g. the event's title or "Mosaic events". */
  name: string;
  events: CalendarEvent[];
  /** PUBLISH (default): a file or a feed. REQUEST needs an organizer (RFC 5546). */
  method?: 'PUBLISH' | 'REQUEST';
  organizer?: { name: string; email: string };
  /** DTSTAMP of every VEVENT; the current time when left out. */
  stamp?: Date;
}

/** A year either side of the calendar's events: the VTIMEZONE covers every time it holds. */
const MARGIN_MS = 366 * 86_400_000;

/** `+0300`, `-0100`. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** `20261029T235959`: the wall time of an instant at a fixed offset. */
function formatLocal(instantMs: number, offset: number): string {
  return new Date(instantMs + offset * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
}

/**
 * The VTIMEZONE of a zone between two instants: the offset in force at `from`, then one
 * observance per change (DAYLIGHT when the clock goes forward, STANDARD when it goes back).
 */
export function buildTimeZoneComponent(timeZone: string, from: Date, to: Date): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const initial = offsetMinutes(from, timeZone);
  const changes = offsetChanges(timeZone, from, to);
  const lowest = Math.min(initial, ...changes.map((c) => c.to));
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, offsetFrom: number, offsetTo: number) => {
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${start}`,
      `TZOFFSETFROM:${formatOffset(offsetFrom)}`,
      `TZOFFSETTO:${formatOffset(offsetTo)}`,
      `END:${kind}`,
    );
  };
  observance(initial > lowest ? 'DAYLIGHT' : 'STANDARD', formatLocal(from.getTime(), initial), initial, initial);
  for (const change of changes) {
    observance(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', formatLocal(change.at.getTime(), change.from), change.from, change.to);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The span of every time in the calendar, widened by the margin, on whole minutes. */
function span(events: CalendarEvent[]): { from: Date; to: Date } {
  const times = events
    .flatMap((e) => [e.startsAt, e.endsAt, ...(e.sessions ?? []).flatMap((s) => [s.startsAt, s.endsAt])])
    .map((d) => d.getTime());
  const minute = 60_000;
  const from = Math.floor((Math.min(...times) - MARGIN_MS) / minute) * minute;
  const to = Math.ceil((Math.max(...times) + MARGIN_MS) / minute) * minute;
  return { from: new Date(from), to: new Date(to) };
}

/** Build the iCalendar text. Lines end in CRLF, long lines are folded. */
export function buildEventCalendar(input: CalendarInput): string {
  const range = input.events.length > 0 ? span(input.events) : null;
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Mosaic', product: 'Events', language: 'EN' },
    method: input.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
    timezone: {
      name: null,
      generator: (zone) => (range ? buildTimeZoneComponent(zone, range.from, range.to) : null),
    },
  });
  const stamp = input.stamp ?? new Date();
  for (const event of input.events) {
    const utc = event.timeZone === 'UTC';
    const at = (d: Date) => (utc ? d : new TZDate(d.getTime(), event.timeZone));
    const common = {
      timezone: utc ? null : event.timeZone,
      stamp,
      sequence: event.sequence ?? 0,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: event.url ?? null,
      organizer: input.organizer ?? null,
    };
    calendar.createEvent({
      ...common,
      id: event.uid,
      start: at(event.startsAt),
      end: at(event.endsAt),
      summary: event.title,
      description: event.description ?? null,
      location: event.location ?? null,
    });
    for (const session of event.sessions ?? []) {
      calendar.createEvent({
        ...common,
        id: session.uid,
        start: at(session.startsAt),
        end: at(session.endsAt),
        summary: session.title,
        description: session.description ?? null,
        location: session.location ?? event.location ?? null,
      });
    }
  }
  return calendar.toString();
}
