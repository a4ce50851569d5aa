/** What the management pages' loaders and actions share: the gate, the form's choices, refusals. */
import { data } from 'react-router';
import type { ManageFailure } from '#app/modules/directory/components/manage-fields.tsx';
import { type FormState, formFieldOf, listCountries, listMaterials, listSectors } from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { type RequestContext, requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

interface RouteArgs {
  params: { lang?: string };
  request: Request;
  context: { get(key: typeof requestContext): RequestContext };
}

export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** Visitors go to sign-in and come back; returns the signed-in actor and the page's locale. */
export function requireSignedIn({ params, request, context }: RouteArgs): { actor: UserActor; locale: Locale } {
  const locale = localeOf(params);
  return { actor: requireAccountPage(context.get(requestContext).actor, locale, request), locale };
}

/** A refused service call that is not about the form (forbidden, not found) becomes the error page. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

/** The reference data the organisation form offers (countries, sectors, materials), in every language. */
export async function organisationFormChoices() {
  const [countries, sectors, materials] = await Promise.all([listCountries(), listSectors(), listMaterials()]);
  return { countries, sectors, materials };
}

function isEmpty(value: FormState[string] | undefined): boolean {
  return value === undefined || (typeof value === 'string' ? value.trim() === '' : value.length === 0);
}

/**
 * A refusal the person can act on (bad input, a duplicate, a pending claim) becomes the form's
 * failure, with what they typed; being forbidden or a missing organisation becomes the error page.
 */
export function refuse(error: unknown, values: FormState, input: Record<string, unknown> = {}) {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 404) {
    asErrorResponse(error);
  }
  const fields: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) {
    const field = formFieldOf(issue.field, input);
    const empty = isEmpty(values[field]) && !Object.keys(values).some((key) => key.startsWith(`${field}.`) && !isEmpty(values[key]));
    fields[field] ??= (issue.code === 'too_small' || issue.code === 'custom') && empty ? 'required' : issue.code;
  }
  const existing = error.details?.existing as ManageFailure['existing'];
  const failure: ManageFailure = { code: error.code, fields, values, ...(existing ? { existing } : {}) };
  return data({ failure }, { status: error.status });
}

/** Pages of the management area show personal data (contact details, people): never cached. */
export function noStore(): HeadersInit {
  return { 'Cache-Control': 'no-store' };
}
