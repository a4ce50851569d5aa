/**
 * RFC 9457 problem details: the one error shape of the public API. The schema doubles as the
 * OpenAPI component `Problem`, so clients read the same contract the server writes.
 */
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types are stable identifiers, independent of where Mosaic is deployed, so a client may
 * switch on them: `COMMON_VALIDATION_FAILED` -> `https://mosaic.example/problems/common-validation-failed`.
 */
export const PROBLEM_TYPE_BASE = 'https://mosaic.example/problems/';

export function problemTypeUri(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`;
}

export const FieldProblemSchema = z
  .object({
    field: z.string().meta({ description: 'Dotted path of the offending field.', example: 'name' }),
    code: z.string().meta({ description: 'Stable code of the problem with this field.', example: 'too_small' }),
    message: z.string().meta({ description: 'The problem, in the language of the request.' }),
  })
  .meta({ id: 'FieldProblem', description: 'One invalid field of the request.' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI identifying the kind of problem (derived from `code`).' }),
    title: z.string().meta({ description: 'Short summary of the problem, in the language of the request (Accept-Language).' }),
    status: z.number().int().meta({ description: 'The HTTP status code.' }),
    detail: z.string().optional().meta({ description: 'Explanation specific to this occurrence, in the language of the request.' }),
    instance: z.string().meta({ description: 'The request id (also sent as the X-Request-Id header); quote it when reporting a problem.' }),
    code: z.string().meta({ description: 'Module-prefixed error code, stable across releases.' }),
    errors: z.array(FieldProblemSchema).optional().meta({ description: 'Each invalid field, when the request did not validate.' }),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details.' });

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldProblem = z.infer<typeof FieldProblemSchema>;
