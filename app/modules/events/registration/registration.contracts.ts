/**
 * Contracts of event registration (issue 5, item 3): registering oneself (or through an
 * invitation link), a registration as its owner and staff read it, the staff list's filters.
 */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { REGISTRATION_STATUSES } from '../events.schema.ts';
import { GENDERS } from './registration.ts';

/** A checkbox posted by a plain HTML form ("on") or a JSON boolean. */
const consentSchema = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export const genderSchema = z.enum(GENDERS).meta({
  description: 'Self-declared and optional: woman, man, another, prefer-not-to-say.',
});

export const registerInputSchema = z
  .object({
    /** One of the registrant's organisations (signed-in members); absent: registering as an individual. */
    organisationId: z.string().min(1).max(64).optional(),
    gender: z
      .union([genderSchema, z.literal('')])
      .optional()
      .transform((v) => (v ? v : undefined)),
    consentListed: consentSchema.meta({ description: 'Listed among the participants.' }),
    consentPhotographed: consentSchema.meta({ description: 'May appear in photographs.' }),
    /** The language of the mails and the badge (defaults to the request's). */
    locale: z.enum(LOCALES).optional(),
    /** The token of an invitation link: prefills the registration and allows invitation-only events. */
    invitation: z.string().min(1).max(200).optional(),
    /** Through an invitation link without an account: the name and address (the invitation's when absent). */
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    /**
     * Answers to the event's registration form, as the register page posts them: HTML field names
     * of the form engine (`<question>` or `<question>.<part>`) to their value(s).
     */
    formFields: z
      .record(z.string().max(200), z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(100)]))
      .optional()
      .meta({ description: 'Answers to the event’s registration form by field name (`<question>` or `<question>.<part>`).' }),
  })
  .meta({ id: 'EventRegistrationInput' });
export type RegisterInput = z.input<typeof registerInputSchema>;

export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);

export const registrationSchema = z
  .object({
    id: z.string(),
    eventSlug: z.string(),
    seq: z.number().int(),
    status: registrationStatusSchema,
    /** 1-based place on the waiting list; null unless waiting. */
    waitingPlace: z.number().int().nullable(),
    name: z.string(),
    email: z.string(),
    locale: z.enum(LOCALES),
    gender: genderSchema.nullable(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    countryIso2: z.string().nullable(),
    consentListed: z.boolean(),
    consentPhotographed: z.boolean(),
    formResponseId: z.string().nullable(),
    checkInCode: z.string().meta({ description: 'Printed as the check-in QR code; only for the registrant and staff.' }),
    checkedInAt: z.iso.datetime().nullable(),
    confirmedAt: z.iso.datetime().nullable(),
    promotedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'EventRegistration' });
export type RegistrationView = z.infer<typeof registrationSchema>;

export const registrationCountsSchema = z
  .object({
    capacity: z.number().int().nullable(),
    confirmed: z.number().int(),
    waiting: z.number().int(),
    pending: z.number().int(),
    declined: z.number().int(),
    cancelled: z.number().int(),
  })
  .meta({ id: 'EventRegistrationCounts' });
export type RegistrationCounts = z.infer<typeof registrationCountsSchema>;

export const setRegistrationFormInputSchema = z.object({
  /** The code of a published form the actor manages; null for no registration form. */
  form: z.string().min(1).max(64).nullable(),
});
export type SetRegistrationFormInput = z.input<typeof setRegistrationFormInputSchema>;

export const REGISTRATIONS_PAGE_SIZE = 50;

export const listRegistrationsInputSchema = z.object({
  status: z
    .union([registrationStatusSchema, z.literal('')])
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ListRegistrationsInput = z.input<typeof listRegistrationsInputSchema>;

export const registrationListSchema = z
  .object({
    items: z.array(registrationSchema),
    counts: registrationCountsSchema.nullable().meta({ description: 'For staff; null for a member reading their own.' }),
    page: z.number().int(),
    hasNext: z.boolean(),
  })
  .meta({ id: 'EventRegistrationList' });
export type RegistrationList = z.infer<typeof registrationListSchema>;
