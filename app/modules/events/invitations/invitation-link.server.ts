/**
 * What registration (and the invitation link page) need from an invitation link: the open
 * invitation a token names, and marking it answered. A token is looked up by its SHA-256 hash;
 * an unknown token, a revoked invitation or one for another event give null.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { eventInvitation, eventInvitationLink } from '#app/shared/db/schema.ts';
import { hashInvitationToken, INVITATION_TOKEN_PATTERN } from './invitation-token.ts';

export interface OpenInvitation {
  id: string;
  name: string | null;
  email: string | null;
  locale: string;
  organisationId: string | null;
  personId: string | null;
  gender: string | null;
  countryIso2: string | null;
}

export async function findOpenInvitationByToken(executor: Executor, eventId: string, token: string): Promise<OpenInvitation | null> {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return null;
  const [row] = await executor
    .select({
      id: eventInvitation.id,
      name: eventInvitation.name,
      email: eventInvitation.email,
      locale: eventInvitation.locale,
      organisationId: eventInvitation.organisationId,
      personId: eventInvitation.personId,
      gender: eventInvitation.gender,
      countryIso2: eventInvitation.countryIso2,
    })
    .from(eventInvitationLink)
    .innerJoin(eventInvitation, eq(eventInvitation.id, eventInvitationLink.invitationId))
    .where(
      and(
        eq(eventInvitationLink.tokenHash, hashInvitationToken(token)),
        eq(eventInvitation.eventId, eventId),
        isNull(eventInvitation.revokedAt),
      ),
    );
  return row ?? null;
}

/** Registered or declined through the link: the latest answer wins (a decline after registering is B's cancellation, not this). */
export async function markInvitationResponded(
  executor: Executor,
  invitationId: string,
  response: 'registered' | 'declined',
  at: Date,
): Promise<void> {
  await executor
    .update(eventInvitation)
    .set(response === 'registered' ? { registeredAt: at, declinedAt: null } : { declinedAt: at, registeredAt: null })
    .where(eq(eventInvitation.id, invitationId));
}
