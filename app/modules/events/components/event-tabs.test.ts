import { describe, expect, it } from 'vitest';
import { eventTabPath, visibleEventTabs } from './event-tabs.tsx';

describe('visibleEventTabs', () => {
  it('shows every staff tab to a manager', () => {
    expect(visibleEventTabs({ manage: true, checkIn: true })).toEqual([
      'overview',
      'edit',
      'agenda',
      'registrations',
      'invitations',
      'check-in',
      'badges',
      'outputs',
      'statistics',
      'follow-up',
    ]);
  });

  it('shows door staff only the page, check-in and badges', () => {
    expect(visibleEventTabs({ manage: false, checkIn: true })).toEqual(['overview', 'check-in', 'badges']);
  });

  it('shows nothing to a reader', () => {
    expect(visibleEventTabs({ manage: false, checkIn: false })).toEqual([]);
  });
});

describe('eventTabPath', () => {
  it('builds the pages under the locale and the slug', () => {
    expect(eventTabPath('ar', 'atelier-2026-06-10', 'overview')).toBe('/ar/events/atelier-2026-06-10');
    expect(eventTabPath('fr', 'atelier-2026-06-10', 'check-in')).toBe('/fr/events/atelier-2026-06-10/check-in');
    expect(eventTabPath('en', 'atelier-2026-06-10', 'badges')).toBe('/en/events/atelier-2026-06-10/badges.pdf');
  });
});
