/** Shared by the answering pages' loaders and actions: refusals as error pages, the assisted-entry banner's person. */
import { getRespondent } from '#app/modules/forms/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';

/** A refused or missing thing becomes the matching error page (401, 403, 404); anything else is rethrown. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
  throw error;
}

/** The `?for=<user id>` of assisted entry, or undefined. */
export function forUserOf(request: Request): string | undefined {
  return new URL(request.url).searchParams.get('for')?.trim() || undefined;
}

/**
 * Whom the actor answers for, when they enter answers for someone else: named on every page.
 * `respondentUserId` is the response's respondent when it was entered by staff, or `?for`.
 */
export async function assistedRespondent(
  actor: UserActor,
  formCode: string,
  respondentUserId: string | null | undefined,
): Promise<{ userId: string; name: string } | null> {
  if (!respondentUserId || respondentUserId === actor.userId) return null;
  return getRespondent(actor, formCode, respondentUserId).catch(asErrorResponse);
}
