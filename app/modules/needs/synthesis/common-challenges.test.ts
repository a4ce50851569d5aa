/**
 * Common challenges on the hand-computed fixture (synthesis.fixture.ts). Where each theme is present:
 * | theme | clusters (country) | clusters | countries |
 * |---|---|---|---|
 * | A | el-jem, nabeul (TN), fes (MA; unendorsed challenge c4 and survey r9 r10) | 3 | 2 |
 * | M | el-jem, nabeul (TN), fes, safi (MA) | 4 | 2 |
 * | S | el-jem, nabeul (TN) | 2 | 1 |
 * | R | fes, safi (MA) | 2 | 1 |
 * | D, T | fes | 1 | 1 |
 * | I | el-jem | 1 | 1 |
 */
import { describe, expect, it } from 'vitest';
import { findCommonChallenges } from './common-challenges.ts';
import { tallySurvey } from './evidence.ts';
import { A, D, FIXTURE, I, M, R, S, T } from './synthesis.fixture.ts';

const themes = (options?: Parameters<typeof findCommonChallenges>[1]) => findCommonChallenges(FIXTURE, options).map((c) => c.theme);

describe('findCommonChallenges', () => {
  it('keeps themes in at least 3 clusters across at least 2 countries by default, with their clusters and countries', () => {
    expect(findCommonChallenges(FIXTURE)).toEqual([
      {
        theme: M,
        clusters: [
          { cluster: 'el-jem', country: 'TN' },
          { cluster: 'fes', country: 'MA' },
          { cluster: 'nabeul', country: 'TN' },
          { cluster: 'safi', country: 'MA' },
        ],
        countries: ['MA', 'TN'],
      },
      {
        theme: A,
        clusters: [
          { cluster: 'el-jem', country: 'TN' },
          { cluster: 'fes', country: 'MA' },
          { cluster: 'nabeul', country: 'TN' },
        ],
        countries: ['MA', 'TN'],
      },
    ]);
  });

  it('follows N and M', () => {
    expect(themes({ minClusters: 4, minCountries: 2 })).toEqual([M]);
    expect(themes({ minClusters: 2, minCountries: 1 })).toEqual([M, A, R, S]);
    expect(themes({ minClusters: 1, minCountries: 1 })).toEqual([M, A, R, S, D, I, T]);
    expect(themes({ minClusters: 2, minCountries: 3 })).toEqual([]);
  });

  it('can count diagnostics only, endorsed only, or require several respondents per cluster', () => {
    // Diagnostics only: A is in el-jem and fes (2 clusters), M in nabeul and safi.
    expect(themes({ sources: ['diagnostic'], minClusters: 2 })).toEqual([A, M]);
    // Endorsed only: fes's A (c4) is unendorsed, so A is in el-jem only.
    expect(themes({ sources: ['diagnostic'], minClusters: 2, endorsedOnly: true })).toEqual([M]);
    // Two respondents per cluster: A (r1 r2 r3 in el-jem, r9 r10 in fes) and M (r5 r6 in nabeul, r9 r11 in fes).
    expect(themes({ sources: ['survey'], minMentions: 2, minClusters: 2 })).toEqual([A, M]);
    expect(themes({ sources: ['survey'], minMentions: 3, minClusters: 1, minCountries: 1 })).toEqual([A]);
  });

  it('reads the survey tally as it reads the mentions', () => {
    const tallied = { challenges: FIXTURE.challenges, survey: tallySurvey(FIXTURE) };
    for (const options of [
      {},
      { sources: ['survey'] as const, minMentions: 2, minClusters: 2 },
      { minMentions: 3, minClusters: 1, minCountries: 1 },
    ]) {
      expect(findCommonChallenges(tallied, options)).toEqual(findCommonChallenges(FIXTURE, options));
    }
    expect(
      findCommonChallenges(tallied, { sources: ['survey'], minMentions: 3, minClusters: 1, minCountries: 1 }).map((c) => c.theme),
    ).toEqual([A]);
  });

  it('counts workshop votes for every cluster of the workshop', () => {
    const votes = [{ id: 'v1', eventId: 'w1', clusters: ['fes', 'safi'], country: 'MA', theme: S, votes: 3 }];
    expect(findCommonChallenges({ ...FIXTURE, votes }).map((c) => [c.theme, c.clusters.length])).toEqual([
      [M, 4],
      [S, 4],
      [A, 3],
    ]);
  });
});
