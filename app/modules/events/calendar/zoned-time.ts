/**
 * Instants and the wall-clock times of a venue's IANA time zone, through the runtime's time zone
 * database (Intl, via @date-fns/tz): never hand-written offsets. Pure.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

/** The zones an event's venue may be in (the programme's region, plus Brussels and UTC). */
export const EVENT_TIME_ZONES = [
  'Africa/Algiers',
  'Africa/Cairo',
  'Asia/Amman',
  'Asia/Beirut',
  'Africa/Casablanca',
  'Asia/Hebron',
  'Asia/Gaza',
  'Africa/Tunis',
  'Europe/Brussels',
  'UTC',
] as const;
export type EventTimeZone = (typeof EVENT_TIME_ZONES)[number];

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const d = new TZDate(instant.getTime(), timeZone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-10-29T23:30`: the value of an `<input type="datetime-local">` for an instant in a zone. */
export function toLocalInput(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** `2026-10-29`: the venue's calendar day of an instant. */
export function localDayKey(instant: Date, timeZone: string): string {
  return toLocalInput(instant, timeZone).slice(0, 10);
}

/** `2026-10`: the venue's calendar month of an instant. */
export function localMonthKey(instant: Date, timeZone: string): string {
  return toLocalInput(instant, timeZone).slice(0, 7);
}

/** The zone's offset from UTC at an instant, in minutes (Cairo in summer: 180). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return tzOffset(timeZone, instant);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a venue's wall-clock time names (`2026-04-24T00:30` in `Africa/Cairo`), or null when
 * the text is not a local date-time. Like Temporal's `compatible` disambiguation: a time skipped
 * by a clock change moves forward by the change; a time repeated by one takes the earlier instant.
 */
export function fromLocalInput(text: string, timeZone: string): Date | null {
  const m = LOCAL_INPUT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day) return null;
  // The offsets in force a day either side bracket every candidate instant.
  const before = offsetMinutes(new Date(asUtc - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(asUtc + 86_400_000), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => asUtc - offsetMinutes(new Date(t), timeZone) * 60_000 === t)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return new Date(candidates[0]);
  // Skipped by a clock change: read it with the offset in force before the change.
  return new Date(asUtc - before * 60_000);
}

/** A change of the zone's offset: at `at`, the offset goes from `from` to `to` minutes. */
export interface OffsetChange {
  at: Date;
  from: number;
  to: number;
}

/**
 * Every change of a zone's offset between two instants, to the millisecond. Scans day by day (Morocco
 * changes twice within a month around Ramadan), then bisects each change.
 */
export function offsetChanges(timeZone: string, from: Date, to: Date): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const day = 86_400_000;
  let t = from.getTime();
  let offset = offsetMinutes(new Date(t), timeZone);
  while (t < to.getTime()) {
    const next = Math.min(t + day, to.getTime());
    const nextOffset = offsetMinutes(new Date(next), timeZone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(new Date(mid), timeZone) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: new Date(hi), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return changes;
}
