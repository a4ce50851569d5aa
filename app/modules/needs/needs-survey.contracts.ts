/** What creating a needs survey takes: a code, the scope it is sent for, and optionally its own title. */
import { z } from 'zod';
import { formCodeSchema, formLabelSchema, formScopeSchema } from '#app/modules/forms/index.ts';

export const createNeedsSurveyInputSchema = z
  .object({
    code: formCodeSchema,
    scope: formScopeSchema,
    title: formLabelSchema.optional(),
  })
  .meta({ id: 'CreateNeedsSurveyInput' });
export type CreateNeedsSurveyInput = z.input<typeof createNeedsSurveyInputSchema>;
