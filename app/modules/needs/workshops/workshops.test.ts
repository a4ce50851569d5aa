/**
 * Workshop outputs, pure: where a voter's dots count, the dots summed for the synthesis (and what
 * they change in the priority formula), allocations checked against the voting's dots, a voting's
 * results and the comparison of workshops.
 */
import { describe, expect, it } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: the needs module's own synthesis (workshops/ is a folder of the needs module).
import { prioritise } from '../synthesis/priority.ts';
import { type ComparedWorkshop, checkAllocation, compareWorkshops, placeVoter, votingResults, workshopVotes } from './workshops.ts';

const tunis = { slug: 'el-jem', country: 'TN' };
const nabeul = { slug: 'nabeul', country: 'TN' };
const fes = { slug: 'fes', country: 'MA' };
const cairo = { slug: 'cairo', country: 'EG' };
const thematic = [tunis, nabeul, fes, cairo];

describe('placeVoter', () => {
  it('places a member of one of the event’s clusters in that cluster and its country', () => {
    expect(placeVoter({ memberships: ['fes', 'other'], voterCountry: 'TN', eventClusters: thematic, eventCountry: 'TN' })).toEqual({
      clusters: ['fes'],
      country: 'MA',
    });
  });

  it('keeps the clusters of the first country (by slug) when the organisation belongs to several', () => {
    expect(
      placeVoter({ memberships: ['nabeul', 'el-jem', 'fes'], voterCountry: null, eventClusters: thematic, eventCountry: 'TN' }),
    ).toEqual({
      clusters: ['el-jem', 'nabeul'],
      country: 'TN',
    });
  });

  it('places a voter in no cluster of the event in their own country, with the event’s clusters there', () => {
    expect(placeVoter({ memberships: [], voterCountry: 'EG', eventClusters: thematic, eventCountry: 'TN' })).toEqual({
      clusters: ['cairo'],
      country: 'EG',
    });
    expect(placeVoter({ memberships: [], voterCountry: 'JO', eventClusters: thematic, eventCountry: 'TN' })).toEqual({
      clusters: [],
      country: 'JO',
    });
  });

  it('falls back on the event’s country, then on its first cluster’s, and gives up without any', () => {
    expect(placeVoter({ memberships: [], voterCountry: null, eventClusters: thematic, eventCountry: 'TN' })).toEqual({
      clusters: ['el-jem', 'nabeul'],
      country: 'TN',
    });
    expect(placeVoter({ memberships: [], voterCountry: null, eventClusters: [fes, cairo], eventCountry: null })).toEqual({
      clusters: ['cairo'],
      country: 'EG',
    });
    expect(placeVoter({ memberships: [], voterCountry: null, eventClusters: [], eventCountry: null })).toBeNull();
  });
});

describe('workshopVotes', () => {
  const tn = { clusters: ['el-jem'], country: 'TN' };
  const ma = { clusters: ['fes'], country: 'MA' };
  it('sums dots per event, theme and placement, leaves out unplaced voters and zeros, sorted by id', () => {
    const votes = workshopVotes([
      { eventId: 'e1', eventSlug: 'w1', theme: 'finance', dots: 2, placement: tn },
      { eventId: 'e1', eventSlug: 'w1', theme: 'finance', dots: 1, placement: tn },
      { eventId: 'e1', eventSlug: 'w1', theme: 'finance', dots: 3, placement: ma },
      { eventId: 'e1', eventSlug: 'w1', theme: 'markets', dots: 1, placement: tn },
      { eventId: 'e1', eventSlug: 'w1', theme: 'markets', dots: 4, placement: null },
      { eventId: 'e2', eventSlug: 'w2', theme: 'finance', dots: 0, placement: tn },
    ]);
    expect(votes).toEqual([
      { id: 'w1:finance:MA:fes', eventId: 'e1', clusters: ['fes'], country: 'MA', theme: 'finance', votes: 3 },
      { id: 'w1:finance:TN:el-jem', eventId: 'e1', clusters: ['el-jem'], country: 'TN', theme: 'finance', votes: 3 },
      { id: 'w1:markets:TN:el-jem', eventId: 'e1', clusters: ['el-jem'], country: 'TN', theme: 'markets', votes: 1 },
    ]);
  });

  it('counts a cross-border workshop for each country’s priorities, each voter once in the region', () => {
    const votes = workshopVotes([
      { eventId: 'e1', eventSlug: 'w1', theme: 'finance', dots: 3, placement: tn },
      { eventId: 'e1', eventSlug: 'w1', theme: 'markets', dots: 3, placement: ma },
      { eventId: 'e1', eventSlug: 'w1', theme: 'markets', dots: 1, placement: tn },
    ]);
    const tunisia = prioritise({ votes }, { kind: 'country', country: 'TN' });
    const morocco = prioritise({ votes }, { kind: 'country', country: 'MA' });
    const region = prioritise({ votes }, { kind: 'region' });
    expect(tunisia.priorities.map((p) => [p.theme, p.workshop?.votes])).toEqual([
      ['finance', 3],
      ['markets', 1],
    ]);
    expect(morocco.priorities.map((p) => [p.theme, p.workshop?.votes])).toEqual([['markets', 3]]);
    expect(region.votes).toBe(7);
    expect(region.priorities[0]).toMatchObject({ theme: 'markets', workshop: { votes: 4, maxVotes: 4, signal: 1 } });
  });

  it('moves a theme up a country’s ranking as the formula says when votes join survey evidence', () => {
    const survey = {
      base: [{ cluster: 'el-jem', country: 'TN', gender: null, size: null, respondents: 10 }],
      cells: [
        { theme: 'finance', cluster: 'el-jem', country: 'TN', gender: null, size: null, named: 6, severitySum: 18, severityAnswers: 6 },
        { theme: 'markets', cluster: 'el-jem', country: 'TN', gender: null, size: null, named: 5, severitySum: 15, severityAnswers: 5 },
      ],
    };
    const scope = { kind: 'country', country: 'TN' } as const;
    const before = prioritise({ survey }, scope);
    expect(before.priorities.map((p) => p.theme)).toEqual(['finance', 'markets']);
    const votes = workshopVotes([{ eventId: 'e1', eventSlug: 'w1', theme: 'markets', dots: 5, placement: tn }]);
    const after = prioritise({ survey, votes }, scope);
    // Survey weight 0.4/0.6 = ⅔, workshop ⅓; survey signals: finance 0.6·0.6 + 0.4·⅔ = 0.626667, markets 0.6·0.5 + 0.4·⅔ = 0.566667.
    // finance: 0.75·(⅔·0.626667) + 0.25·1 = 0.563333 → 56.3; markets: 0.75·(⅔·0.566667 + ⅓·1) + 0.25 = 0.783333 → 78.3.
    expect(after.priorities.map((p) => [p.theme, p.score, p.rank])).toEqual([
      ['markets', 78.3, 1],
      ['finance', 56.3, 2],
    ]);
  });
});

describe('checkAllocation', () => {
  it('accepts up to the dots, several on one challenge, and drops zeros', () => {
    expect(checkAllocation({ a: 2, b: 1, c: 0 }, ['a', 'b', 'c'], 3)).toEqual({ ok: true, allocation: { a: 2, b: 1 } });
    expect(checkAllocation({ a: 3 }, ['a'], 3)).toEqual({ ok: true, allocation: { a: 3 } });
    expect(checkAllocation({}, ['a'], 3)).toEqual({ ok: true, allocation: {} });
  });

  it('refuses more dots than the voting gives, unknown challenges and negative or fractional dots', () => {
    expect(checkAllocation({ a: 2, b: 2 }, ['a', 'b'], 3)).toEqual({ ok: false, reason: 'too-many-dots' });
    expect(checkAllocation({ z: 1 }, ['a'], 3)).toEqual({ ok: false, reason: 'unknown-challenge' });
    expect(checkAllocation({ a: -1 }, ['a'], 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkAllocation({ a: 1.5 }, ['a'], 3)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('votingResults', () => {
  it('lists every challenge with its dots and voters, most dots first, ties sharing a rank in capture order', () => {
    const results = votingResults(
      ['a', 'b', 'c', 'd'],
      [
        { challengeId: 'b', registrationId: 'r1', dots: 2 },
        { challengeId: 'c', registrationId: 'r1', dots: 1 },
        { challengeId: 'c', registrationId: 'r2', dots: 1 },
        { challengeId: 'a', registrationId: 'r2', dots: 1 },
        { challengeId: 'x', registrationId: 'r2', dots: 9 },
      ],
    );
    expect(results).toEqual([
      { challengeId: 'b', dots: 2, voters: 1, rank: 1 },
      { challengeId: 'c', dots: 2, voters: 2, rank: 1 },
      { challengeId: 'a', dots: 1, voters: 1, rank: 3 },
      { challengeId: 'd', dots: 0, voters: 0, rank: 4 },
    ]);
  });
});

describe('compareWorkshops', () => {
  const w = (
    slug: string,
    startsAt: string,
    countries: string[],
    themes: ComparedWorkshop['themes'],
    votingClosed = true,
  ): ComparedWorkshop => ({
    slug,
    title: { en: slug },
    startsAt,
    countries,
    votingClosed,
    themes,
  });
  const workshops = [
    w(
      'w2',
      '2026-03-01',
      ['MA'],
      [
        { theme: 'finance', dots: 12, voters: 6 },
        { theme: 'design', dots: 2, voters: 2 },
      ],
    ),
    w(
      'w1',
      '2026-02-01',
      ['TN', 'EG'],
      [
        { theme: 'finance', dots: 9, voters: 5 },
        { theme: 'markets', dots: 20, voters: 9 },
      ],
    ),
    w('w3', '2026-04-01', ['TN'], [{ theme: 'design', dots: 0, voters: 0 }], false),
  ];

  it('sorts themes by workshops, then countries, then dots; workshops by date; staff see every figure', () => {
    const c = compareWorkshops(workshops, { minGroupSize: 1 });
    expect(c.workshops.map((x) => x.slug)).toEqual(['w1', 'w2', 'w3']);
    expect(c.rows.map((r) => [r.theme, r.workshops, r.countries, r.dots])).toEqual([
      ['finance', 2, ['EG', 'MA', 'TN'], 21],
      ['design', 2, ['MA', 'TN'], 2],
      ['markets', 1, ['EG', 'TN'], 20],
    ]);
    expect(c.rows[1]!.cells).toEqual([
      { workshop: 'w1', dots: null, captured: false, hidden: false },
      { workshop: 'w2', dots: 2, captured: true, hidden: false },
      { workshop: 'w3', dots: null, captured: true, hidden: false },
    ]);
  });

  it('hides, in public, the dots of fewer than five voters and the total of their row', () => {
    const c = compareWorkshops(workshops);
    const design = c.rows.find((r) => r.theme === 'design')!;
    expect(design.cells[1]).toEqual({ workshop: 'w2', dots: null, captured: true, hidden: true });
    expect(design.dots).toBeNull();
    const finance = c.rows.find((r) => r.theme === 'finance')!;
    expect(finance.dots).toBe(21);
    expect(c.minGroupSize).toBe(5);
  });
});
