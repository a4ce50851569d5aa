import { describe, expect, it } from 'vitest';
import { eventStatistics, genderGroup, groupOf, measuresOf, type StatRegistration, share } from './statistics.ts';

const org = (type: string, sizeClass: string | null, womenLed = false) => ({ type, sizeClass, womenLed });

function reg(overrides: Partial<StatRegistration> = {}): StatRegistration {
  return {
    status: 'confirmed',
    checkedIn: false,
    eventEnded: true,
    gender: 'woman',
    countryIso2: 'TN',
    organisation: org('enterprise', 'micro'),
    ...overrides,
  };
}

describe('measuresOf', () => {
  it('counts a confirmed registration not checked in after the end as a no-show', () => {
    expect(measuresOf(reg())).toEqual(['registered', 'confirmed', 'noShow']);
  });
  it('counts nobody as a no-show before the event ends', () => {
    expect(measuresOf(reg({ eventEnded: false }))).toEqual(['registered', 'confirmed']);
  });
  it('counts a checked-in registration as attended, never as a no-show', () => {
    expect(measuresOf(reg({ checkedIn: true }))).toEqual(['registered', 'confirmed', 'attended']);
  });
  it('does not count a waiting or cancelled registration as a no-show', () => {
    expect(measuresOf(reg({ status: 'waiting' }))).toEqual(['registered', 'waiting']);
    expect(measuresOf(reg({ status: 'cancelled' }))).toEqual(['registered', 'cancelled']);
  });
});

describe('groups', () => {
  it('puts a missing or unknown gender under unknown and keeps prefer-not-to-say apart', () => {
    expect(genderGroup(null)).toBe('unknown');
    expect(genderGroup('martian')).toBe('unknown');
    expect(genderGroup('prefer-not-to-say')).toBe('prefer-not-to-say');
    expect(genderGroup('undisclosed')).toBe('prefer-not-to-say');
    expect(genderGroup('another')).toBe('another');
  });
  it('groups people without an organisation apart for type, size and women-led', () => {
    const person = reg({ organisation: null, countryIso2: null });
    expect(groupOf(person, 'organisationType')).toBe('no-organisation');
    expect(groupOf(person, 'size')).toBe('unknown');
    expect(groupOf(person, 'womenLed')).toBe('no-organisation');
    expect(groupOf(person, 'country')).toBe('unknown');
    expect(groupOf(reg({ organisation: org('cooperative', null, true) }), 'womenLed')).toBe('women-led');
  });
});

describe('eventStatistics', () => {
  const registrations = [
    reg({ checkedIn: true }),
    reg({ gender: 'man', countryIso2: 'EG', organisation: org('association', 'small', true), checkedIn: true }),
    reg({ gender: null, countryIso2: 'EG' }),
    reg({ status: 'waiting', gender: 'another', organisation: null }),
    reg({ status: 'cancelled', gender: 'woman' }),
    reg({ status: 'pending', gender: 'prefer-not-to-say', countryIso2: 'JO', organisation: org('enterprise', 'large') }),
  ];
  const invitations = [
    { gender: 'woman', countryIso2: 'TN', organisation: org('enterprise', 'micro') },
    { gender: 'woman', countryIso2: 'MA', organisation: null },
    { gender: null, countryIso2: 'EG', organisation: org('association', 'small', true) },
  ];
  const stats = eventStatistics(registrations, invitations);

  it('counts the funnel', () => {
    expect(stats.totals).toEqual({
      invited: 3,
      registered: 6,
      confirmed: 3,
      waiting: 1,
      pending: 1,
      cancelled: 1,
      declined: 0,
      attended: 2,
      noShow: 1,
    });
    expect(stats.womenAttendedPercent).toBe(50);
  });

  it('disaggregates by gender with every group listed, unknown included', () => {
    const byGender = Object.fromEntries(stats.breakdowns.gender.map((r) => [r.key, r.counts]));
    expect(Object.keys(byGender)).toEqual(['woman', 'man', 'another', 'prefer-not-to-say', 'unknown']);
    expect(byGender.woman).toMatchObject({ invited: 2, registered: 2, attended: 1, cancelled: 1, noShow: 0 });
    expect(byGender.unknown).toMatchObject({ invited: 1, registered: 1, noShow: 1, attended: 0 });
    expect(byGender.man).toMatchObject({ attended: 1 });
  });

  it('makes every breakdown add up to the totals', () => {
    for (const rows of Object.values(stats.breakdowns)) {
      for (const measure of ['invited', 'registered', 'attended', 'noShow'] as const) {
        expect(rows.reduce((sum, r) => sum + (r.counts[measure] ?? 0), 0)).toBe(stats.totals[measure]);
      }
    }
  });

  it('orders countries by code, unknown last, and lists people without an organisation apart', () => {
    expect(stats.breakdowns.country.map((r) => r.key)).toEqual(['EG', 'JO', 'MA', 'TN']);
    expect(stats.breakdowns.organisationType.map((r) => r.key)).toEqual(['association', 'enterprise', 'no-organisation']);
    const womenLed = Object.fromEntries(stats.breakdowns.womenLed.map((r) => [r.key, r.counts.registered]));
    expect(womenLed).toEqual({ 'women-led': 1, 'not-women-led': 4, 'no-organisation': 1 });
  });

  it('leaves invited null when invitations are not counted, and nobody attended gives no percentage', () => {
    const none = eventStatistics([reg({ eventEnded: false })], null);
    expect(none.totals.invited).toBeNull();
    expect(none.totals.noShow).toBe(0);
    expect(none.womenAttendedPercent).toBeNull();
    expect(none.breakdowns.gender[0]!.counts.invited).toBeNull();
  });

  it('gives shares only with a whole', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(1, 0)).toBeNull();
    expect(share(null, 3)).toBeNull();
  });
});
