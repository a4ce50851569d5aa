/** The follow-up's contracts: decisions, actions, minutes and documents, for the pages and the API. */
import { z } from 'zod';
import { ACTION_STATUSES } from './followup.schema.ts';

const isoDate = z.iso.date();
/** A checkbox or a JSON boolean. */
const flag = z.union([
  z.boolean(),
  z.literal('on').transform(() => true),
  z.literal('true').transform(() => true),
  z.literal('false').transform(() => false),
]);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const decisionInputSchema = z
  .object({
    text: z.string().trim().min(1).max(4000),
    decidedOn: isoDate,
    isPublic: flag.optional().default(false),
  })
  .meta({ id: 'EventDecisionInput' });
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const actionInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    ownerName: z.string().trim().min(1).max(200),
    /** The owner's account, found by its address: the owner is told by mail. */
    ownerEmail: optionalText(254)
      .pipe(z.email().optional())
      .meta({ description: 'The address of the owner’s account, if they have one: they are told by mail.' }),
    dueOn: z
      .union([isoDate, z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    status: z.enum(ACTION_STATUSES).default('open'),
    decisionId: optionalText(64),
    isPublic: flag.optional().default(false),
  })
  .meta({ id: 'EventActionInput' });
export type ActionInput = z.input<typeof actionInputSchema>;

export const actionStatusInputSchema = z.object({ status: z.enum(ACTION_STATUSES) }).meta({ id: 'EventActionStatusInput' });

export const minutesInputSchema = z
  .object({ body: z.string().max(100_000), isPublic: flag.optional().default(false) })
  .meta({ id: 'EventMinutesInput' });
export type MinutesInput = z.input<typeof minutesInputSchema>;

export const documentInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  isPublic: flag.optional().default(false),
});
export type DocumentInput = z.input<typeof documentInputSchema>;

const decisionSchema = z.object({
  id: z.string(),
  text: z.string(),
  decidedOn: z.string(),
  isPublic: z.boolean(),
});
const actionSchema = z.object({
  id: z.string(),
  title: z.string(),
  ownerName: z.string(),
  ownerHasAccount: z.boolean(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  decisionId: z.string().nullable(),
  isPublic: z.boolean(),
});
const minutesSchema = z.object({
  body: z.string(),
  isPublic: z.boolean(),
  updatedAt: z.string(),
  authorName: z.string().nullable(),
});
const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  /** PDF, DOCX, XLSX, PNG, JPEG, WebP. */
  kind: z.string(),
  size: z.number().int(),
  isPublic: z.boolean(),
  createdAt: z.string(),
});

export const followUpSchema = z
  .object({
    event: z.object({ slug: z.string(), title: z.record(z.string(), z.string()), sourceLocale: z.string(), timeZone: z.string() }),
    canManage: z.boolean(),
    today: z.string(),
    decisions: z.array(decisionSchema),
    actions: z.array(actionSchema),
    minutes: minutesSchema.nullable(),
    /** Earlier versions of the minutes, newest first (managers only; empty for others). */
    minutesHistory: z.array(minutesSchema),
    documents: z.array(documentSchema),
  })
  .meta({ id: 'EventFollowUp' });
export type FollowUp = z.infer<typeof followUpSchema>;
export type FollowUpAction = z.infer<typeof actionSchema>;
export type FollowUpDecision = z.infer<typeof decisionSchema>;
export type FollowUpDocument = z.infer<typeof documentSchema>;
export { actionSchema as followUpActionSchema, decisionSchema as followUpDecisionSchema, documentSchema as followUpDocumentSchema };

export const openActionSchema = actionSchema.extend({
  event: z.object({ slug: z.string(), title: z.record(z.string(), z.string()), sourceLocale: z.string() }),
});
export const openActionsSchema = z.object({ items: z.array(openActionSchema), truncated: z.boolean() }).meta({ id: 'OpenEventActions' });
export type OpenActions = z.infer<typeof openActionsSchema>;
