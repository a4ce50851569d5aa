/** Contracts of the stored forms' services: what creating a form and answering a page take and return. */
import { z } from 'zod';
import { type FormAnswers, type FormText, formCodeSchema, formDefinitionSchema, formLabelSchema } from './forms.contracts.ts';
import type { FormResponseStatus, FormScopeType } from './forms.schema.ts';

/** Who manages a form: programme-wide, one country (ISO 3166 alpha-2) or one cluster (its slug). */
export const formScopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('global'), id: z.null().default(null) }),
  z.object({ type: z.literal('country'), id: z.string().regex(/^[A-Z]{2}$/) }),
  z.object({
    type: z.literal('cluster'),
    id: z
      .string()
      .max(80)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  }),
]);

export const createFormInputSchema = z.object({
  code: formCodeSchema,
  title: formLabelSchema,
  scope: formScopeSchema,
  /** The first draft; an empty form (no page yet) when absent. */
  definition: formDefinitionSchema.optional(),
});
export type CreateFormInput = z.input<typeof createFormInputSchema>;

export interface StoredForm {
  code: string;
  title: FormText;
  scope: { type: FormScopeType; id: string | null };
  createdAt: Date;
}

/** A response as services return it: always with the number of the version it was given against. */
export interface FormResponseView {
  id: string;
  formCode: string;
  version: number;
  status: FormResponseStatus;
  answers: FormAnswers;
  respondentUserId: string | null;
  enteredByUserId: string | null;
  /** The page to show next; null once every page is answered or the response is submitted. */
  currentPage: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}
