/**
 * An event's figures (issue 5, item 6), pure: the funnel from invited to attended, each measure
 * disaggregated by gender, country, organisation type, size class and women-led organisations.
 * Used for one event and, summed over many, for the programme-wide view.
 *
 * - `registered` counts every registration, whatever its status; the statuses are measures too.
 * - `attended`: checked in (whatever the status, a walk-in confirmed at the door included).
 * - `noShow`: confirmed, not checked in, and the event has ended (before the end nobody is one).
 * - `invited`: invitations sent; `null` where invitations are not counted.
 * Gender is self-declared; an answer outside the vocabulary, or none, counts as `unknown`.
 */

export const GENDER_GROUPS = ['woman', 'man', 'another', 'prefer-not-to-say', 'unknown'] as const;
export type GenderGroup = (typeof GENDER_GROUPS)[number];

export const SIZE_GROUPS = ['micro', 'small', 'medium', 'large', 'unknown'] as const;
export const WOMEN_LED_GROUPS = ['women-led', 'not-women-led', 'no-organisation'] as const;

export const MEASURES = [
  'invited',
  'registered',
  'confirmed',
  'waiting',
  'pending',
  'cancelled',
  'declined',
  'attended',
  'noShow',
] as const;
export type Measure = (typeof MEASURES)[number];

export const DIMENSIONS = ['gender', 'country', 'organisationType', 'size', 'womenLed'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A country, an organisation type: the group for people without one. */
export const UNKNOWN = 'unknown';
export const NO_ORGANISATION = 'no-organisation';

/** Who a registration or an invitation is, as the statistics see them. */
export interface Person {
  gender: string | null;
  countryIso2: string | null;
  /** Null when the person came without a directory organisation. */
  organisation: { type: string; sizeClass: string | null; womenLed: boolean } | null;
}

export interface StatRegistration extends Person {
  status: 'pending' | 'confirmed' | 'waiting' | 'declined' | 'cancelled';
  checkedIn: boolean;
  /** Whether the registration's event has ended (no-shows are counted only then). */
  eventEnded: boolean;
}

export type Counts = Record<Measure, number | null>;

export interface BreakdownRow {
  key: string;
  counts: Counts;
}

export interface EventStatistics {
  totals: Counts;
  breakdowns: Record<Dimension, BreakdownRow[]>;
  /** Women among those who attended, in percent (null when nobody attended). */
  womenAttendedPercent: number | null;
}

const GENDER_SET = new Set<string>(GENDER_GROUPS);
const SIZE_SET = new Set<string>(SIZE_GROUPS);

export function genderGroup(gender: string | null): GenderGroup {
  if (gender === 'undisclosed') return 'prefer-not-to-say';
  return gender && GENDER_SET.has(gender) ? (gender as GenderGroup) : 'unknown';
}

export function groupOf(person: Person, dimension: Dimension): string {
  switch (dimension) {
    case 'gender':
      return genderGroup(person.gender);
    case 'country':
      return person.countryIso2 ?? UNKNOWN;
    case 'organisationType':
      return person.organisation?.type ?? NO_ORGANISATION;
    case 'size':
      return person.organisation?.sizeClass && SIZE_SET.has(person.organisation.sizeClass) ? person.organisation.sizeClass : UNKNOWN;
    case 'womenLed':
      return person.organisation ? (person.organisation.womenLed ? 'women-led' : 'not-women-led') : NO_ORGANISATION;
  }
}

/** The measures a registration counts in. */
export function measuresOf(registration: StatRegistration): Measure[] {
  const measures: Measure[] = ['registered', registration.status];
  if (registration.checkedIn) measures.push('attended');
  else if (registration.status === 'confirmed' && registration.eventEnded) measures.push('noShow');
  return measures;
}

function emptyCounts(invitedCounted: boolean): Counts {
  const counts = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Counts;
  if (!invitedCounted) counts.invited = null;
  return counts;
}

function add(counts: Counts, measure: Measure): void {
  counts[measure] = (counts[measure] ?? 0) + 1;
}

/** Fixed groups first in their order (shown even when empty), then the others by key, `unknown` and `no-organisation` last. */
function orderedKeys(dimension: Dimension, seen: Set<string>): string[] {
  const fixed: readonly string[] =
    dimension === 'gender' ? GENDER_GROUPS : dimension === 'size' ? SIZE_GROUPS : dimension === 'womenLed' ? WOMEN_LED_GROUPS : [];
  const last = [UNKNOWN, NO_ORGANISATION];
  const others = [...seen].filter((k) => !fixed.includes(k) && !last.includes(k)).sort();
  const tail = dimension === 'country' || dimension === 'organisationType' ? last.filter((k) => seen.has(k)) : [];
  return [...fixed, ...others, ...tail];
}

/**
 * The statistics of the registrations (and invitations, when `invitations` is given: pass `null`
 * where invitations are not counted).
 */
export function eventStatistics(registrations: readonly StatRegistration[], invitations: readonly Person[] | null): EventStatistics {
  const invitedCounted = invitations !== null;
  const totals = emptyCounts(invitedCounted);
  const cells = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, Counts>()])) as Record<Dimension, Map<string, Counts>>;
  const count = (person: Person, measures: readonly Measure[]) => {
    for (const m of measures) add(totals, m);
    for (const d of DIMENSIONS) {
      const key = groupOf(person, d);
      let counts = cells[d].get(key);
      if (!counts) {
        counts = emptyCounts(invitedCounted);
        cells[d].set(key, counts);
      }
      for (const m of measures) add(counts, m);
    }
  };
  for (const r of registrations) count(r, measuresOf(r));
  for (const i of invitations ?? []) count(i, ['invited']);

  const breakdowns = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      orderedKeys(d, new Set(cells[d].keys())).map((key) => ({ key, counts: cells[d].get(key) ?? emptyCounts(invitedCounted) })),
    ]),
  ) as Record<Dimension, BreakdownRow[]>;
  const women = cells.gender.get('woman')?.attended ?? 0;
  const attended = totals.attended ?? 0;
  return { totals, breakdowns, womenAttendedPercent: attended > 0 ? (100 * women) / attended : null };
}

/** `part` of `whole` as a fraction (0..1), or null when there is no whole (for percentages formatted per locale). */
export function share(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}
