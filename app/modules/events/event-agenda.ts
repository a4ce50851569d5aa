/**
 * Grouping for display, in the venue's time zone: events by month on the calendar, sessions by day
 * on the event page. Pure.
 */
import { localDayKey, localMonthKey } from './calendar/zoned-time.ts';

export interface Timed {
  startsAt: Date | string;
  timeZone: string;
}

export interface Group<T> {
  /** `2026-06` for a month, `2026-06-10` for a day. */
  key: string;
  items: T[];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups: Group<T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}

/** Events under the month of their start at their venue, keeping the given order (upcoming ascending, past descending). */
export function groupEventsByMonth<T extends Timed>(events: readonly T[]): Group<T>[] {
  return groupBy(events, (e) => localMonthKey(new Date(e.startsAt), e.timeZone));
}

/** Sessions under their day at the venue, in time order. */
export function groupSessionsByDay<T extends { startsAt: Date | string }>(sessions: readonly T[], timeZone: string): Group<T>[] {
  const sorted = [...sessions].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  return groupBy(sorted, (s) => localDayKey(new Date(s.startsAt), timeZone));
}

/** Whether a session lies within the event's days at the venue (it may start before the event's first hour). */
export function sessionWithinEventDays(
  session: { startsAt: Date; endsAt: Date },
  event: { startsAt: Date; endsAt: Date; timeZone: string },
): boolean {
  const first = localDayKey(event.startsAt, event.timeZone);
  const last = localDayKey(new Date(event.endsAt.getTime() - 1), event.timeZone);
  return (
    localDayKey(session.startsAt, event.timeZone) >= first && localDayKey(new Date(session.endsAt.getTime() - 1), event.timeZone) <= last
  );
}
