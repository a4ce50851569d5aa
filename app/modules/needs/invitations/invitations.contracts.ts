/** Survey sending's input and output (issue 4, item 4), shared by the pages, the services and the API. */
import { z } from 'zod';
import { slugSchema } from '#app/modules/directory/index.ts';
import { formCodeSchema } from '#app/modules/forms/index.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';

export const INVITATION_AUDIENCES = ['cluster', 'selection'] as const;

export const sendInvitationsInputSchema = z
  .object({
    form: formCodeSchema,
    audience: z.enum(INVITATION_AUDIENCES).meta({
      description: '`cluster`: the member organisations of a cluster; `selection`: the organisations of a directory view (`query`).',
    }),
    cluster: slugSchema.optional().meta({ description: "The cluster whose members are invited (default: the survey's own cluster)." }),
    query: z
      .string()
      .max(2000)
      .optional()
      .transform((value) => {
        // A whole directory address is accepted too: only its query string is read.
        const text = (value ?? '').trim();
        return text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
      })
      .meta({ description: 'The directory query string, as in /{locale}/organisations?country=TN&subsector=...&womenLed=true.' }),
    locale: z.enum(LOCALES).meta({ description: 'The language of mails and pages for people without a language preference.' }),
    dryRun: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .optional()
      .transform((value) => value === true || value === 'true')
      .meta({ description: 'Only list who would be invited; nothing is sent or stored.' }),
  })
  .meta({ id: 'SendSurveyInvitationsInput' });
export type SendInvitationsInput = z.input<typeof sendInvitationsInputSchema>;

export const invitationRecipientSchema = z.object({
  organisation: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  locale: z.enum(LOCALES),
  country: z.string(),
  cluster: z.string().nullable(),
});

export const sendInvitationsResultSchema = z
  .object({
    dryRun: z.boolean(),
    organisations: z.number().int(),
    recipients: z.array(invitationRecipientSchema),
    sent: z.number().int(),
    duplicates: z.number().int().meta({ description: 'Addresses met more than once in the selection, each invited once.' }),
    alreadyInvited: z.number().int().meta({ description: 'Addresses already invited to this survey, not sent again.' }),
    organisationsWithoutAddress: z.number().int(),
  })
  .meta({ id: 'SendSurveyInvitationsResult' });
export type SendInvitationsResult = z.output<typeof sendInvitationsResultSchema>;

export const remindInvitationsInputSchema = z
  .object({
    form: formCodeSchema,
    afterDays: z.coerce
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: 'Schedule the reminder this many days from now instead of sending it now.' }),
  })
  .meta({ id: 'RemindSurveyInvitationsInput' });
export type RemindInvitationsInput = z.input<typeof remindInvitationsInputSchema>;

export const remindInvitationsResultSchema = z
  .object({ reminded: z.number().int(), scheduledFor: z.iso.datetime().nullable() })
  .meta({ id: 'RemindSurveyInvitationsResult' });
export type RemindInvitationsResult = z.output<typeof remindInvitationsResultSchema>;

export const INVITATION_STATES = ['sent', 'opened', 'started', 'answered', 'expired', 'revoked'] as const;
export const INVITATIONS_PAGE_SIZE = 50;

export const invitationStatusQuerySchema = z.object({
  form: formCodeSchema,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type InvitationStatusQuery = z.input<typeof invitationStatusQuerySchema>;

export const invitationSummarySchema = z.object({
  id: z.string(),
  organisation: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string(),
  locale: z.enum(LOCALES),
  state: z.enum(INVITATION_STATES),
  sentAt: z.iso.datetime(),
  openedAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  reminders: z.number().int(),
  lastRemindedAt: z.iso.datetime().nullable(),
});
export type InvitationSummary = z.output<typeof invitationSummarySchema>;

export const invitationStatusSchema = z
  .object({
    form: z.string(),
    title: z.record(z.string(), z.string()).meta({ description: "The survey's title by language." }),
    counts: z.object({
      invited: z.number().int(),
      opened: z.number().int(),
      answered: z.number().int(),
      reminded: z.number().int(),
      pending: z.number().int(),
    }),
    invitations: z.array(invitationSummarySchema),
    page: z.number().int(),
    hasNext: z.boolean(),
  })
  .meta({ id: 'SurveyInvitationStatus' });
export type InvitationStatus = z.output<typeof invitationStatusSchema>;
