/**
 * What every account page action shares: the page's locale, the posted fields, better-auth's
 * cookies on the redirect, and turning a refused request into a translated failure for the form.
 */
import { data } from 'react-router';
import type { FormFailure } from '#app/modules/identity/components/form-fields.tsx';
import { type AppError, isAppError } from '#app/shared/errors.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** The posted text fields (files are never expected on these pages). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
  return fields;
}

export function withCookies(cookies: string[]): Headers {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return headers;
}

/** Refusals that are about one field, so the field is marked invalid too (not the sign-in pair: that would say which one is wrong). */
const FIELD_OF_ERROR: Record<string, string> = {
  IDENTITY_WRONG_PASSWORD: 'password',
  IDENTITY_TWO_FACTOR_INVALID_CODE: 'code',
};

/** Never echoed back into the page. */
const SECRET_FIELDS = new Set(['password', 'code', 'token', 'totpUri']);

function fieldsOf(error: AppError, values: Record<string, string>): Record<string, string> {
  const field = FIELD_OF_ERROR[error.code];
  if (field) return { [field]: 'invalid' };
  // An empty field is "required", not "too short".
  return Object.fromEntries(
    (error.details?.fields ?? []).map((issue) => [
      issue.field,
      issue.code === 'too_small' && !values[issue.field]?.trim() ? 'required' : issue.code,
    ]),
  );
}

/**
 * A refusal the visitor can act on (bad input, wrong password, rate limit...) becomes the form's
 * failure with the same HTTP status; anything else (a bug, the database down) is rethrown to the
 * error boundary.
 */
export function refuse(error: unknown, values: Record<string, string>) {
  if (!isAppError(error) || error.status >= 500) throw error;
  const retryAfter = typeof error.details?.retryAfter === 'number' ? error.details.retryAfter : undefined;
  const failure: FormFailure = {
    code: error.code,
    fields: fieldsOf(error, values),
    values: Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELDS.has(name))),
    retryAfter,
  };
  return data({ failure }, { status: error.status, headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined });
}
