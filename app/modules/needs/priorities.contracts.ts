/**
 * The priority synthesis as the API gives it (decision 0012): ranks, scores, breadth and counts of
 * people, protected by the minimum group size for the public (a hidden count is null with
 * `suppressed: true`), unprotected for those holding `needs.read` over the scope. Evidence ids and
 * raw frequencies are not part of it.
 */
import { z } from 'zod';
import { GENDER_GROUPS, SIZE_GROUPS } from './synthesis/evidence.ts';

export const prioritiesQuerySchema = z.object({
  scope: z
    .string()
    .max(120)
    .default('region')
    .meta({ description: '`region`, `country:<ISO 3166-1 alpha-2>` or `cluster:<slug>`.', example: 'country:TN' }),
});
export type PrioritiesQuery = z.input<typeof prioritiesQuerySchema>;

const protectedCountSchema = z
  .union([z.object({ value: z.int().min(0), suppressed: z.literal(false) }), z.object({ value: z.null(), suppressed: z.literal(true) })])
  .meta({ id: 'ProtectedCount', description: 'A count of people, hidden (null) when the group is smaller than the minimum.' });

const groupCounts = <T extends readonly [string, ...string[]]>(groups: T) =>
  z.object(Object.fromEntries(groups.map((group) => [group, protectedCountSchema])) as { [K in T[number]]: typeof protectedCountSchema });

export const publicPrioritySchema = z
  .object({
    theme: z.string(),
    rank: z.int().min(1),
    score: z.number().min(0).max(100),
    clusters: z.array(z.string()),
    countries: z.array(z.string()),
    respondents: protectedCountSchema,
    byGender: groupCounts(GENDER_GROUPS),
    bySize: groupCounts(SIZE_GROUPS),
    diagnosedClusters: z.int().min(0),
    votes: z.int().min(0),
  })
  .meta({ id: 'PublicThemePriority' });

export const prioritiesSchema = z
  .object({
    scope: z.string().meta({ example: 'region' }),
    audience: z.enum(['public', 'staff']).meta({
      description: '`public`: counts of fewer people than `minGroupSize` hidden; `staff` (needs.read over the scope): every count shown.',
    }),
    computedAt: z.iso
      .datetime()
      .meta({ description: 'When these figures were computed (they include every answer submitted until then).' }),
    surveyUsed: z.boolean().meta({ description: 'False when the scope has fewer survey respondents than the minimum group size.' }),
    respondents: protectedCountSchema,
    diagnosedClusters: z.int().min(0),
    weights: z.object({ survey: z.number(), diagnostic: z.number(), workshop: z.number(), breadth: z.number() }),
    minGroupSize: z.int().min(1),
    priorities: z.array(publicPrioritySchema),
  })
  .meta({ id: 'NeedsPriorities' });
export type Priorities = z.infer<typeof prioritiesSchema>;
