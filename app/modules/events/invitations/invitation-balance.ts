/**
 * The balance of an invitation list (issue 5, item 2): counts and shares by the invited person's
 * gender (women, men, other, unknown), women-led organisations, country, organisation type and
 * size class, and whether women fall below the event's target.
 *
 * Shares are of every entry counted (unknown genders included): an entry whose gender is not known
 * cannot be counted as a woman, so a list of unknowns warns until genders are known or women are
 * added. Revoked entries are not counted. Integer arithmetic decides the warning (no rounding
 * makes 39.99 % pass a 40 % target).
 */

export type GenderGroup = 'women' | 'men' | 'other' | 'unknown';
export const GENDER_GROUPS: readonly GenderGroup[] = ['women', 'men', 'other', 'unknown'];

/** What the balance reads of an entry. */
export interface BalanceEntry {
  gender: string | null;
  womenLed: boolean;
  countryIso2: string | null;
  organisationType: string | null;
  sizeClass: string | null;
}

export interface Share {
  key: string;
  count: number;
  /** Whole percent of the total, rounded half up (for display only). */
  percent: number;
}

export interface InvitationBalance {
  total: number;
  gender: Record<GenderGroup, Share>;
  womenLed: Share;
  countries: Share[];
  organisationTypes: Share[];
  sizeClasses: Share[];
  targetPercent: number;
  /** True when the list has entries and women are below the target. */
  belowTarget: boolean;
  /** Women to add (with nobody else) for the list to reach the target; 0 when it does; null when adding women cannot reach it (100 % with anyone else listed). */
  womenMissing: number | null;
}

/** The directory's self-declared vocabulary (woman, man, another, prefer-not-to-say) in the balance's groups. */
export function genderGroup(gender: string | null | undefined): GenderGroup {
  if (gender === 'woman') return 'women';
  if (gender === 'man') return 'men';
  if (gender === 'another') return 'other';
  return 'unknown';
}

export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count * 100) / total);
}

/** Below the target: women × 100 < target × total, for a non-empty list. */
export function isBelowTarget(women: number, total: number, targetPercent: number): boolean {
  return total > 0 && women * 100 < targetPercent * total;
}

/** The smallest number of women to add so that (women + n) × 100 ≥ target × (total + n); null when no number does. */
export function womenMissing(women: number, total: number, targetPercent: number): number | null {
  if (!isBelowTarget(women, total, targetPercent)) return 0;
  if (targetPercent >= 100) return null;
  return Math.ceil((targetPercent * total - women * 100) / (100 - targetPercent));
}

function shares(counts: Map<string, number>, total: number): Share[] {
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count, percent: percentOf(count, total) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function tally(map: Map<string, number>, key: string | null): void {
  const k = key ?? '';
  map.set(k, (map.get(k) ?? 0) + 1);
}

export function computeBalance(entries: readonly BalanceEntry[], targetPercent: number): InvitationBalance {
  const total = entries.length;
  const genders: Record<GenderGroup, number> = { women: 0, men: 0, other: 0, unknown: 0 };
  let womenLed = 0;
  const countries = new Map<string, number>();
  const types = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const entry of entries) {
    genders[genderGroup(entry.gender)] += 1;
    if (entry.womenLed) womenLed += 1;
    tally(countries, entry.countryIso2);
    tally(types, entry.organisationType);
    tally(sizes, entry.sizeClass);
  }
  const gender = Object.fromEntries(
    GENDER_GROUPS.map((group) => [group, { key: group, count: genders[group], percent: percentOf(genders[group], total) }]),
  ) as Record<GenderGroup, Share>;
  return {
    total,
    gender,
    womenLed: { key: 'women-led', count: womenLed, percent: percentOf(womenLed, total) },
    countries: shares(countries, total),
    organisationTypes: shares(types, total),
    sizeClasses: shares(sizes, total),
    targetPercent,
    belowTarget: isBelowTarget(genders.women, total, targetPercent),
    womenMissing: womenMissing(genders.women, total, targetPercent),
  };
}
