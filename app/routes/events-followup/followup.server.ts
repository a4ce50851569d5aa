/** What the follow-up pages share: the locale, refusals as error pages or as form failures. */
import { data } from 'react-router';
import { isAppError } from '#app/shared/errors.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export interface FollowUpFailure {
  /** Which form failed (its intent). */
  intent: string;
  /** `errors.<code>` */
  code: string;
  /** Form field -> error code. */
  fields: Record<string, string>;
}

/** A refusal about the form (a bad field, an unknown owner, a wrong file type) is shown beside the form; the rest is the error page. */
export function refusal(intent: string, error: unknown) {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 404)
    asErrorResponse(error);
  const fields: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) fields[issue.field] ??= issue.code;
  const failure: FollowUpFailure = { intent, code: error.code, fields };
  return data({ failure }, { status: error.status });
}
