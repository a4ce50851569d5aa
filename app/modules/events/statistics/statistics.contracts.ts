/**
 * The statistics' contracts (issue 5, items 6 and 8): an event's funnel and its breakdowns, the
 * programme-wide view's filters, and the exports' options. Shared by the pages and the API.
 */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { EVENT_TYPES } from '../events.schema.ts';
import { DIMENSIONS, MEASURES } from './statistics.ts';

const count = z.number().int().nullable();

export const statisticsCountsSchema = z
  .object(Object.fromEntries(MEASURES.map((m) => [m, count])) as Record<(typeof MEASURES)[number], typeof count>)
  .meta({
    id: 'EventStatisticsCounts',
    description:
      '`invited`: invitations sent and not revoked (null where invitations are not counted); `registered`: every registration, whatever its status, then each status; `attended`: checked in; `noShow`: confirmed, not checked in, after the event ended.',
  });

const breakdownSchema = z.array(z.object({ key: z.string(), counts: statisticsCountsSchema }));

export const eventStatisticsBodySchema = z.object({
  totals: statisticsCountsSchema,
  breakdowns: z
    .object(Object.fromEntries(DIMENSIONS.map((d) => [d, breakdownSchema])) as Record<(typeof DIMENSIONS)[number], typeof breakdownSchema>)
    .meta({
      description:
        'Each measure by `gender` (woman, man, another, prefer-not-to-say, unknown), `country` (ISO 3166-1 alpha-2, `unknown`), `organisationType` (directory codes, `no-organisation`), `size` (micro, small, medium, large, unknown) and `womenLed` (women-led, not-women-led, no-organisation).',
    }),
  womenAttendedPercent: z.number().nullable(),
});

export const eventStatisticsSchema = z
  .object({
    event: z.object({
      slug: z.string(),
      title: z.record(z.string(), z.string()),
      sourceLocale: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      ended: z.boolean(),
    }),
    computedAt: z.string(),
    statistics: eventStatisticsBodySchema,
  })
  .meta({ id: 'EventStatistics' });
export type EventStatisticsView = z.infer<typeof eventStatisticsSchema>;

export const programmeStatisticsQuerySchema = z.object({
  type: z.enum(EVENT_TYPES).optional().meta({ description: 'Only events of this type.' }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .meta({ description: 'Only events whose venue is in this country (ISO 3166-1 alpha-2).' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'Only events starting in this year.' }),
});
export type ProgrammeStatisticsQuery = z.input<typeof programmeStatisticsQuerySchema>;

export const programmeStatisticsSchema = z
  .object({
    filter: z.object({ type: z.string().nullable(), country: z.string().nullable(), year: z.number().nullable() }),
    computedAt: z.string(),
    events: z.array(
      z.object({
        slug: z.string(),
        type: z.string(),
        title: z.record(z.string(), z.string()),
        sourceLocale: z.string(),
        countryIso2: z.string().nullable(),
        startsAt: z.string(),
        ended: z.boolean(),
        totals: statisticsCountsSchema,
        womenAttendedPercent: z.number().nullable(),
      }),
    ),
    /** Events beyond the limit were left out. */
    truncated: z.boolean(),
    statistics: eventStatisticsBodySchema,
  })
  .meta({ id: 'ProgrammeEventStatistics' });
export type ProgrammeStatistics = z.infer<typeof programmeStatisticsSchema>;

export const exportLocaleSchema = z.object({
  locale: z.enum(LOCALES).optional().meta({ description: 'Language of the file (default: Accept-Language).' }),
});

/** `sharing`: only those who agreed to be listed; `logistics`: every confirmed participant, with the photography consent. */
export const PARTICIPANT_LISTS = ['sharing', 'logistics'] as const;
export type ParticipantList = (typeof PARTICIPANT_LISTS)[number];

export const participantsQuerySchema = exportLocaleSchema.extend({
  list: z.enum(PARTICIPANT_LISTS).default('sharing').meta({
    description:
      '`sharing` (default): confirmed participants who agreed to be listed, with their organisation and country, to circulate; `logistics` (staff use only): every confirmed participant, with whether they agreed to be photographed and whether they checked in.',
  }),
});
export type ParticipantsQuery = z.input<typeof participantsQuerySchema>;
