/** Input of `createAdmin` (the CLI's `create-admin`). The password length rule is better-auth's, checked by the service. */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';

export const createAdminInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(1),
  locale: z.enum(LOCALES).default('en'),
});

export type CreateAdminInput = z.input<typeof createAdminInput>;
