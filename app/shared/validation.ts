/**
 * Parses input with a Zod contract; failures become one AppError naming each bad field with a
 * translatable code (`errors.field.<code>`), so forms and the API report the same thing.
 */
import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors.ts';

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    code: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code,
    message: issue.message,
  }));
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput keeps the offending value in each issue, so a wrong type is not mistaken for a missing field.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new AppError('COMMON_VALIDATION_FAILED', 400, { fields: toFieldIssues(result.error) });
  return result.data;
}
