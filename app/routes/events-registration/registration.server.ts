/** What the registration pages' loaders and actions share: the locale, refusals as page errors or form failures. */
import { data } from 'react-router';
import { type FieldProblem, postedValues } from '#app/modules/forms/components/answer-fields.ts';
import { isAppError } from '#app/shared/errors.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** A refused call that is not about the form (forbidden, not found) becomes the error page. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export interface RegistrationFailure {
  /** `errors.<code>` */
  code: string;
  /** Form field -> error code. */
  fields: Record<string, string>;
  /** The registration form's refused answers, beside their questions (FORMS_ANSWERS_INVALID). */
  problems?: FieldProblem[];
  /** What was typed in the registration form's questions, to show again. */
  values?: Record<string, string[]>;
}

/** A refusal the person can act on (full, closed, already registered, a bad field) is shown on the form; the rest is the error page. */
export function refusal(error: unknown, entries: [string, string][] = []) {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 404) {
    asErrorResponse(error);
  }
  const fields: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) fields[issue.field] ??= issue.code;
  const answerErrors = (error.details?.answerErrors ?? []) as FieldProblem[];
  const failure: RegistrationFailure = {
    code: error.code,
    fields,
    ...(answerErrors.length > 0
      ? {
          problems: answerErrors.map(({ field, code, values, message }) => ({
            field,
            code,
            ...(values ? { values } : {}),
            ...(message ? { message } : {}),
          })),
          values: postedValues(entries),
        }
      : {}),
  };
  return data({ failure }, { status: error.status });
}

export function noStore(): HeadersInit {
  return { 'Cache-Control': 'no-store' };
}

/** What every registration page shows of its event (dates as ISO strings: loader data is JSON). */
export function eventHeading(event: {
  slug: string;
  title: Record<string, string | undefined>;
  sourceLocale: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}) {
  return {
    slug: event.slug,
    title: event.title,
    sourceLocale: event.sourceLocale,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
  };
}
