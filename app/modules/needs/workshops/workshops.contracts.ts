/**
 * Contracts of workshop outputs (issue 5, item 5): challenges and training needs captured by a
 * workshop's facilitators, the dot voting on the challenges, and the comparison of workshops.
 * Descriptions are written in any one language (shown with dir="auto"); themes come from the
 * challenge taxonomy, training topics and formats from the needs survey's vocabulary.
 */
import { z } from 'zod';
import { themeCodeSchema } from '../needs.contracts.ts';
import { TRAINING_FORMATS, TRAINING_TOPICS } from '../needs-survey.ts';
import { VOTING_STATUSES } from './workshops.schema.ts';

const localeSchema = z.enum(['ar', 'fr', 'en']);
const idSchema = z.string().min(1).max(64);
const clusterSlugSchema = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const translatedSchema = z.object({ ar: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });

export const MAX_DOTS = 20;
export const DEFAULT_DOTS = 3;

export const eventSlugSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const workshopChallengeInputSchema = z
  .object({
    themeCode: themeCodeSchema,
    description: z.string().trim().min(1).max(2000).meta({ description: 'What holds the participants back, in any language.' }),
    sourceLocale: localeSchema.default('en').meta({ description: 'The language the description is written in.' }),
    clusters: z
      .array(clusterSlugSchema)
      .max(50)
      .default([])
      .meta({ description: 'Slugs of the event’s clusters that raised it; none (the default) means all of them.' }),
  })
  .meta({ id: 'WorkshopChallengeInput' });
export type WorkshopChallengeInput = z.input<typeof workshopChallengeInputSchema>;

export const workshopChallengePatchSchema = workshopChallengeInputSchema.partial().meta({ id: 'WorkshopChallengePatch' });
export type WorkshopChallengePatch = z.input<typeof workshopChallengePatchSchema>;

const topicCodes = TRAINING_TOPICS.map((t) => t.code) as [string, ...string[]];
const formatCodes = TRAINING_FORMATS.map((t) => t.code) as [string, ...string[]];

export const workshopTrainingNeedInputSchema = z
  .object({
    topic: z.enum(topicCodes).meta({ description: 'A training topic of the needs survey.' }),
    format: z.enum(formatCodes).meta({ description: 'A training format of the needs survey (`any-format` when it does not matter).' }),
    description: z.string().trim().max(2000).default(''),
    sourceLocale: localeSchema.default('en'),
  })
  .meta({ id: 'WorkshopTrainingNeedInput' });
export type WorkshopTrainingNeedInput = z.input<typeof workshopTrainingNeedInputSchema>;

export const workshopTrainingNeedPatchSchema = workshopTrainingNeedInputSchema.partial().meta({ id: 'WorkshopTrainingNeedPatch' });
export type WorkshopTrainingNeedPatch = z.input<typeof workshopTrainingNeedPatchSchema>;

export const votingInputSchema = z
  .object({
    action: z
      .enum(['open', 'close', 'set-dots'])
      .meta({ description: '`open` (or reopen before closing), `close` (final), `set-dots` (before opening).' }),
    dots: z.coerce.number().int().min(1).max(MAX_DOTS).optional().meta({ description: 'Dots each participant has (default 3).' }),
  })
  .meta({ id: 'WorkshopVotingInput' });
export type VotingInput = z.input<typeof votingInputSchema>;

/** Who is voting: the signed-in account's registration, or the check-in code printed on the badge. */
export const voterSchema = z.object({
  checkInCode: z
    .string()
    .trim()
    .min(8)
    .max(100)
    .optional()
    .meta({ description: 'The check-in code of a registration (on the badge and the confirmation).' }),
});

export const myVotesInputSchema = voterSchema
  .extend({
    allocation: z
      .record(idSchema, z.number().int().min(0).max(MAX_DOTS))
      .meta({ description: 'Dots per challenge id; challenges left out get none. At most the voting’s dots in all.' }),
  })
  .meta({ id: 'WorkshopVotesInput' });
export type MyVotesInput = z.input<typeof myVotesInputSchema>;

export const dotChangeInputSchema = voterSchema.extend({
  challengeId: idSchema,
  change: z.union([z.literal(1), z.literal(-1)]),
});
export type DotChangeInput = z.input<typeof dotChangeInputSchema>;

export const workshopChallengeSchema = z
  .object({
    id: z.string(),
    themeCode: z.string(),
    themeName: translatedSchema,
    description: z.string(),
    sourceLocale: localeSchema,
    clusters: z.array(z.string()).meta({ description: 'The clusters that raised it (empty: all the event’s clusters).' }),
    isDemo: z.boolean(),
  })
  .meta({ id: 'WorkshopChallenge' });
export type WorkshopChallenge = z.infer<typeof workshopChallengeSchema>;

export const workshopTrainingNeedSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    format: z.string(),
    description: z.string(),
    sourceLocale: localeSchema,
    isDemo: z.boolean(),
  })
  .meta({ id: 'WorkshopTrainingNeed' });
export type WorkshopTrainingNeed = z.infer<typeof workshopTrainingNeedSchema>;

export const votingSchema = z
  .object({
    status: z.enum(VOTING_STATUSES),
    dots: z.int().min(1).max(MAX_DOTS),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WorkshopVoting' });
export type Voting = z.infer<typeof votingSchema>;

export const workshopOutputsSchema = z
  .object({
    event: z.object({
      slug: z.string(),
      title: translatedSchema,
      clusters: z.array(z.object({ slug: z.string(), name: translatedSchema, country: z.string() })),
    }),
    voting: votingSchema,
    editable: z.boolean().meta({ description: 'Capture may change (voting has not closed).' }),
    challenges: z.array(workshopChallengeSchema),
    trainingNeeds: z.array(workshopTrainingNeedSchema),
  })
  .meta({ id: 'WorkshopOutputs' });
export type WorkshopOutputs = z.infer<typeof workshopOutputsSchema>;

export const challengeResultSchema = z.object({
  challengeId: z.string(),
  themeCode: z.string(),
  description: z.string(),
  dots: z.int().min(0),
  voters: z.int().min(0).meta({ description: 'Participants who gave it at least one dot.' }),
  rank: z.int().min(1),
});

export const votingResultsSchema = z
  .object({
    voting: votingSchema,
    participants: z.int().min(0).meta({ description: 'Confirmed registrations (who may vote).' }),
    voters: z.int().min(0).meta({ description: 'Participants who placed at least one dot.' }),
    results: z.array(challengeResultSchema),
  })
  .meta({ id: 'WorkshopVotingResults' });
export type VotingResults = z.infer<typeof votingResultsSchema>;

export const myBallotSchema = z
  .object({
    event: z.object({ slug: z.string(), title: translatedSchema }),
    voting: votingSchema,
    voter: z.object({ name: z.string() }),
    challenges: z.array(workshopChallengeSchema),
    allocation: z.record(z.string(), z.int()),
    used: z.int().min(0),
    results: z.array(challengeResultSchema).nullable().meta({ description: 'Shown to participants once voting has closed.' }),
  })
  .meta({ id: 'WorkshopBallot' });
export type MyBallot = z.infer<typeof myBallotSchema>;

export const comparisonSchema = z
  .object({
    audience: z.enum(['public', 'staff']),
    minGroupSize: z.int().min(1),
    workshops: z.array(
      z.object({
        slug: z.string(),
        title: translatedSchema,
        startsAt: z.string(),
        countries: z.array(z.string()),
        votingClosed: z.boolean(),
      }),
    ),
    rows: z.array(
      z.object({
        theme: z.string(),
        themeName: translatedSchema,
        workshops: z.int().min(0),
        countries: z.array(z.string()),
        dots: z.int().nullable(),
        cells: z.array(z.object({ workshop: z.string(), dots: z.int().nullable(), captured: z.boolean(), hidden: z.boolean() })),
      }),
    ),
    computedAt: z.iso.datetime(),
  })
  .meta({ id: 'WorkshopComparison' });
export type WorkshopComparison = z.infer<typeof comparisonSchema>;

export { clusterSlugSchema as workshopClusterSlugSchema, idSchema as workshopIdSchema };
