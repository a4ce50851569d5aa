import { describe, expect, it } from 'vitest';
import { type BalanceEntry, computeBalance, genderGroup, isBelowTarget, womenMissing } from './invitation-balance.ts';

function entry(gender: string | null, extra: Partial<BalanceEntry> = {}): BalanceEntry {
  return { gender, womenLed: false, countryIso2: 'TN', organisationType: 'company', sizeClass: 'micro', ...extra };
}

describe('invitation balance', () => {
  it('groups the directory genders, anything else unknown', () => {
    expect(genderGroup('woman')).toBe('women');
    expect(genderGroup('man')).toBe('men');
    expect(genderGroup('another')).toBe('other');
    expect(genderGroup('prefer-not-to-say')).toBe('unknown');
    expect(genderGroup(null)).toBe('unknown');
    expect(genderGroup('Woman')).toBe('unknown');
  });

  it('counts genders, women-led organisations, countries, types and sizes with shares of the total', () => {
    const balance = computeBalance(
      [
        entry('woman', { womenLed: true, countryIso2: 'DZ' }),
        entry('man', { countryIso2: 'MA', organisationType: 'cooperative', sizeClass: null }),
        entry('man'),
        entry(null, { womenLed: true }),
      ],
      40,
    );
    expect(balance.total).toBe(4);
    expect(balance.gender.women).toEqual({ key: 'women', count: 1, percent: 25 });
    expect(balance.gender.men).toEqual({ key: 'men', count: 2, percent: 50 });
    expect(balance.gender.other.count).toBe(0);
    expect(balance.gender.unknown).toEqual({ key: 'unknown', count: 1, percent: 25 });
    expect(balance.womenLed).toEqual({ key: 'women-led', count: 2, percent: 50 });
    expect(balance.countries).toEqual([
      { key: 'TN', count: 2, percent: 50 },
      { key: 'DZ', count: 1, percent: 25 },
      { key: 'MA', count: 1, percent: 25 },
    ]);
    expect(balance.organisationTypes[0]).toEqual({ key: 'company', count: 3, percent: 75 });
    expect(balance.sizeClasses).toContainEqual({ key: '', count: 1, percent: 25 });
    expect(balance.belowTarget).toBe(true);
    // (1 + n) / (4 + n) >= 40 % needs n = 1: 2 of 5.
    expect(balance.womenMissing).toBe(1);
  });

  it('an empty list never warns and has no shares', () => {
    const balance = computeBalance([], 40);
    expect(balance.total).toBe(0);
    expect(balance.belowTarget).toBe(false);
    expect(balance.gender.women.percent).toBe(0);
    expect(balance.countries).toEqual([]);
  });

  it('exactly at the target does not warn; one short does, with no rounding up to the target', () => {
    expect(isBelowTarget(2, 5, 40)).toBe(false);
    expect(isBelowTarget(4, 10, 40)).toBe(false);
    expect(isBelowTarget(3, 10, 40)).toBe(true);
    // 399 of 1000 is 39.9 %: shown as 40 % but still below.
    expect(isBelowTarget(399, 1000, 40)).toBe(true);
    const balance = computeBalance(
      [...Array.from({ length: 399 }, () => entry('woman')), ...Array.from({ length: 601 }, () => entry('man'))],
      40,
    );
    expect(balance.gender.women.percent).toBe(40);
    expect(balance.belowTarget).toBe(true);
    expect(balance.womenMissing).toBe(2);
  });

  it('a target of 0 never warns; a target of 100 warns for any man or unknown', () => {
    expect(computeBalance([entry('man')], 0).belowTarget).toBe(false);
    expect(computeBalance([entry('woman'), entry(null)], 100).belowTarget).toBe(true);
    expect(computeBalance([entry('woman')], 100).belowTarget).toBe(false);
    expect(womenMissing(1, 2, 100)).toBeNull();
  });

  it('unknown genders count in the total: a list of unknowns is below the target', () => {
    const balance = computeBalance([entry(null), entry('prefer-not-to-say')], 40);
    expect(balance.gender.unknown.count).toBe(2);
    expect(balance.belowTarget).toBe(true);
  });

  it('womenMissing is the smallest number that reaches the target', () => {
    for (const [women, total, target] of [
      [0, 7, 40],
      [3, 10, 50],
      [1, 9, 33],
      [0, 1, 99],
    ] as const) {
      const n = womenMissing(women, total, target) ?? Number.NaN;
      expect(isBelowTarget(women + n, total + n, target)).toBe(false);
      expect(isBelowTarget(women + n - 1, total + n - 1, target)).toBe(true);
    }
  });
});
