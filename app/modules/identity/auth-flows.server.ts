/**
 * The account journeys behind the no-JavaScript pages: each flow validates its input with our
 * contracts, then forwards a JSON request to better-auth's own HTTP handler, so its rate limiter,
 * origin check, cookie handling and enumeration protections apply exactly as for API clients.
 * better-auth's errors become our translated `AppError` codes; its `Set-Cookie` headers are
 * returned for the page to put on its redirect.
 *
 * The forwarded request carries the visitor's cookies, user agent and the client address that the
 * front door vouched for (`CLIENT_IP_HEADER`), and our own origin: the page's form post already
 * passed the front door's cross-origin check.
 */

import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import {
  emailInput,
  passwordConfirmationInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
  totpCodeInput,
  twoFactorChallengeInput,
  verifyEmailInput,
} from './account.contracts.ts';
import { requireAccountHolder } from './account.policy.ts';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER, getAuth } from './auth.server.ts';
import { presentTotpSetup, type TotpSetupView } from './totp-setup.server.ts';
import { classifyTwoFactorCode, normaliseTotpCode } from './two-factor-code.ts';

/** What a flow hands back to the page: cookies for the redirect, plus flow-specific data. */
export interface AuthOutcome {
  cookies: string[];
}

/** Request headers better-auth needs from the visitor's request. */
const FORWARDED_HEADERS = ['cookie', 'user-agent', 'accept-language', CLIENT_IP_HEADER] as const;

/** better-auth's error codes, as our translated codes. Codes absent here become IDENTITY_AUTH_FAILED. */
const ERROR_CODES: Record<string, { code: string; status: number }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'IDENTITY_INVALID_CREDENTIALS', status: 401 },
  EMAIL_NOT_VERIFIED: { code: 'IDENTITY_EMAIL_NOT_VERIFIED', status: 403 },
  INVALID_PASSWORD: { code: 'IDENTITY_WRONG_PASSWORD', status: 400 },
  PASSWORD_TOO_SHORT: { code: 'IDENTITY_PASSWORD_TOO_SHORT', status: 400 },
  PASSWORD_TOO_LONG: { code: 'IDENTITY_PASSWORD_TOO_LONG', status: 400 },
  INVALID_CODE: { code: 'IDENTITY_TWO_FACTOR_INVALID_CODE', status: 400 },
  INVALID_BACKUP_CODE: { code: 'IDENTITY_TWO_FACTOR_INVALID_CODE', status: 400 },
  INVALID_TWO_FACTOR_COOKIE: { code: 'IDENTITY_TWO_FACTOR_EXPIRED', status: 401 },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { code: 'IDENTITY_TWO_FACTOR_EXPIRED', status: 401 },
  ACCOUNT_TEMPORARILY_LOCKED: { code: 'IDENTITY_TWO_FACTOR_LOCKED', status: 423 },
  TOTP_ALREADY_ENABLED: { code: 'IDENTITY_TWO_FACTOR_ALREADY_ENABLED', status: 409 },
  TOTP_NOT_ENABLED: { code: 'IDENTITY_TWO_FACTOR_NOT_ENABLED', status: 409 },
  TWO_FACTOR_NOT_ENABLED: { code: 'IDENTITY_TWO_FACTOR_NOT_ENABLED', status: 409 },
  SESSION_NOT_FRESH: { code: 'IDENTITY_SESSION_NOT_FRESH', status: 403 },
  SESSION_EXPIRED: { code: 'IDENTITY_SESSION_NOT_FRESH', status: 403 },
  EMAIL_ALREADY_VERIFIED: { code: 'IDENTITY_EMAIL_ALREADY_VERIFIED', status: 409 },
  INVALID_ORIGIN: { code: 'COMMON_FORBIDDEN', status: 403 },
  MISSING_OR_NULL_ORIGIN: { code: 'COMMON_FORBIDDEN', status: 403 },
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: { code: 'COMMON_FORBIDDEN', status: 403 },
  UNAUTHORIZED: { code: 'COMMON_UNAUTHENTICATED', status: 401 },
};

type ErrorOverrides = Record<string, string>;

async function toAppError(response: Response, overrides: ErrorOverrides): Promise<AppError> {
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('x-retry-after'));
    return new AppError('COMMON_RATE_LIMITED', 429, Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : undefined);
  }
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  const authCode = typeof body?.code === 'string' ? body.code : '';
  const override = overrides[authCode];
  if (override) return new AppError(override, response.status >= 500 ? 400 : response.status);
  const mapped = ERROR_CODES[authCode];
  if (mapped) return new AppError(mapped.code, mapped.status);
  if (response.status === 401) return CommonErrors.unauthenticated();
  return new AppError('IDENTITY_AUTH_FAILED', response.status >= 400 && response.status < 500 ? response.status : 500, { authCode });
}

interface AuthCall {
  method?: 'GET' | 'POST';
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  /** Flow-specific meanings of better-auth codes (an INVALID_TOKEN is a bad link in one flow, a bad code in another). */
  errors?: ErrorOverrides;
}

async function callAuth<T>(from: Headers, endpoint: string, call: AuthCall = {}): Promise<{ data: T; cookies: string[] }> {
  const config = getConfig();
  const headers = new Headers({ accept: 'application/json', origin: config.publicUrl });
  for (const name of FORWARDED_HEADERS) {
    const value = from.get(name);
    if (value) headers.set(name, value);
  }
  const method = call.method ?? (call.body ? 'POST' : 'GET');
  if (call.body) headers.set('content-type', 'application/json');
  const url = new URL(`${config.publicUrl}${AUTH_BASE_PATH}${endpoint}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const response = await (await getAuth()).handler(
    new Request(url, { method, headers, body: call.body ? JSON.stringify(call.body) : undefined, redirect: 'manual' }),
  );
  if (!response.ok) throw await toAppError(response, call.errors ?? {});
  const data = (await response.json().catch(() => null)) as T;
  return { data, cookies: response.headers.getSetCookie() };
}

/** Creates an account and queues the verification mail. An address already in use looks the same (no enumeration). */
export async function signUp(from: Headers, input: unknown): Promise<AuthOutcome> {
  const { name, email, password, locale } = parseInput(signUpInput, input);
  const { cookies } = await callAuth(from, '/sign-up/email', { body: { name, email, password, locale } });
  return { cookies };
}

export interface SignInOutcome extends AuthOutcome {
  /** The account has two-factor on: the page sends the visitor to the code challenge. */
  twoFactorRequired: boolean;
}

export async function signIn(from: Headers, input: unknown): Promise<SignInOutcome> {
  const { email, password } = parseInput(signInInput, input);
  const { data, cookies } = await callAuth<{ twoFactorRedirect?: boolean }>(from, '/sign-in/email', {
    body: { email, password, rememberMe: true },
  });
  return { cookies, twoFactorRequired: data?.twoFactorRedirect === true };
}

/** Second step of sign-in: an authenticator code (six digits) or a backup code. */
export async function completeTwoFactorSignIn(from: Headers, input: unknown): Promise<AuthOutcome> {
  const { code, trustDevice } = parseInput(twoFactorChallengeInput, input);
  const classified = classifyTwoFactorCode(code);
  const endpoint = classified.kind === 'totp' ? '/two-factor/verify-totp' : '/two-factor/verify-backup-code';
  const { cookies } = await callAuth(from, endpoint, { body: { code: classified.code, trustDevice } });
  return { cookies };
}

export async function signOut(from: Headers): Promise<AuthOutcome> {
  const { cookies } = await callAuth(from, '/sign-out', { body: {} });
  return { cookies };
}

export async function verifyEmail(from: Headers, input: unknown): Promise<AuthOutcome> {
  const { token } = parseInput(verifyEmailInput, input);
  const { cookies } = await callAuth(from, '/verify-email', {
    query: { token },
    errors: {
      INVALID_TOKEN: 'IDENTITY_VERIFICATION_LINK_INVALID',
      TOKEN_EXPIRED: 'IDENTITY_VERIFICATION_LINK_EXPIRED',
      USER_NOT_FOUND: 'IDENTITY_VERIFICATION_LINK_INVALID',
    },
  });
  return { cookies };
}

/** Sends the verification mail again. Says nothing about whether the address has an account. */
export async function resendVerificationEmail(from: Headers, input: unknown): Promise<void> {
  const { email } = parseInput(emailInput, input);
  await callAuth(from, '/send-verification-email', { body: { email } });
}

/** Mails a reset link when the address has an account; answers the same either way. */
export async function requestPasswordReset(from: Headers, input: unknown): Promise<void> {
  const { email } = parseInput(emailInput, input);
  await callAuth(from, '/request-password-reset', { body: { email } });
}

/** Sets a new password from a reset link; every session of the account is signed out. */
export async function resetPassword(from: Headers, input: unknown): Promise<void> {
  const { token, password } = parseInput(resetPasswordInput, input);
  await callAuth(from, '/reset-password', {
    body: { token, newPassword: password },
    errors: { INVALID_TOKEN: 'IDENTITY_RESET_LINK_INVALID' },
  });
}

/** Step 1 of two-factor setup: the password unlocks a new secret (not active until confirmed). */
export async function startTwoFactorSetup(actor: Actor, from: Headers, input: unknown): Promise<TotpSetupView> {
  requireAccountHolder(actor);
  const { password } = parseInput(passwordConfirmationInput, input);
  const { data } = await callAuth<{ totpURI: string }>(from, '/two-factor/enable', { body: { password } });
  return presentTotpSetup(data.totpURI);
}

export interface TwoFactorEnabled extends AuthOutcome {
  /** Shown once: each code signs in once when the authenticator is lost. */
  backupCodes: string[];
}

/** Step 2: a code from the app proves it works; two-factor is then on and the session is renewed. */
export async function confirmTwoFactorSetup(actor: Actor, from: Headers, input: unknown): Promise<TwoFactorEnabled> {
  const holder = requireAccountHolder(actor);
  const { code } = parseInput(totpCodeInput, input);
  const { cookies } = await callAuth(from, '/two-factor/verify-totp', { body: { code: normaliseTotpCode(code) } });
  const { backupCodes } = await (await getAuth()).api.viewBackupCodes({ body: { userId: holder.userId } });
  await recordAudit(getDb(), actor, { action: 'identity.twoFactor.enable', subjectType: 'user', subjectId: holder.userId });
  return { cookies, backupCodes };
}

export async function disableTwoFactor(actor: Actor, from: Headers, input: unknown): Promise<AuthOutcome> {
  const holder = requireAccountHolder(actor);
  const { password } = parseInput(passwordConfirmationInput, input);
  const { cookies } = await callAuth(from, '/two-factor/disable', { body: { password } });
  await recordAudit(getDb(), actor, { action: 'identity.twoFactor.disable', subjectType: 'user', subjectId: holder.userId });
  return { cookies };
}

/** New backup codes replace the old ones, which stop working. */
export async function regenerateBackupCodes(actor: Actor, from: Headers, input: unknown): Promise<{ backupCodes: string[] }> {
  const holder = requireAccountHolder(actor);
  const { password } = parseInput(passwordConfirmationInput, input);
  const { data } = await callAuth<{ backupCodes: string[] }>(from, '/two-factor/generate-backup-codes', { body: { password } });
  await recordAudit(getDb(), actor, { action: 'identity.twoFactor.backupCodes', subjectType: 'user', subjectId: holder.userId });
  return { backupCodes: data.backupCodes };
}
