/**
 * Pure rules of event invitations: which candidates join the list (each organisation+person and
 * each address once, none already listed), an entry's state, and the links' addresses.
 */
import type { InvitationEntryState } from './invitations.contracts.ts';

export interface PlannedCandidate {
  organisationId: string;
  personId: string | null;
  email: string | null;
}

export function candidateKey(candidate: { organisationId: string; personId: string | null }): string {
  return `${candidate.organisationId}|${candidate.personId ?? ''}`;
}

/** The candidates to add, in order: none already listed (by organisation+person or by address), each once. */
export function planEntries<C extends PlannedCandidate>(
  candidates: readonly C[],
  listed: { keys: ReadonlySet<string>; emails: ReadonlySet<string> },
): { toAdd: C[]; alreadyListed: number } {
  const keys = new Set(listed.keys);
  const emails = new Set(listed.emails);
  const toAdd: C[] = [];
  let alreadyListed = 0;
  for (const candidate of candidates) {
    const key = candidateKey(candidate);
    const email = candidate.email?.trim().toLowerCase() || null;
    if (keys.has(key) || (email && emails.has(email))) {
      alreadyListed += 1;
      continue;
    }
    keys.add(key);
    if (email) emails.add(email);
    toAdd.push({ ...candidate, email });
  }
  return { toAdd, alreadyListed };
}

export function entryState(entry: {
  revokedAt: Date | string | null;
  registeredAt: Date | string | null;
  declinedAt: Date | string | null;
  openedAt: Date | string | null;
  sentAt: Date | string | null;
}): InvitationEntryState {
  if (entry.revokedAt) return 'revoked';
  if (entry.registeredAt) return 'registered';
  if (entry.declinedAt) return 'declined';
  if (entry.openedAt) return 'opened';
  if (entry.sentAt) return 'sent';
  return 'listed';
}

export function invitedPath(locale: string, slug: string, token: string): string {
  return `/${locale}/events/${slug}/invited/${token}`;
}

export function registerPath(locale: string, slug: string, token?: string): string {
  return `/${locale}/events/${slug}/register${token ? `?invitation=${encodeURIComponent(token)}` : ''}`;
}

/** The share marker on the registration address for messaging apps. */
export const SHARE_MARKER = 'via=share';

export function sharePath(slug: string): string {
  return `/events/${slug}/register?${SHARE_MARKER}`;
}

/** Ordinary links for messaging apps (opened by the reader's own app; nothing loads from another origin). */
export function shareLinks(url: string, text: string): { whatsapp: string; telegram: string; email: string } {
  const message = `${text} ${url}`;
  return {
    whatsapp: `https://wa.me/?text=${encodeURIComponent(message)}`,
    telegram: `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`,
    email: `mailto:?subject=${encodeURIComponent(text)}&body=${encodeURIComponent(message)}`,
  };
}
