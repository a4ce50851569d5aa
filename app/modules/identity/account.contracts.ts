/**
 * Contracts of the account journeys (sign-up, sign-in, verification, password reset, two-factor)
 * and of the profile and session services. Shared by the pages, the services and the API.
 */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { GENDERS } from './identity.schema.ts';

/** better-auth's defaults, stated here so forms and errors agree with it. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 120;

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const newPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const currentPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const name = z.string().trim().min(1).max(NAME_MAX_LENGTH);
const locale = z.enum(LOCALES);

export const signUpInput = z.object({ name, email, password: newPassword, locale });
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({ email, password: currentPassword });
export type SignInInput = z.infer<typeof signInInput>;

/** An authenticator code or a backup code; `trustDevice` skips the challenge on this browser for 30 days. */
export const twoFactorChallengeInput = z.object({
  code: z.string().trim().min(6).max(32),
  trustDevice: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});
export type TwoFactorChallengeInput = z.infer<typeof twoFactorChallengeInput>;

export const emailInput = z.object({ email });
export type EmailInput = z.infer<typeof emailInput>;

export const verifyEmailInput = z.object({ token: z.string().min(1).max(4096) });

export const resetPasswordInput = z.object({ token: z.string().min(1).max(512), password: newPassword });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const passwordConfirmationInput = z.object({ password: currentPassword });
export type PasswordConfirmationInput = z.infer<typeof passwordConfirmationInput>;

export const totpCodeInput = z.object({ code: z.string().trim().min(6).max(16) });
export type TotpCodeInput = z.infer<typeof totpCodeInput>;

/**
 * Profile. Gender is optional and self-declared; an empty value (or null) clears it, leaving it
 * out keeps what is stored.
 */
export const updateProfileInput = z.object({
  name,
  locale,
  gender: z
    .enum([...GENDERS, ''])
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const sessionIdInput = z.object({ sessionId: z.string().min(1).max(200) });
