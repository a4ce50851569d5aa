import { describe, expect, it } from 'vitest';
import { applyOutcomes, type CachedAttendee, countAttendance, filterAttendees, mergeQueue, type QueuedCheckIn } from './checkin-queue.ts';

const attendee = (registrationId: string, name: string, extra: Partial<CachedAttendee> = {}): CachedAttendee => ({
  registrationId,
  name,
  organisation: '',
  code: `code-${registrationId}`,
  status: 'confirmed',
  checkedInAt: null,
  ...extra,
});
const queued = (id: string, extra: Partial<QueuedCheckIn>): QueuedCheckIn => ({
  id,
  slug: 'forum',
  checkedInAt: '2026-11-23T08:00:00.000Z',
  label: id,
  ...extra,
});

describe('check-in queue', () => {
  const list = [
    attendee('r1', 'Amal'),
    attendee('r2', 'Karim', { checkedInAt: '2026-11-23T07:00:00.000Z' }),
    attendee('r3', 'Waiting', { status: 'waiting' }),
    attendee('r4', 'Nour'),
    attendee('r5', 'Sami'),
  ];

  it('shows queued people as waiting to sync, by id or by scanned code, and counts them', () => {
    const views = mergeQueue(list, [queued('q1', { registrationId: 'r1' }), queued('q2', { code: 'code-r4' })]);
    expect(views.map((v) => [v.registrationId, v.state])).toEqual([
      ['r1', 'pending'],
      ['r2', 'checked-in'],
      ['r3', 'not-confirmed'],
      ['r4', 'pending'],
      ['r5', 'expected'],
    ]);
    expect(countAttendance(views)).toEqual({ checkedIn: 3, expected: 4 });
  });

  it('drops recorded and duplicate items, reports refused ones, keeps unanswered ones', () => {
    const queue = [
      queued('q1', { registrationId: 'r1' }),
      queued('q2', { registrationId: 'r2' }),
      queued('q3', { code: 'nope' }),
      queued('q4', { registrationId: 'r4' }),
    ];
    const result = applyOutcomes(list, queue, [
      { id: 'q1', status: 'recorded', reason: null, registrationId: 'r1', checkedInAt: '2026-11-23T08:00:00.000Z' },
      { id: 'q2', status: 'duplicate', reason: null, registrationId: 'r2', checkedInAt: '2026-11-23T07:00:00.000Z' },
      { id: 'q3', status: 'refused', reason: 'EVENTS_CHECKIN_CODE_UNKNOWN', registrationId: null, checkedInAt: null },
    ]);
    expect(result.queue.map((item) => item.id)).toEqual(['q4']);
    expect(result.refused).toEqual([{ item: queue[2], reason: 'EVENTS_CHECKIN_CODE_UNKNOWN' }]);
    expect(result.attendees.find((a) => a.registrationId === 'r1')?.checkedInAt).toBe('2026-11-23T08:00:00.000Z');
    expect(result.attendees.find((a) => a.registrationId === 'r2')?.checkedInAt).toBe('2026-11-23T07:00:00.000Z');
    expect(result.attendees.find((a) => a.registrationId === 'r4')?.checkedInAt).toBeNull();
  });

  it('filters by name or organisation ignoring case, accents and Arabic letter forms, or by a whole code', () => {
    const people = [
      attendee('a', 'Hélène Martin', { organisation: 'Céramiques de Nabeul' }),
      attendee('b', 'أحمد إبراهيم'),
      attendee('c', 'فاطمة الزهراء'),
    ];
    expect(filterAttendees(people, 'helene').map((a) => a.registrationId)).toEqual(['a']);
    expect(filterAttendees(people, 'NABEUL').map((a) => a.registrationId)).toEqual(['a']);
    expect(filterAttendees(people, 'احمد ابراهيم').map((a) => a.registrationId)).toEqual(['b']);
    expect(filterAttendees(people, 'فاطمه').map((a) => a.registrationId)).toEqual(['c']);
    expect(filterAttendees(people, 'code-c').map((a) => a.registrationId)).toEqual(['c']);
    expect(filterAttendees(people, '  ')).toHaveLength(3);
  });
});
