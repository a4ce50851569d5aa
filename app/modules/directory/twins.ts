/**
 * The twins finder's scoring: given a source profile (a cluster or an organisation) and candidate
 * profiles, keep the candidates in ANOTHER country that share the same craft and rank them, each
 * with the reasons it was chosen and their evidence. Pure: the service loads the profiles, the
 * pages, the API and the exports turn reasons into sentences in the reader's language.
 *
 * Weights (points, 100 at most). The craft dominates: what a twin makes (subsector) and what it
 * makes it from (materials and techniques) carry 70 of the 100 points; the rest says how well two
 * twins would work together (value chain, markets, language, size).
 * - same-subsector            40  at least one subsector in common
 * - same-family               15  no subsector in common, but one of the same family (fashion and habitat)
 * - shared-materials          10 per shared material or technique, 30 at most
 * - complementary-value-chain 10  the twin holds a position the source lacks and that complements
 *                                 one it holds (a producer and an exporter, a buyer or a designer)
 * - complementary-markets     10  the twin sells abroad where the source does not yet;
 *                              5  otherwise, when both export to the same market
 * - shared-language            5  a working language in common
 * - similar-size               5  two organisations of the same size class
 * A candidate is a twin only with a craft reason (subsector, family or materials) AND at least
 * MIN_TWIN_SCORE points, so a shared language or market alone never makes a twin.
 * Order: score, then craft points, then kind (clusters first), then slug: deterministic.
 */
import type { Market, OrganisationType, SizeClass, ValueChainRole } from './directory.vocabulary.ts';

export const TWIN_WEIGHTS = {
  sameSubsector: 40,
  sameFamily: 15,
  perSharedMaterial: 10,
  sharedMaterialsMax: 30,
  complementaryValueChain: 10,
  newMarkets: 10,
  sharedExportMarkets: 5,
  sharedLanguage: 5,
  similarSize: 5,
} as const;

export const MIN_TWIN_SCORE = 25;

export type TwinKind = 'cluster' | 'organisation';

/** What the finder compares. A cluster's profile is its own fields plus its members' (see the service). */
export interface TwinProfile {
  kind: TwinKind;
  slug: string;
  countryIso2: string;
  subsectorCodes: readonly string[];
  materialCodes: readonly string[];
  markets: readonly Market[];
  valueChainRoles: readonly ValueChainRole[];
  /** ISO 639-1 codes. */
  workingLanguages: readonly string[];
  /** Organisations only. */
  type: OrganisationType | null;
  sizeClass: SizeClass | null;
}

/** The source's role and the twin's role that complement each other. */
export interface ValueChainPair {
  source: ValueChainRole;
  twin: ValueChainRole;
}

export type TwinReason =
  | { code: 'same-subsector'; points: number; subsectors: string[] }
  | { code: 'same-family'; points: number; families: string[] }
  | { code: 'shared-materials'; points: number; materials: string[] }
  | { code: 'complementary-value-chain'; points: number; pairs: ValueChainPair[] }
  | { code: 'complementary-markets'; points: number; newMarkets: Market[]; sharedExportMarkets: Market[] }
  | { code: 'shared-language'; points: number; languages: string[] }
  | { code: 'similar-size'; points: number; sizeClass: SizeClass };

export type TwinReasonCode = TwinReason['code'];

export const TWIN_REASON_CODES = [
  'same-subsector',
  'same-family',
  'shared-materials',
  'complementary-value-chain',
  'complementary-markets',
  'shared-language',
  'similar-size',
] as const satisfies readonly TwinReasonCode[];

export interface RankedTwin<P extends TwinProfile = TwinProfile> {
  profile: P;
  /** 0 to 100. */
  score: number;
  reasons: TwinReason[];
}

/** The taxonomy the scoring needs: the family of each subsector. */
export interface TwinTaxonomy {
  familyOf: ReadonlyMap<string, string>;
}

/** Pairs of positions in a craft's value chain that work together, in both directions. */
const COMPLEMENTARY_ROLES: ReadonlyArray<readonly [ValueChainRole, ValueChainRole]> = [
  ['raw-materials', 'production'],
  ['design', 'production'],
  ['production', 'distribution'],
  ['production', 'retail'],
  ['production', 'export'],
  ['design', 'retail'],
  ['services', 'production'],
  ['training', 'production'],
];

/** Home markets say nothing across borders ("national" in Algeria is not "national" in Lebanon). */
const EXPORT_MARKETS: ReadonlySet<Market> = new Set<Market>(['maghreb', 'middle-east', 'gulf', 'africa', 'europe', 'americas', 'asia']);

const CRAFT_REASONS: ReadonlySet<TwinReasonCode> = new Set<TwinReasonCode>(['same-subsector', 'same-family', 'shared-materials']);

function shared<T>(a: readonly T[], b: readonly T[]): T[] {
  const inB = new Set(b);
  return [...new Set(a)].filter((value) => inB.has(value)).sort();
}

/** A buyer is at the market end of the chain even when it declares no position. */
function rolesOf(profile: TwinProfile): Set<ValueChainRole> {
  const roles = new Set(profile.valueChainRoles);
  if (profile.type === 'buyer') roles.add('distribution');
  return roles;
}

function complementaryPairs(source: TwinProfile, twin: TwinProfile): ValueChainPair[] {
  const sourceRoles = rolesOf(source);
  const twinRoles = rolesOf(twin);
  const pairs: ValueChainPair[] = [];
  for (const [a, b] of COMPLEMENTARY_ROLES) {
    for (const [mine, theirs] of [
      [a, b],
      [b, a],
    ] as const) {
      if (sourceRoles.has(mine) && twinRoles.has(theirs) && !sourceRoles.has(theirs)) pairs.push({ source: mine, twin: theirs });
    }
  }
  return pairs.sort((x, y) => x.source.localeCompare(y.source) || x.twin.localeCompare(y.twin));
}

function familiesOf(subsectors: readonly string[], taxonomy: TwinTaxonomy): string[] {
  return subsectors.flatMap((code) => {
    const family = taxonomy.familyOf.get(code);
    return family ? [family] : [];
  });
}

/** Why `candidate` is a twin of `source`, strongest reasons first; empty when it is in the same country. */
export function twinReasons(source: TwinProfile, candidate: TwinProfile, taxonomy: TwinTaxonomy): TwinReason[] {
  if (candidate.countryIso2 === source.countryIso2) return [];
  const reasons: TwinReason[] = [];

  const subsectors = shared(source.subsectorCodes, candidate.subsectorCodes);
  if (subsectors.length > 0) {
    reasons.push({ code: 'same-subsector', points: TWIN_WEIGHTS.sameSubsector, subsectors });
  } else {
    const families = shared(familiesOf(source.subsectorCodes, taxonomy), familiesOf(candidate.subsectorCodes, taxonomy));
    if (families.length > 0) reasons.push({ code: 'same-family', points: TWIN_WEIGHTS.sameFamily, families });
  }

  const materials = shared(source.materialCodes, candidate.materialCodes);
  if (materials.length > 0) {
    const points = Math.min(TWIN_WEIGHTS.sharedMaterialsMax, materials.length * TWIN_WEIGHTS.perSharedMaterial);
    reasons.push({ code: 'shared-materials', points, materials });
  }

  const pairs = complementaryPairs(source, candidate);
  if (pairs.length > 0) reasons.push({ code: 'complementary-value-chain', points: TWIN_WEIGHTS.complementaryValueChain, pairs });

  const sourceMarkets = new Set(source.markets);
  const candidateExports = [...new Set(candidate.markets)].filter((market) => EXPORT_MARKETS.has(market)).sort();
  const newMarkets = candidateExports.filter((market) => !sourceMarkets.has(market));
  const sharedExportMarkets = candidateExports.filter((market) => sourceMarkets.has(market));
  if (newMarkets.length > 0 || sharedExportMarkets.length > 0) {
    const points = newMarkets.length > 0 ? TWIN_WEIGHTS.newMarkets : TWIN_WEIGHTS.sharedExportMarkets;
    reasons.push({ code: 'complementary-markets', points, newMarkets, sharedExportMarkets });
  }

  const languages = shared(source.workingLanguages, candidate.workingLanguages);
  if (languages.length > 0) reasons.push({ code: 'shared-language', points: TWIN_WEIGHTS.sharedLanguage, languages });

  if (source.sizeClass && source.sizeClass === candidate.sizeClass) {
    reasons.push({ code: 'similar-size', points: TWIN_WEIGHTS.similarSize, sizeClass: source.sizeClass });
  }
  return reasons;
}

function craftPoints(reasons: readonly TwinReason[]): number {
  return reasons.reduce((sum, reason) => (CRAFT_REASONS.has(reason.code) ? sum + reason.points : sum), 0);
}

/** The twin with its score, or null when the candidate is not a twin (same country, no craft in common, too weak). */
export function scoreTwin<P extends TwinProfile>(source: TwinProfile, candidate: P, taxonomy: TwinTaxonomy): RankedTwin<P> | null {
  const reasons = twinReasons(source, candidate, taxonomy);
  if (craftPoints(reasons) === 0) return null;
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  if (score < MIN_TWIN_SCORE) return null;
  return { profile: candidate, score, reasons };
}

const KIND_ORDER: Record<TwinKind, number> = { cluster: 0, organisation: 1 };

export function compareTwins(a: RankedTwin, b: RankedTwin): number {
  return (
    b.score - a.score ||
    craftPoints(b.reasons) - craftPoints(a.reasons) ||
    KIND_ORDER[a.profile.kind] - KIND_ORDER[b.profile.kind] ||
    (a.profile.slug < b.profile.slug ? -1 : a.profile.slug > b.profile.slug ? 1 : 0)
  );
}

/** The candidates that are twins of `source` (never itself), best first. */
export function rankTwins<P extends TwinProfile>(source: TwinProfile, candidates: readonly P[], taxonomy: TwinTaxonomy): RankedTwin<P>[] {
  const twins: RankedTwin<P>[] = [];
  for (const candidate of candidates) {
    if (candidate.kind === source.kind && candidate.slug === source.slug) continue;
    const twin = scoreTwin(source, candidate, taxonomy);
    if (twin) twins.push(twin);
  }
  return twins.sort(compareTwins);
}

export type MatchStrength = 'strong' | 'good' | 'possible';

/**
 * The score in words, for people (the bar and the number alone say little). A strong match needs
 * more than the same subsector and good working conditions (40 + 25): it shares materials too.
 */
export function matchStrength(score: number): MatchStrength {
  if (score >= 70) return 'strong';
  if (score >= 50) return 'good';
  return 'possible';
}
