/**
 * The drill-down to the evidence behind one theme of the priority synthesis in one scope (issue 4,
 * item 5): the endorsed diagnostic challenges recording it, the submitted survey answers naming
 * it and the dots of closed workshop votings, as counted by the board's staff figures. For those holding `needs.read` over the scope.
 */
import { z } from 'zod';
import { endorsedChallengeSchema } from './diagnostics/diagnostics.contracts.ts';
import { themeCodeSchema } from './needs.contracts.ts';
import { prioritiesQuerySchema } from './priorities.contracts.ts';

export const EVIDENCE_PAGE_SIZE = 50;

export const evidenceQuerySchema = prioritiesQuerySchema.extend({
  theme: themeCodeSchema,
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: 'Page of the survey answers (50 a page), from 1.' }),
});
export type EvidenceQuery = z.input<typeof evidenceQuerySchema>;

const translatedNameSchema = z.object({ ar: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });

export const surveyAnswerEvidenceSchema = z
  .object({
    responseId: z.string(),
    /** The survey's form code (for the link to the response). */
    formCode: z.string(),
    submittedAt: z.iso.datetime(),
    cluster: z.string().nullable().meta({ description: 'The cluster the answer counts for (null: an organisation in no cluster).' }),
    country: z.string(),
    gender: z.string().nullable(),
    size: z.string().nullable(),
    severity: z.int().min(1).max(4).nullable(),
    organisation: z
      .object({ slug: z.string(), name: translatedNameSchema, sourceLocale: z.string(), isDemo: z.boolean() })
      .nullable()
      .meta({ description: 'The organisation the answer speaks for, when known.' }),
    demo: z.boolean().meta({ description: 'An answer of a demo survey (made up).' }),
    readable: z.boolean().meta({ description: 'Whether the caller may open the response itself (the form’s managers).' }),
  })
  .meta({ id: 'SurveyAnswerEvidence' });
export type SurveyAnswerEvidence = z.infer<typeof surveyAnswerEvidenceSchema>;

export const workshopVoteEvidenceSchema = z
  .object({
    id: z.string().meta({ description: 'The event, theme, country and clusters the dots are summed for.' }),
    event: z.object({ slug: z.string(), title: translatedNameSchema }),
    clusters: z.array(z.string()).meta({ description: 'The clusters the voters were placed in (their organisation’s among the event’s).' }),
    country: z.string(),
    votes: z.int().min(1).meta({ description: 'Dots given at the workshop’s closed voting.' }),
  })
  .meta({ id: 'WorkshopVoteEvidence' });

export const themeEvidenceSchema = z
  .object({
    scope: z.string(),
    theme: themeCodeSchema,
    themeName: translatedNameSchema,
    diagnosedClusters: z.int().min(0).meta({ description: 'Clusters whose endorsed diagnostic records the theme (the board’s figure).' }),
    challenges: z.array(endorsedChallengeSchema),
    answers: z
      .object({
        total: z.int().min(0).meta({ description: 'Respondents naming the theme (the board’s staff figure).' }),
        page: z.int().min(1),
        pageSize: z.int().min(1),
        items: z.array(surveyAnswerEvidenceSchema),
      })
      .meta({ description: 'Submitted survey answers naming the theme, newest first.' }),
    votes: z
      .array(workshopVoteEvidenceSchema)
      .meta({ description: 'Dots of closed workshop votings for the theme in the scope (the board’s workshop figure), most first.' }),
    computedAt: z.iso.datetime(),
  })
  .meta({ id: 'NeedsThemeEvidence' });
export type ThemeEvidence = z.infer<typeof themeEvidenceSchema>;
