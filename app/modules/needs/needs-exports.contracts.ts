/**
 * The exports of the priority synthesis (issue 4, item 6): the XLSX workbook and the PDF brief of a
 * scope in the reader's language, and the open data (JSON or CSV): the public figures only, every
 * count of fewer people than the minimum hidden, no evidence ids, no organisation or person.
 */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { prioritiesQuerySchema } from './priorities.contracts.ts';

/**
 * The common challenges' thresholds, chosen by the reader (issue 4, item 5: "both adjustable"):
 * a theme is common when present in at least `minClusters` clusters across at least
 * `minCountries` countries. Query strings carry them as text.
 */
export const commonThresholdsSchema = z.object({
  minClusters: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .meta({ description: 'Common challenges: present in at least this many clusters (default 3).' }),
  minCountries: z.coerce
    .number()
    .int()
    .min(1)
    .max(7)
    .optional()
    .meta({ description: 'Common challenges: across at least this many countries (default 2).' }),
});

/** The tables of a scope as the board shows them. */
export const synthesisTablesQuerySchema = prioritiesQuerySchema.extend(commonThresholdsSchema.shape);
export type SynthesisTablesQuery = z.input<typeof synthesisTablesQuerySchema>;

export const exportQuerySchema = synthesisTablesQuerySchema.extend({
  locale: z.enum(LOCALES).optional().meta({ description: 'Language of the file (default: Accept-Language).' }),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const openDataQuerySchema = synthesisTablesQuerySchema.extend({
  format: z.enum(['json', 'csv']).default('json').meta({ description: '`json` (default) or `csv` (one figure a line).' }),
});
export type OpenDataQuery = z.input<typeof openDataQuerySchema>;

/** The licence of the open data. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

const count = z
  .union([z.object({ value: z.int().min(0), suppressed: z.literal(false) }), z.object({ value: z.null(), suppressed: z.literal(true) })])
  .meta({
    id: 'OpenDataCount',
    description: 'A count of people; null with `suppressed: true` when the group is smaller than the minimum.',
  });

const groupRow = (groups: readonly string[]) =>
  z.object({ key: z.string(), total: count, cells: z.object(Object.fromEntries(groups.map((g) => [g, count]))) });

const signal = z.number().min(0).max(1).nullable();

export const openDataSchema = z
  .object({
    licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
    source: z.string(),
    scope: z.string().meta({ example: 'country:TN' }),
    computedAt: z.iso.datetime(),
    formulaVersion: z.string().meta({ description: 'The priority formula (decision 0012) and its version.' }),
    minGroupSize: z.int().min(1),
    weights: z.object({ survey: z.number(), diagnostic: z.number(), workshop: z.number(), breadth: z.number() }),
    surveyUsed: z.boolean(),
    respondents: count,
    diagnosedClusters: z.int().min(0),
    priorities: z.array(
      z.object({
        theme: z.string(),
        rank: z.int().min(1),
        score: z.number(),
        surveySignal: signal,
        diagnosticSignal: signal,
        workshopSignal: signal,
        breadth: signal,
        clusters: z.int().min(0),
        countries: z.int().min(0),
        diagnosedClusters: z.int().min(0),
        votes: z.int().min(0),
        respondents: count,
      }),
    ),
    respondentsByGender: z.array(groupRow(['woman', 'man', 'another', 'undisclosed', 'unknown'])),
    respondentsBySize: z.array(groupRow(['micro', 'small', 'medium', 'large', 'unknown'])),
    commonChallenges: z.object({
      minClusters: z.int(),
      minCountries: z.int(),
      minMentions: z.int(),
      rows: z.array(
        z.object({ theme: z.string(), clusters: z.array(z.string()), countries: z.array(z.string()), clustersInScope: z.int() }),
      ),
    }),
    training: z.array(z.object({ topic: z.string(), format: z.string(), people: count })),
    trainingByGender: z.array(groupRow(['woman', 'man', 'another', 'undisclosed', 'unknown'])),
    trainingBySize: z.array(groupRow(['micro', 'small', 'medium', 'large', 'unknown'])),
  })
  .meta({ id: 'NeedsOpenData' });
export type OpenData = z.infer<typeof openDataSchema>;
