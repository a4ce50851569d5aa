import { describe, expect, it } from 'vitest';
import { eventSlugBase, uniqueEventSlug } from './event-slug.ts';

const june10 = new Date('2026-06-10T08:00:00Z');

describe('eventSlugBase', () => {
  it('takes the Latin title of the source language and the venue start day', () => {
    expect(
      eventSlugBase({ fr: 'Atelier thématique : Céramique & Poterie', en: 'Thematic workshop: ceramics' }, 'fr', june10, 'Africa/Tunis'),
    ).toBe('atelier-thematique-ceramique-poterie-2026-06-10');
    expect(eventSlugBase({ fr: 'Atelier', en: 'Design week' }, 'en', june10, 'Africa/Tunis')).toBe('design-week-2026-06-10');
  });

  it('transliterates an Arabic-only title', () => {
    const slug = eventSlugBase({ ar: 'ورشة النسيج' }, 'ar', june10, 'Asia/Amman');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-2026-06-10$/);
    expect(slug.length).toBeGreaterThan('-2026-06-10'.length + 2);
  });

  it('falls back to "event" and uses the day at the venue, not in UTC', () => {
    // 23:30 in Amman on 9 June is 20:30 UTC.
    expect(eventSlugBase({ en: '!!' }, 'en', new Date('2026-06-09T21:30:00Z'), 'Asia/Amman')).toBe('event-2026-06-10');
  });

  it('stays within 80 characters with room for a suffix', () => {
    const slug = eventSlugBase({ en: 'word '.repeat(60) }, 'en', june10, 'UTC');
    expect(slug.length).toBeLessThanOrEqual(76);
    expect(slug).toMatch(/^word(-word)*-2026-06-10$/);
  });
});

describe('uniqueEventSlug', () => {
  it('adds the first free number', () => {
    expect(uniqueEventSlug('a-2026-06-10', new Set())).toBe('a-2026-06-10');
    expect(uniqueEventSlug('a-2026-06-10', new Set(['a-2026-06-10', 'a-2026-06-10-2']))).toBe('a-2026-06-10-3');
  });
});
