/**
 * Personal-link tokens of event invitations: 32 random bytes (base64url, 43 characters), of which
 * only the SHA-256 hash is stored, so a leaked table gives no working link.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
