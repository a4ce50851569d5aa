/**
 * A small synthesis fixture whose rankings were computed by hand (see priority.test.ts): two
 * countries, four clusters, twelve respondents, six diagnostic challenges, with missing severities,
 * missing genders and sizes, a respondent naming nothing, a cluster without survey and an
 * unendorsed challenge. Themes by short letter in the hand computation:
 * A access-to-finance, M markets-and-buyers, S skills-and-training, R raw-materials-and-supply,
 * D design-and-product-development, I infrastructure, T technology-and-equipment.
 */
import type { DiagnosticChallenge, Evidence, Gender, Respondent, Severity, SizeClass, SurveyMention } from './evidence.ts';

export const A = 'access-to-finance';
export const M = 'markets-and-buyers';
export const S = 'skills-and-training';
export const R = 'raw-materials-and-supply';
export const D = 'design-and-product-development';
export const I = 'infrastructure';
export const T = 'technology-and-equipment';

const CLUSTER_COUNTRY: Record<string, string> = { 'el-jem': 'TN', nabeul: 'TN', fes: 'MA', safi: 'MA' };

function respondent(respondentId: string, cluster: string, gender: Gender | null, size: SizeClass | null): Respondent {
  return { respondentId, cluster, country: CLUSTER_COUNTRY[cluster]!, gender, size };
}

/** Respondent, then the themes they named with the severity they gave (null: left unanswered). */
const SURVEY: [Respondent, [string, Severity | null][]][] = [
  [
    respondent('r1', 'el-jem', 'woman', 'micro'),
    [
      [A, 4],
      [M, null],
    ],
  ],
  [
    respondent('r2', 'el-jem', 'man', 'small'),
    [
      [A, 4],
      [I, 2],
    ],
  ],
  [
    respondent('r3', 'el-jem', null, null),
    [
      [A, null],
      [S, 1],
    ],
  ],
  [respondent('r4', 'el-jem', 'woman', 'micro'), []],
  [
    respondent('r5', 'nabeul', 'woman', 'small'),
    [
      [M, 4],
      [S, 4],
    ],
  ],
  [respondent('r6', 'nabeul', 'man', 'micro'), [[M, 1]]],
  [respondent('r7', 'nabeul', 'another', 'medium'), [[A, 4]]],
  [respondent('r8', 'nabeul', 'undisclosed', null), [[S, null]]],
  [
    respondent('r9', 'fes', 'woman', 'medium'),
    [
      [A, 1],
      [M, 4],
    ],
  ],
  [
    respondent('r10', 'fes', 'man', null),
    [
      [A, 1],
      [D, null],
    ],
  ],
  [
    respondent('r11', 'fes', 'woman', 'small'),
    [
      [M, 4],
      [T, 2],
    ],
  ],
  [respondent('r12', 'fes', null, 'large'), [[R, 4]]],
];

function challenge(
  id: string,
  cluster: string,
  theme: string,
  severity: Severity,
  endorsed = true,
  genderDimension = false,
): DiagnosticChallenge {
  return { id, cluster, country: CLUSTER_COUNTRY[cluster]!, theme, severity, endorsed, genderDimension };
}

export const FIXTURE_CHALLENGES: DiagnosticChallenge[] = [
  challenge('c1', 'el-jem', A, 4),
  challenge('c2', 'el-jem', S, 4),
  challenge('c3', 'nabeul', M, 4),
  challenge('c4', 'fes', A, 1, false),
  challenge('c5', 'fes', R, 4),
  challenge('c6', 'safi', M, 4),
  challenge('c7', 'safi', R, 1, true, true),
];

export const FIXTURE_RESPONSES: Respondent[] = SURVEY.map(([r]) => r);

export const FIXTURE_MENTIONS: SurveyMention[] = SURVEY.flatMap(([r, named]) =>
  named.map(([theme, severity]) => ({ ...r, id: `${r.respondentId}-${theme}`, theme, severity })),
);

export const FIXTURE: Evidence = { responses: FIXTURE_RESPONSES, mentions: FIXTURE_MENTIONS, challenges: FIXTURE_CHALLENGES };

/** A deterministic pseudo-random generator (0 ≤ x < 1), so property checks are reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
