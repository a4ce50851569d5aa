/** Event invitations' input and output (issue 5, item 2), shared by the pages, the services and the API. */
import { z } from 'zod';
import { iso2Schema, slugSchema } from '#app/modules/directory/index.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';

const eventSlug = z.string().min(1).max(200);

const booleanish = z
  .union([z.boolean(), z.enum(['true', 'false', 'on'])])
  .optional()
  .transform((value) => value === true || value === 'true' || value === 'on');

/** A whole directory address is accepted too: only its query string is read. */
const directoryQuery = z
  .string()
  .max(2000)
  .optional()
  .transform((value) => {
    const text = (value ?? '').trim();
    return text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  })
  .meta({ description: 'The directory query string, as in /{locale}/organisations?country=TN&subsector=...&womenLed=true.' });

const repeated = <T extends z.ZodType>(item: T, max: number) =>
  z
    .union([item, z.array(item).max(max)])
    .optional()
    .transform((value): z.output<T>[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const INVITATION_ADD_SOURCES = ['view', 'cluster', 'twins', 'organisation'] as const;
export type InvitationAddSource = (typeof INVITATION_ADD_SOURCES)[number];

export const addInvitationsInputSchema = z
  .object({
    event: eventSlug,
    source: z.enum(INVITATION_ADD_SOURCES).meta({
      description:
        '`view`: the organisations of a directory view (`query`); `cluster`: the members of a cluster (`cluster`); `twins`: the organisation twins of a cluster or an organisation (`twinsOf`, `slug`, optionally `country`; for a cluster also the members of its three best-matched clusters abroad); `organisation`: the organisations named in `organisationIds`.',
    }),
    query: directoryQuery,
    cluster: slugSchema.optional(),
    twinsOf: z.enum(['cluster', 'organisation']).optional(),
    slug: slugSchema.optional(),
    country: repeated(iso2Schema, 30).meta({ description: 'For twins: only twins in these countries.' }),
    organisationIds: repeated(z.string().min(1).max(64), 200),
    locale: z.enum(LOCALES).default('en').meta({ description: 'The language of the mail and the link for people without a preference.' }),
    dryRun: booleanish.meta({ description: 'Only compute what would be added and the balance after; nothing is stored.' }),
  })
  .meta({ id: 'AddEventInvitationsInput' });
export type AddInvitationsInput = z.input<typeof addInvitationsInputSchema>;

export const shareSchema = z.object({ key: z.string(), count: z.number().int(), percent: z.number().int() });

export const balanceSchema = z
  .object({
    total: z.number().int(),
    gender: z.object({ women: shareSchema, men: shareSchema, other: shareSchema, unknown: shareSchema }),
    womenLed: shareSchema,
    countries: z.array(shareSchema),
    organisationTypes: z.array(shareSchema),
    sizeClasses: z.array(shareSchema).meta({ description: 'The key is empty when the size is not known.' }),
    targetPercent: z.number().int(),
    belowTarget: z.boolean().meta({ description: "True when the list has entries and the share of women is below the event's target." }),
    womenMissing: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Women to add for the list to reach the target (0 when it does; null when adding women cannot reach it).' }),
  })
  .meta({ id: 'EventInvitationBalance' });

export const addInvitationsResultSchema = z
  .object({
    dryRun: z.boolean(),
    organisations: z.number().int().meta({ description: 'Organisations the source named.' }),
    added: z.number().int().meta({ description: 'Entries added (or that would be).' }),
    alreadyListed: z.number().int().meta({ description: 'People or addresses already on the list, not added again.' }),
    balance: balanceSchema.meta({ description: 'The balance of the list after adding.' }),
  })
  .meta({ id: 'AddEventInvitationsResult' });
export type AddInvitationsResult = z.output<typeof addInvitationsResultSchema>;

export const INVITATION_STATES = ['listed', 'sent', 'opened', 'registered', 'declined', 'revoked'] as const;
export type InvitationEntryState = (typeof INVITATION_STATES)[number];

export const invitationEntrySchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    organisation: z.string().nullable(),
    organisationSlug: z.string().nullable(),
    personId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.enum(LOCALES),
    countryIso2: z.string().nullable(),
    organisationType: z.string().nullable(),
    sizeClass: z.string().nullable(),
    womenLed: z.boolean(),
    gender: z.string().nullable(),
    genderGroup: z.enum(['women', 'men', 'other', 'unknown']).meta({ description: 'The gender as the balance counts it.' }),
    source: z.string(),
    state: z.enum(INVITATION_STATES),
    sentAt: z.string().nullable(),
    sendCount: z.number().int(),
    openedAt: z.string().nullable(),
    registeredAt: z.string().nullable(),
    declinedAt: z.string().nullable(),
  })
  .meta({ id: 'EventInvitationEntry' });
export type InvitationEntry = z.output<typeof invitationEntrySchema>;

export const invitationCountsSchema = z
  .object({
    listed: z.number().int().meta({ description: 'Entries on the list (revoked ones left out).' }),
    notSent: z.number().int(),
    sendable: z.number().int().meta({ description: 'Entries with an address not sent yet.' }),
    sent: z.number().int(),
    opened: z.number().int(),
    registered: z.number().int(),
    declined: z.number().int(),
    awaiting: z.number().int().meta({ description: 'Sent and not answered: what a resend reaches.' }),
  })
  .meta({ id: 'EventInvitationCounts' });
export type InvitationCounts = z.output<typeof invitationCountsSchema>;

export const invitationListSchema = z
  .object({
    event: z.object({
      slug: z.string(),
      title: z.record(z.string(), z.string()),
      sourceLocale: z.string(),
      status: z.enum(['draft', 'published', 'cancelled']),
      hostClusterSlug: z.string().nullable(),
      countryIso2: z.string().nullable(),
      womenTargetPercent: z.number().int(),
    }),
    entries: z.array(invitationEntrySchema),
    counts: invitationCountsSchema,
    balance: balanceSchema,
    sharePath: z.string().meta({ description: 'The registration page with the share marker, for messaging apps (prefix the locale).' }),
  })
  .meta({ id: 'EventInvitationList' });
export type InvitationList = z.output<typeof invitationListSchema>;

export const sendInvitationsInputSchema = z
  .object({
    event: eventSlug,
    mode: z.enum(['new', 'resend']).default('new').meta({
      description: '`new`: the entries with an address not sent yet; `resend`: a new link to those sent and not answered.',
    }),
    dryRun: booleanish.meta({ description: 'Only count who would get a mail; nothing is sent.' }),
  })
  .meta({ id: 'SendEventInvitationsInput' });
export type SendInvitationsInput = z.input<typeof sendInvitationsInputSchema>;

export const sendInvitationsResultSchema = z
  .object({
    dryRun: z.boolean(),
    mode: z.enum(['new', 'resend']),
    recipients: z.number().int(),
    byLocale: z.object({ ar: z.number().int(), fr: z.number().int(), en: z.number().int() }),
    withoutAddress: z.number().int().meta({ description: 'Entries not sent because no address is known.' }),
  })
  .meta({ id: 'SendEventInvitationsResult' });
export type SendInvitationsResult = z.output<typeof sendInvitationsResultSchema>;

export const womenTargetInputSchema = z.object({
  event: eventSlug,
  womenTargetPercent: z.coerce.number().int().min(0).max(100),
});
export type WomenTargetInput = z.input<typeof womenTargetInputSchema>;
