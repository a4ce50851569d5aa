import { describe, expect, it } from 'vitest';
import {
  MIN_TWIN_SCORE,
  matchStrength,
  rankTwins,
  scoreTwin,
  TWIN_WEIGHTS,
  type TwinProfile,
  type TwinReason,
  type TwinTaxonomy,
  twinReasons,
} from './twins.ts';

const taxonomy: TwinTaxonomy = {
  familyOf: new Map([
    ['fashion', 'design-industries'],
    ['habitat', 'design-industries'],
    ['heritage', 'live-culture'],
    ['music', 'cultural-media'],
  ]),
};

function profile(overrides: Partial<TwinProfile> & Pick<TwinProfile, 'slug'>): TwinProfile {
  return {
    kind: 'cluster',
    countryIso2: 'LB',
    subsectorCodes: [],
    materialCodes: [],
    markets: [],
    valueChainRoles: [],
    workingLanguages: [],
    type: null,
    sizeClass: null,
    ...overrides,
  };
}

const batna = profile({ slug: 'batna-jewellery', countryIso2: 'DZ', subsectorCodes: ['fashion'], materialCodes: ['silver', 'enamel'] });

function codes(reasons: readonly TwinReason[]) {
  return reasons.map((reason) => reason.code);
}

describe('twinReasons', () => {
  it('names the shared subsector and materials of two jewellery clusters in different countries', () => {
    const bourjHammoud = profile({ slug: 'bourj-hammoud-jewellery', subsectorCodes: ['fashion'], materialCodes: ['gold', 'silver'] });
    expect(twinReasons(batna, bourjHammoud, taxonomy)).toEqual([
      { code: 'same-subsector', points: 40, subsectors: ['fashion'] },
      { code: 'shared-materials', points: 10, materials: ['silver'] },
    ]);
  });

  it('gives nothing to a candidate in the same country, however close', () => {
    const sameCountry = profile({ slug: 'algiers-jewellery', countryIso2: 'DZ', subsectorCodes: ['fashion'], materialCodes: ['silver'] });
    expect(twinReasons(batna, sameCountry, taxonomy)).toEqual([]);
    expect(scoreTwin(batna, sameCountry, taxonomy)).toBeNull();
  });

  it('falls back to the family when no subsector is shared', () => {
    const furniture = profile({ slug: 'tripoli-furniture', subsectorCodes: ['habitat'], materialCodes: ['silver'] });
    expect(codes(twinReasons(batna, furniture, taxonomy))).toEqual(['same-family', 'shared-materials']);
    expect(twinReasons(batna, furniture, taxonomy)[0]).toEqual({ code: 'same-family', points: 15, families: ['design-industries'] });
  });

  it('caps the points of shared materials', () => {
    const source = profile({ slug: 'a', countryIso2: 'PS', materialCodes: ['wood', 'ceramics', 'glass', 'embroidery', 'olive-wood'] });
    const candidate = profile({ slug: 'b', countryIso2: 'MA', materialCodes: ['olive-wood', 'glass', 'embroidery', 'wood'] });
    const [materials] = twinReasons(source, candidate, taxonomy);
    expect(materials).toEqual({
      code: 'shared-materials',
      points: TWIN_WEIGHTS.sharedMaterialsMax,
      materials: ['embroidery', 'glass', 'olive-wood', 'wood'],
    });
  });

  it('pairs a producer with an exporter or a buyer, not with another producer', () => {
    const producer = profile({ slug: 'p', countryIso2: 'TN', kind: 'organisation', valueChainRoles: ['production'] });
    const exporter = profile({ slug: 'e', countryIso2: 'MA', kind: 'organisation', valueChainRoles: ['export', 'production'] });
    const buyer = profile({ slug: 'b', countryIso2: 'MA', kind: 'organisation', type: 'buyer' });
    const otherProducer = profile({ slug: 'o', countryIso2: 'MA', kind: 'organisation', valueChainRoles: ['production'] });
    expect(twinReasons(producer, exporter, taxonomy)).toContainEqual({
      code: 'complementary-value-chain',
      points: 10,
      pairs: [{ source: 'production', twin: 'export' }],
    });
    expect(twinReasons(producer, buyer, taxonomy)).toContainEqual({
      code: 'complementary-value-chain',
      points: 10,
      pairs: [{ source: 'production', twin: 'distribution' }],
    });
    expect(codes(twinReasons(producer, otherProducer, taxonomy))).not.toContain('complementary-value-chain');
  });

  it('prefers markets the source does not reach yet over markets both export to, and ignores home markets', () => {
    const source = profile({ slug: 's', countryIso2: 'DZ', markets: ['national', 'europe'] });
    const opens = profile({ slug: 'o', markets: ['europe', 'gulf', 'national'] });
    const same = profile({ slug: 'm', markets: ['europe', 'local'] });
    const home = profile({ slug: 'h', markets: ['national', 'local'] });
    expect(twinReasons(source, opens, taxonomy)).toEqual([
      { code: 'complementary-markets', points: 10, newMarkets: ['gulf'], sharedExportMarkets: ['europe'] },
    ]);
    expect(twinReasons(source, same, taxonomy)).toEqual([
      { code: 'complementary-markets', points: 5, newMarkets: [], sharedExportMarkets: ['europe'] },
    ]);
    expect(twinReasons(source, home, taxonomy)).toEqual([]);
  });

  it('names shared working languages and equal size classes', () => {
    const source = profile({ slug: 's', countryIso2: 'DZ', kind: 'organisation', workingLanguages: ['ar', 'fr'], sizeClass: 'micro' });
    const candidate = profile({ slug: 'c', kind: 'organisation', workingLanguages: ['fr', 'en', 'ar'], sizeClass: 'micro' });
    expect(twinReasons(source, candidate, taxonomy)).toEqual([
      { code: 'shared-language', points: 5, languages: ['ar', 'fr'] },
      { code: 'similar-size', points: 5, sizeClass: 'micro' },
    ]);
  });
});

describe('scoreTwin', () => {
  it('adds up the points of every reason', () => {
    const source = profile({
      slug: 's',
      countryIso2: 'DZ',
      kind: 'organisation',
      subsectorCodes: ['fashion'],
      materialCodes: ['silver', 'enamel'],
      valueChainRoles: ['production'],
      markets: ['national'],
      workingLanguages: ['fr'],
      sizeClass: 'small',
    });
    const candidate = profile({
      slug: 'c',
      kind: 'organisation',
      subsectorCodes: ['fashion'],
      materialCodes: ['silver', 'enamel', 'gold'],
      valueChainRoles: ['export'],
      markets: ['europe'],
      workingLanguages: ['fr', 'ar'],
      sizeClass: 'small',
    });
    expect(scoreTwin(source, candidate, taxonomy)?.score).toBe(40 + 20 + 10 + 10 + 5 + 5);
  });

  it('is not a twin with only a shared language and market, however many', () => {
    const source = profile({
      slug: 's',
      countryIso2: 'DZ',
      subsectorCodes: ['music'],
      workingLanguages: ['ar', 'fr', 'en'],
      markets: ['europe'],
    });
    const candidate = profile({
      slug: 'c',
      subsectorCodes: ['fashion'],
      workingLanguages: ['ar', 'fr', 'en'],
      markets: ['europe', 'gulf'],
    });
    expect(twinReasons(source, candidate, taxonomy).map((r) => r.code)).toEqual(['complementary-markets', 'shared-language']);
    expect(scoreTwin(source, candidate, taxonomy)).toBeNull();
  });

  it('excludes a candidate whose only craft reason is too weak', () => {
    const source = profile({ slug: 's', countryIso2: 'DZ', subsectorCodes: ['fashion'], workingLanguages: ['fr'] });
    const sameFamilyOnly = profile({ slug: 'c', subsectorCodes: ['habitat'], workingLanguages: ['fr'] });
    expect(TWIN_WEIGHTS.sameFamily + TWIN_WEIGHTS.sharedLanguage).toBeLessThan(MIN_TWIN_SCORE);
    expect(scoreTwin(source, sameFamilyOnly, taxonomy)).toBeNull();
    const withMarkets = { ...sameFamilyOnly, markets: ['europe' as const] };
    expect(scoreTwin(source, withMarkets, taxonomy)?.score).toBe(15 + 10 + 5);
  });
});

describe('rankTwins', () => {
  it('ranks by score, never returns the source, and breaks ties by craft points, kind and slug', () => {
    const candidates = [
      profile({ slug: 'z-weak', subsectorCodes: ['habitat'], materialCodes: ['silver'] }),
      profile({ slug: 'b-strong', subsectorCodes: ['fashion'], materialCodes: ['silver', 'enamel'] }),
      profile({ slug: 'a-org-tie', kind: 'organisation', subsectorCodes: ['fashion'], materialCodes: ['silver'] }),
      profile({ slug: 'c-tie', subsectorCodes: ['fashion'], materialCodes: ['silver'] }),
      profile({ slug: 'a-tie', subsectorCodes: ['fashion'], materialCodes: ['silver'] }),
      profile({ slug: 'm-tie-less-craft', subsectorCodes: ['fashion'], markets: ['europe'] }),
      profile({ slug: 'stranger', subsectorCodes: ['music'] }),
      batna,
    ];
    const ranked = rankTwins(batna, candidates, taxonomy);
    expect(ranked.map((twin) => [twin.profile.slug, twin.score])).toEqual([
      ['b-strong', 60],
      ['a-tie', 50],
      ['c-tie', 50],
      ['a-org-tie', 50],
      ['m-tie-less-craft', 50],
      ['z-weak', 25],
    ]);
  });

  it('gives the same order whatever the order of the candidates', () => {
    const candidates = ['d', 'a', 'c', 'b'].map((slug) => profile({ slug, subsectorCodes: ['fashion'] }));
    const forward = rankTwins(batna, candidates, taxonomy).map((twin) => twin.profile.slug);
    const backward = rankTwins(batna, [...candidates].reverse(), taxonomy).map((twin) => twin.profile.slug);
    expect(forward).toEqual(['a', 'b', 'c', 'd']);
    expect(backward).toEqual(forward);
  });
});

describe('matchStrength', () => {
  it('puts the score in words', () => {
    expect([25, 49, 50, 69, 70, 100].map(matchStrength)).toEqual(['possible', 'possible', 'good', 'good', 'strong', 'strong']);
  });
});
