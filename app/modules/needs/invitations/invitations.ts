/**
 * Pure rules of survey sending (issue 4, item 4): personal-link tokens (random, only their hash
 * kept), who among the candidate addresses gets an invitation (one per address, none for an
 * address already invited to the survey), the attribution copied from the directory, and an
 * invitation's state.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '#app/shared/i18n/locales.ts';

/** 32 random bytes, base64url: 43 characters. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the key in `/{locale}/surveys/{key}` is: a personal link's token, or an invitation's id (for the invited person's account). */
export function keyKind(key: string): 'token' | 'id' | null {
  if (TOKEN_PATTERN.test(key)) return 'token';
  if (UUID_PATTERN.test(key)) return 'id';
  return null;
}

export function invitationPath(locale: Locale, key: string): string {
  return `/${locale}/surveys/${key}`;
}

/** How long a personal link works after the invitation is sent. */
export const INVITATION_DAYS = 90;

/** The directory's gender vocabulary mapped to the survey's (`prefer-not-to-say` is the survey's `undisclosed`); anything else is unknown. */
export function surveyGender(directoryGender: string | null | undefined): string | null {
  if (directoryGender === 'woman' || directoryGender === 'man' || directoryGender === 'another') return directoryGender;
  if (directoryGender === 'prefer-not-to-say') return 'undisclosed';
  return null;
}

/** A person (or an organisation's own address) the directory offers for a selection. */
export interface Candidate {
  organisationId: string;
  organisationName: string;
  personId: string | null;
  userId: string | null;
  name: string | null;
  email: string;
  /** The account's language, when the person has an account. */
  locale: string | null;
  gender: string | null;
  country: string;
  cluster: string | null;
  sizeClass: string | null;
}

export interface RecipientPlan {
  /** One per address, in the candidates' order. */
  recipients: Candidate[];
  /** Addresses met more than once in the selection (each sent once). */
  duplicates: number;
  /** Addresses already invited to this survey (not sent again). */
  alreadyInvited: number;
  organisations: number;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Who gets an invitation: each address once, none already invited to the survey. */
export function planRecipients(candidates: readonly Candidate[], invited: ReadonlySet<string>): RecipientPlan {
  const seen = new Set<string>();
  const recipients: Candidate[] = [];
  let duplicates = 0;
  let alreadyInvited = 0;
  for (const candidate of candidates) {
    const email = normaliseEmail(candidate.email);
    if (!email.includes('@')) continue;
    if (seen.has(email)) {
      duplicates += 1;
      continue;
    }
    seen.add(email);
    if (invited.has(email)) {
      alreadyInvited += 1;
      continue;
    }
    recipients.push({ ...candidate, email });
  }
  return { recipients, duplicates, alreadyInvited, organisations: new Set(recipients.map((r) => r.organisationId)).size };
}

export type InvitationState = 'answered' | 'started' | 'opened' | 'sent' | 'expired' | 'revoked';

export function invitationState(
  invitation: { answeredAt: Date | null; responseId: string | null; openedAt: Date | null; expiresAt: Date; revokedAt: Date | null },
  now: Date,
): InvitationState {
  if (invitation.answeredAt) return 'answered';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt <= now) return 'expired';
  if (invitation.responseId) return 'started';
  return invitation.openedAt ? 'opened' : 'sent';
}
