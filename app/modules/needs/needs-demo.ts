/**
 * Demo answers to the needs survey (issue 4, item 8): for each demo-diagnosed cluster, the answers
 * of its demo member organisations (one to four respondents each, nine in ten organisations answering),
 * so the priority synthesis has survey evidence across clusters and countries. Invented, marked
 * demo wherever shown. Realistic mix: mostly micro and small firms (the organisation's own size
 * class when it has one), women and men in similar numbers with a few "another identity" and
 * "prefer not to say" answers, so those groups stay under the minimum and are hidden in public
 * figures; themes the cluster's diagnostic names are chosen more often and rated more serious.
 * One cluster answers with fewer people than the minimum, so its public figures leave the survey
 * out. Deterministic (seeded by the cluster's slug) and pure.
 */
import { createRandom, type Random, seedFrom } from '#app/modules/directory/index.ts';
import type { RawAnswers } from '#app/modules/forms/index.ts';
import { DEMO_DIAGNOSTICS } from './diagnostics/demo-diagnostics.ts';
import { NO_CHALLENGE, NEEDS_SURVEY_QUESTIONS as Q, SUPPORT_SERVICES, TRAINING_FORMATS, TRAINING_TOPICS } from './needs-survey.ts';
import { type Gender, SIZE_CLASSES, type SizeClass } from './synthesis/evidence.ts';

/** The demo surveys' form codes: `demo-needs-survey-<cluster slug>`. */
export const demoSurveyCode = (cluster: string) => `demo-needs-survey-${cluster}`;

/** The clusters surveyed: those with a demo diagnostic. */
export const DEMO_SURVEY_CLUSTERS: readonly string[] = DEMO_DIAGNOSTICS.map((demo) => demo.cluster);

/** The cluster that answers with fewer people than the minimum group size (suppression shown). */
export const DEMO_SMALL_CLUSTER = 'bethlehem-treasures';
export const DEMO_SMALL_CLUSTER_RESPONDENTS = 4;

export interface DemoSurveyOrganisation {
  id: string;
  slug: string;
  sizeClass: string | null;
  womenLed: boolean;
}

export interface DemoSurveyCluster {
  slug: string;
  /** The day of its demo diagnostic: answers come in the months after it. */
  since: string;
  /** Themes its demo diagnostic records. */
  diagnosedThemes: readonly string[];
  /** Its demo member organisations, in slug order. */
  organisations: readonly DemoSurveyOrganisation[];
}

export interface DemoAnswer {
  organisationId: string;
  answers: RawAnswers;
  submittedAt: Date;
}

const GENDER_WEIGHTS: readonly (readonly [Gender | null, number])[] = [
  ['woman', 44],
  ['man', 44],
  ['another', 2],
  ['undisclosed', 5],
  [null, 5],
];

const SIZE_WEIGHTS: readonly (readonly [SizeClass | null, number])[] = [
  ['micro', 60],
  ['small', 27],
  ['medium', 8],
  ['large', 1],
  [null, 4],
];

const isSize = (value: string | null): value is SizeClass => (SIZE_CLASSES as readonly string[]).includes(value ?? '');

function respondentsOf(random: Random, size: SizeClass | null): number {
  if (!random.chance(0.9)) return 0;
  if (size === 'micro' || size === null) {
    return random.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
    ] as const);
  }
  return random.int(1, 4);
}

function answersOf(
  random: Random,
  cluster: DemoSurveyCluster,
  organisation: DemoSurveyOrganisation,
  themes: readonly string[],
): RawAnswers {
  const answers: RawAnswers = {};
  const gender = organisation.womenLed && random.chance(0.6) ? 'woman' : random.weighted(GENDER_WEIGHTS);
  if (gender) answers[Q.gender] = gender;
  const size = isSize(organisation.sizeClass) && random.chance(0.95) ? organisation.sizeClass : random.weighted(SIZE_WEIGHTS);
  if (size) answers[Q.size] = size;

  const diagnosed = new Set(cluster.diagnosedThemes);
  const chosen = themes.filter((theme) => {
    if (theme === 'women-specific-barriers' && gender === 'woman') return random.chance(diagnosed.has(theme) ? 0.7 : 0.35);
    return random.chance(diagnosed.has(theme) ? 0.55 : 0.12);
  });
  if (chosen.length === 0 && random.chance(0.7) && cluster.diagnosedThemes.length > 0) chosen.push(random.pick(cluster.diagnosedThemes));
  answers[Q.challenges] = chosen.length > 0 ? chosen : [NO_CHALLENGE];
  const severity: Record<string, string> = {};
  for (const theme of chosen) {
    if (!random.chance(0.88)) continue;
    const weights: readonly (readonly [string, number])[] = diagnosed.has(theme)
      ? [
          ['1', 1],
          ['2', 3],
          ['3', 5],
          ['4', 4],
        ]
      : [
          ['1', 3],
          ['2', 5],
          ['3', 3],
          ['4', 1],
        ];
    severity[theme] = random.weighted(weights);
  }
  if (Object.keys(severity).length > 0) answers[Q.severity] = severity;

  const support = random.sample(
    SUPPORT_SERVICES.map((service) => service.code),
    random.int(0, 3),
  );
  if (support.length > 0) answers[Q.support] = support;
  const topics = random.sample(
    TRAINING_TOPICS.map((topic) => topic.code),
    random.int(0, 3),
  );
  if (topics.length > 0) {
    answers[Q.training] = Object.fromEntries(topics.map((topic) => [topic, random.pick(TRAINING_FORMATS).code]));
  }
  return answers;
}

const DAY = 86_400_000;

/**
 * The demo answers of one cluster to its survey of `themes` (the survey's theme codes, in order),
 * each with the organisation it speaks for and its submission time.
 */
export function demoSurveyAnswers(cluster: DemoSurveyCluster, themes: readonly string[]): DemoAnswer[] {
  const random = createRandom(seedFrom(`needs-survey:${cluster.slug}`));
  const since = Date.parse(`${cluster.since}T09:00:00Z`);
  const limit = cluster.slug === DEMO_SMALL_CLUSTER ? DEMO_SMALL_CLUSTER_RESPONDENTS : Number.POSITIVE_INFINITY;
  const answers: DemoAnswer[] = [];
  for (const organisation of cluster.organisations) {
    const size = isSize(organisation.sizeClass) ? organisation.sizeClass : null;
    const count = respondentsOf(random, size);
    for (let i = 0; i < count && answers.length < limit; i++) {
      answers.push({
        organisationId: organisation.id,
        answers: answersOf(random, cluster, organisation, themes),
        submittedAt: new Date(since + random.int(14, 150) * DAY + random.int(0, 10 * 3600) * 1000),
      });
    }
  }
  return answers.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}
