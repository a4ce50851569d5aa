/**
 * Workshop outputs, pure (issue 5, item 5): where a participant's dots count in the priority
 * synthesis, the dots summed into the synthesis's workshop evidence, a participant's allocation
 * checked against the voting's number of dots, the results of one voting, and the comparison of
 * workshops (which challenge themes recur across them). No I/O.
 *
 * Attribution of a voter (decision for issue 5): the voter's dots count for
 *   1. the clusters the voter's organisation belongs to among the event's clusters (those of the
 *      first such cluster's country, by slug), in that country; else
 *   2. the voter's own country (the registration's, else the organisation's) with the event's
 *      clusters in that country (possibly none); else
 *   3. the event's country with its clusters there; else the country of the event's first cluster.
 * So a cross-border thematic workshop counts for each participating country's priorities, each
 * voter once. A voter who cannot be placed in any country (an online event with no clusters and
 * no country known) is left out of the synthesis (still in the workshop's own results).
 */
// biome-ignore lint/style/noRestrictedImports: the needs module's own synthesis (workshops/ is a folder of the needs module).
import { DEFAULT_MIN_GROUP_SIZE, protectCount } from '../synthesis/disclosure.ts';
// biome-ignore lint/style/noRestrictedImports: the needs module's own synthesis (workshops/ is a folder of the needs module).
import type { WorkshopVote } from '../synthesis/evidence.ts';

export interface ClusterRef {
  slug: string;
  country: string;
}

export interface Placement {
  clusters: string[];
  country: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where one voter's dots count (see the rules above), or null when no country is known. */
export function placeVoter(input: {
  /** Slugs of the clusters the voter's organisation is a member of (any, not only the event's). */
  memberships: readonly string[];
  voterCountry: string | null;
  eventClusters: readonly ClusterRef[];
  eventCountry: string | null;
}): Placement | null {
  const eventClusters = [...input.eventClusters].sort((a, b) => byText(a.slug, b.slug));
  const member = eventClusters.filter((c) => input.memberships.includes(c.slug));
  if (member.length > 0) {
    const country = member[0]!.country;
    return { clusters: member.filter((c) => c.country === country).map((c) => c.slug), country };
  }
  const country = input.voterCountry ?? input.eventCountry ?? eventClusters[0]?.country ?? null;
  if (!country) return null;
  return { clusters: eventClusters.filter((c) => c.country === country).map((c) => c.slug), country };
}

/** The dots of one voter on one challenge, with the challenge's theme and the voter's placement. */
export interface CastDots {
  eventId: string;
  eventSlug: string;
  theme: string;
  dots: number;
  placement: Placement | null;
}

/**
 * The synthesis's workshop evidence: dots summed per event, theme and voter placement (country and
 * clusters). Ids read `<event slug>:<theme>:<country>:<clusters joined by +>`, stable and sorted.
 */
export function workshopVotes(cast: readonly CastDots[]): WorkshopVote[] {
  const sums = new Map<string, WorkshopVote>();
  for (const c of cast) {
    if (!c.placement || c.dots <= 0) continue;
    const clusters = [...c.placement.clusters].sort(byText);
    const id = `${c.eventSlug}:${c.theme}:${c.placement.country}:${clusters.join('+')}`;
    const sum = sums.get(id) ?? { id, eventId: c.eventId, clusters, country: c.placement.country, theme: c.theme, votes: 0 };
    sum.votes += c.dots;
    sums.set(id, sum);
  }
  return [...sums.values()].sort((a, b) => byText(a.id, b.id));
}

/**
 * A participant's new allocation (challenge id to dots) checked against the voting: known
 * challenges only, whole dots from 0, at most `dots` in all. Returns the allocation without zeros,
 * or the reason it is refused.
 */
export function checkAllocation(
  allocation: Readonly<Record<string, number>>,
  challengeIds: readonly string[],
  dots: number,
): { ok: true; allocation: Record<string, number> } | { ok: false; reason: 'unknown-challenge' | 'too-many-dots' | 'invalid' } {
  const result: Record<string, number> = {};
  let total = 0;
  for (const [id, n] of Object.entries(allocation)) {
    if (!challengeIds.includes(id)) return { ok: false, reason: 'unknown-challenge' };
    if (!Number.isInteger(n) || n < 0) return { ok: false, reason: 'invalid' };
    total += n;
    if (n > 0) result[id] = n;
  }
  if (total > dots) return { ok: false, reason: 'too-many-dots' };
  return { ok: true, allocation: result };
}

/** One challenge's result in a voting: dots and the number of participants who gave it any. */
export interface ChallengeResult {
  challengeId: string;
  dots: number;
  voters: number;
  rank: number;
}

/** Results of a voting from its vote rows, every challenge listed (zeros too), most dots first; ties share a rank. */
export function votingResults(
  challengeIds: readonly string[],
  votes: readonly { challengeId: string; registrationId: string; dots: number }[],
): ChallengeResult[] {
  const acc = new Map(challengeIds.map((id) => [id, { dots: 0, voters: new Set<string>() }]));
  for (const v of votes) {
    const a = acc.get(v.challengeId);
    if (!a || v.dots <= 0) continue;
    a.dots += v.dots;
    a.voters.add(v.registrationId);
  }
  const order = new Map(challengeIds.map((id, i) => [id, i]));
  const sorted = [...acc.entries()]
    .map(([challengeId, a]) => ({ challengeId, dots: a.dots, voters: a.voters.size, rank: 0 }))
    .sort((a, b) => b.dots - a.dots || order.get(a.challengeId)! - order.get(b.challengeId)!);
  const ranked: ChallengeResult[] = [];
  for (const [i, r] of sorted.entries()) {
    const previous = ranked[i - 1];
    ranked.push({ ...r, rank: previous && previous.dots === r.dots ? previous.rank : i + 1 });
  }
  return ranked;
}

/** One workshop as the comparison reads it: its captured themes with the dots of its closed voting. */
export interface ComparedWorkshop {
  slug: string;
  title: Partial<Record<'ar' | 'fr' | 'en', string>>;
  startsAt: string;
  /** Countries of the clusters it gathered (else its venue's). */
  countries: string[];
  votingClosed: boolean;
  themes: { theme: string; dots: number; voters: number }[];
}

export interface ComparisonCell {
  workshop: string;
  /** Dots given to the theme's challenges there; null when not captured there, voting not closed yet, or hidden (`hidden`). */
  dots: number | null;
  captured: boolean;
  hidden: boolean;
}

export interface ComparisonRow {
  theme: string;
  /** Workshops where a challenge of the theme was captured, and their countries. */
  workshops: number;
  countries: string[];
  /** Dots over every workshop; null when hidden (a cell of the row is hidden). */
  dots: number | null;
  cells: ComparisonCell[];
}

export interface Comparison {
  workshops: Omit<ComparedWorkshop, 'themes'>[];
  rows: ComparisonRow[];
  minGroupSize: number;
}

/**
 * The theme × workshop matrix, themes sorted by recurrence: more workshops, then more countries,
 * then more dots, then code. Public figures (`minGroupSize` > 1): a cell's dots given by at least
 * one and fewer than `minGroupSize` participants are hidden, and so is the row's total (else it
 * would give the hidden cell away).
 */
export function compareWorkshops(workshops: readonly ComparedWorkshop[], options: { minGroupSize?: number } = {}): Comparison {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const sortedWorkshops = [...workshops].sort((a, b) => byText(a.startsAt, b.startsAt) || byText(a.slug, b.slug));
  const themes = new Set(sortedWorkshops.flatMap((w) => w.themes.map((t) => t.theme)));
  const rows: ComparisonRow[] = [];
  for (const theme of themes) {
    const countries = new Set<string>();
    let workshopsWithTheme = 0;
    let total = 0;
    let anyHidden = false;
    const cells: ComparisonCell[] = sortedWorkshops.map((w) => {
      const t = w.themes.find((x) => x.theme === theme);
      if (!t) return { workshop: w.slug, dots: null, captured: false, hidden: false };
      workshopsWithTheme += 1;
      for (const c of w.countries) countries.add(c);
      if (!w.votingClosed) return { workshop: w.slug, dots: null, captured: true, hidden: false };
      const hidden = protectCount(t.voters, { minGroupSize }).suppressed;
      anyHidden ||= hidden;
      total += t.dots;
      return { workshop: w.slug, dots: hidden ? null : t.dots, captured: true, hidden };
    });
    rows.push({ theme, workshops: workshopsWithTheme, countries: [...countries].sort(byText), dots: anyHidden ? null : total, cells });
  }
  const dotsOf = (r: ComparisonRow) => r.cells.reduce((s, c) => s + (c.dots ?? 0), 0);
  rows.sort(
    (a, b) => b.workshops - a.workshops || b.countries.length - a.countries.length || dotsOf(b) - dotsOf(a) || byText(a.theme, b.theme),
  );
  return { workshops: sortedWorkshops.map(({ themes: _themes, ...w }) => w), rows, minGroupSize };
}
