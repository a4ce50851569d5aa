/** People of an organisation: what managers enter, and what the public and managers see. */
import { z } from 'zod';
import { GENDERS } from '#app/modules/identity/index.ts';
import { translatableTextSchema } from './directory.contracts.ts';

export const PERSON_NAME_MAX_LENGTH = 200;

export const personInputSchema = z
  .object({
    fullName: z.string().trim().min(1).max(PERSON_NAME_MAX_LENGTH),
    jobTitle: translatableTextSchema.nullable().optional(),
    /** Self-declared and optional: only ever entered with the person's agreement. */
    gender: z.enum(GENDERS).nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{6,30}$/)
      .nullable()
      .optional(),
    /** Listed on the public profile (name and job title only) with this consent. */
    listedConsent: z.boolean().default(false),
  })
  .meta({ id: 'PersonInput' });

export type PersonInput = z.input<typeof personInputSchema>;

/** Linking a person to the account that has this (verified) e-mail. */
export const personAccountInputSchema = z
  .object({ email: z.string().trim().pipe(z.email().max(200)) })
  .meta({ id: 'PersonAccountInput', description: 'The e-mail address of an existing account, verified by its holder.' });

export type PersonAccountInput = z.input<typeof personAccountInputSchema>;

/** What anyone sees of a person who agreed to be listed. */
export const listedPersonSchema = z
  .object({ id: z.string(), fullName: z.string(), jobTitle: translatableTextSchema.nullable() })
  .meta({ id: 'ListedPerson' });

/** What the organisation's managers see. */
export const managedPersonSchema = listedPersonSchema
  .extend({
    gender: z.enum(GENDERS).nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    listedConsent: z.boolean(),
    hasAccount: z.boolean(),
  })
  .meta({ id: 'ManagedPerson' });

export type ListedPerson = z.infer<typeof listedPersonSchema>;
export type ManagedPerson = z.infer<typeof managedPersonSchema>;
